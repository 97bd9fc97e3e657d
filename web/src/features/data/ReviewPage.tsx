/**
 * `/data/review`: the queue — approve or return (department head), accept or return (supervisor).
 * Each value by name with its unit, department and reporter, the last accepted value and the
 * entry checks' warnings beside it; approving and accepting ask first and say what was done.
 */
import { App, Button, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DataWarning, QueueEntry } from '../../../../src/contracts/data';
import { formatValue } from '../../format';
import type { Key } from '../../i18n/dict';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { Loaded } from '../common/Loading';
import { ConfirmModal } from '../common/ConfirmModal';
import { useAsync } from '../common/useAsync';
import { PeriodCell } from './PeriodCell';
import { getQueue, getValue, step } from './dataApi';
import { describeDataValue, errorWords, nameOf, warningText } from './words';

interface Item extends QueueEntry {
  previous: number | null;
  warnings: DataWarning[];
}

async function loadQueue(plan: string, signal: AbortSignal): Promise<Item[]> {
  const values = await getQueue(plan, signal);
  return Promise.all(
    values.map(async (v) => {
      const d = await getValue(plan, v.indicator, v.period, signal);
      return { ...v, previous: d.accepted?.value ?? null, warnings: d.warnings };
    }),
  );
}

export function ReviewPage({ plan }: { plan: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState<Item | null>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const [returning, setReturning] = useState<Item | null>(null);
  const [reason, setReason] = useState('');
  const state = useAsync((signal) => loadQueue(plan, signal), `${plan}#${reload}`);

  const act = async (item: Item, name: 'approve' | 'accept' | 'return', why?: string) => {
    try {
      await step(plan, item.indicator, item.period, name, item.version, why);
      const done = name === 'approve' ? 'rpApproved' : name === 'accept' ? 'rpAccepted' : 'rpReturned';
      void message.success(t(done, { what: describeDataValue(i18n, item) }));
      setReload((n) => n + 1);
      return true;
    } catch (e) {
      void message.error(errorWords(i18n, e));
      return false;
    }
  };

  /** Approving and accepting cannot be undone by the reviewer: ask first, naming the value. */
  const confirm = (item: Item) => setConfirming(item);
  const approving = confirming?.awaiting === 'approval';

  return (
    <>
      <h1>{t('dataReview')}</h1>
      <Loaded state={state}>
        {(items) => (
          <Table<Item>
            rowKey={(r) => `${r.indicator}|${r.period}|${r.version}`}
            dataSource={items}
            locale={{ emptyText: t('dataQueueEmpty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t('indicator'),
                render: (_, r) => (
                  <>
                    <div>{nameOf(i18n, r)}</div>
                    <div className="sx-data-sub">{r.department_name ? i18n.pick(r.department_name, r.department_name_en) : ''}</div>
                  </>
                ),
              },
              {
                title: t('reportPeriod'),
                render: (_, r) => <PeriodCell period={r.period} preliminary={r.preliminary} />,
              },
              {
                title: t('dataValue'),
                render: (_, r) => (
                  <>
                    <strong>{formatValue(r.value, r.unit, lang)}</strong>
                    {r.warnings.length > 0 && (
                      <ul className="sx-data-warning-list" aria-label={t('rpWarnings')}>
                        {r.warnings.map((w) => (
                          <li key={w.code}>⚠ {warningText(i18n, w, r.unit)}</li>
                        ))}
                      </ul>
                    )}
                    {r.check_reason && <div className="sx-data-sub">{t('rpReporterSays', { reason: r.check_reason })}</div>}
                  </>
                ),
              },
              {
                title: t('dataPrevious'),
                render: (_, r) => (r.previous === null ? '—' : formatValue(r.previous, r.unit, lang)),
              },
              { title: t('source'), render: (_, r) => r.source ?? '' },
              { title: t('dataWho'), render: (_, r) => r.recorded_by_display ?? r.recorded_by ?? '' },
              { title: t('dataAwaiting'), render: (_, r) => <Tag>{t(`await_${r.awaiting}` as Key)}</Tag> },
              {
                title: t('actions'),
                render: (_, r) => (
                  <Space wrap>
                    <Button type="primary" size="small" onClick={() => confirm(r)}>
                      {r.awaiting === 'approval' ? t('dataApprove') : t('dataAccept')}
                    </Button>
                    <Button size="small" danger onClick={() => (setReason(''), setReturning(r))}>
                      {t('dataReturn')}
                    </Button>
                    <Link href={`/data/history/${encodeURIComponent(r.indicator)}/${encodeURIComponent(r.period)}`}>
                      {t('dataHistory')}
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <ConfirmModal
        open={confirming !== null}
        title={
          confirming
            ? t(approving ? 'rpConfirmApprove' : 'rpConfirmAccept', { what: describeDataValue(i18n, confirming) })
            : ''
        }
        okText={approving ? t('dataApprove') : t('dataAccept')}
        busy={busy}
        onCancel={() => setConfirming(null)}
        onOk={() => {
          if (!confirming) return;
          setBusy(true);
          void act(confirming, approving ? 'approve' : 'accept').then((ok) => {
            setBusy(false);
            if (ok) setConfirming(null);
          });
        }}
      >
        <p>{t(approving ? 'rpConfirmApproveHint' : 'rpConfirmAcceptHint')}</p>
      </ConfirmModal>
      <ConfirmModal
        open={returning !== null}
        title={returning ? `${t('dataReturn')}：${describeDataValue(i18n, returning)}` : t('dataReturn')}
        okText={t('dataReturn')}
        danger
        okDisabled={reason.trim() === ''}
        onCancel={() => setReturning(null)}
        onOk={() => {
          if (returning) void act(returning, 'return', reason.trim()).then((ok) => ok && setReturning(null));
        }}
      >
        <label htmlFor="sx-return-reason">{t('dataReturnReason')}</label>
        <Input.TextArea id="sx-return-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      </ConfirmModal>
    </>
  );
}
