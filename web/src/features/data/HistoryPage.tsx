/** `/data/history/{indicator}/{period}`: every version with who, when, why and what changed. */
import type { DataHistory } from '../../../../src/contracts/data';
import { useI18n } from '../../i18n/context';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import { getHistory } from './dataApi';
import { StatusTag } from './StatusTag';

type Version = DataHistory['versions'][number];
type Event = DataHistory['events'][number];

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

export function HistoryPage({ plan, indicator, period }: { plan: string; indicator: string; period: string }) {
  const { t } = useI18n();
  const state = useAsync((signal) => getHistory(plan, indicator, period, signal), `${plan}|${indicator}|${period}`);
  return (
    <>
      <h1>
        {t('dataHistory')}：{indicator} · {period}
      </h1>
      <Loaded state={state}>
        {(h) => (
          <>
            <SimpleTable<Version>
              rowKey="version"
              pagination={false}
              dataSource={h.versions}
              columns={[
                { title: t('dataVersion'), dataIndex: 'version' },
                { title: t('dataValue'), dataIndex: 'value' },
                { title: t('status'), render: (_, v) => <StatusTag status={v.status} /> },
                { title: t('dataWho'), render: (_, v) => v.recorded_by ?? '—' },
                { title: t('dataWhen'), render: (_, v) => v.recorded_at.slice(0, 19).replace('T', ' ') },
                { title: t('dataWhy'), render: (_, v) => v.reason ?? '' },
                {
                  title: t('dataChanges'),
                  render: (_, v) =>
                    Object.entries(v.changes).map(([field, c]) => (
                      <div key={field}>
                        {field}: <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
                      </div>
                    )),
                },
              ]}
            />
            <h2 style={{ fontSize: 18, marginTop: 24 }}>{t('dataEvents')}</h2>
            <SimpleTable<Event>
              rowKey={(e) => `${e.at}|${e.action}|${e.version ?? ''}`}
              pagination={false}
              dataSource={h.events}
              columns={[
                { title: t('dataWhen'), render: (_, e) => e.at.slice(0, 19).replace('T', ' ') },
                { title: t('dataWho'), dataIndex: 'actor' },
                { title: t('dataAction'), dataIndex: 'action' },
                { title: t('dataVersion'), render: (_, e) => e.version ?? '' },
                { title: t('status'), render: (_, e) => `${e.from_status ?? ''} → ${e.to_status ?? ''}` },
                { title: t('dataWhy'), render: (_, e) => e.reason ?? '' },
              ]}
            />
          </>
        )}
      </Loaded>
    </>
  );
}
