/** `/data/history/{indicator}/{period}`: every version with who, when, why and what changed. */
import type { DataHistory } from '../../../../src/contracts/data';
import { useI18n } from '../../i18n/context';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import { getHistory } from './dataApi';
import { StatusTag } from './StatusTag';
import { actionWord, fieldWord, nameOf, statusWord } from './words';
import { formatPeriod, formatValue } from '../../format';

type Version = DataHistory['versions'][number];
type Event = DataHistory['events'][number];

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

export function HistoryPage({ plan, indicator, period }: { plan: string; indicator: string; period: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const state = useAsync((signal) => getHistory(plan, indicator, period, signal), `${plan}|${indicator}|${period}`);
  return (
    <>
      <Loaded state={state}>
        {(h) => {
          const first = h.versions[0];
          const unit = first?.unit ?? '';
          const name = first ? nameOf(i18n, first) : indicator;
          const shown = (field: string, v: unknown) =>
            field === 'status' && typeof v === 'string'
              ? statusWord(i18n, v)
              : field === 'value' && typeof v === 'number'
                ? formatValue(v, unit, lang)
                : show(v);
          return (
          <>
            <h1>
              {t('dataHistory')}
              {lang === 'zh' ? '：' : ': '}
              {name} · {formatPeriod(period, lang)}
            </h1>
            <SimpleTable<Version>
              rowKey="version"
              pagination={false}
              dataSource={h.versions}
              columns={[
                { title: t('dataVersion'), dataIndex: 'version' },
                {
                  title: t('dataValue'),
                  render: (_, v) => `${formatValue(v.value, unit, lang)}${v.preliminary ? `（${t('rpPreliminary')}）` : ''}`,
                },
                { title: t('status'), render: (_, v) => <StatusTag status={v.status} /> },
                { title: t('rpEnteredBy'), render: (_, v) => v.recorded_by_display ?? v.recorded_by ?? '—' },
                { title: t('dataWhen'), render: (_, v) => v.recorded_at.slice(0, 19).replace('T', ' ') },
                { title: t('dataWhy'), render: (_, v) => v.reason ?? '' },
                {
                  title: t('dataChanges'),
                  render: (_, v) =>
                    Object.entries(v.changes).map(([field, c]) => (
                      <div key={field}>
                        {fieldWord(i18n, field)}：<del>{shown(field, c.before)}</del> → <ins>{shown(field, c.after)}</ins>
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
                { title: t('rpActor'), render: (_, e) => e.actor_name ?? e.actor },
                { title: t('dataAction'), render: (_, e) => actionWord(i18n, e.action) },
                { title: t('dataVersion'), render: (_, e) => e.version ?? '' },
                {
                  title: t('status'),
                  render: (_, e) =>
                    e.from_status ? `${statusWord(i18n, e.from_status)} → ${statusWord(i18n, e.to_status)}` : statusWord(i18n, e.to_status),
                },
                { title: t('dataWhy'), render: (_, e) => e.reason ?? '' },
              ]}
            />
          </>
          );
        }}
      </Loaded>
    </>
  );
}
