/** `/data`: what my department owes, by when (overdue in red), with the entry form per period. */
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/context';
import { Link } from '../../router';
import { useSession } from '../auth/SessionContext';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import { getCalendar } from './dataApi';
import { StatusTag } from './StatusTag';
import type { Slot } from './ValueDialog';

// The entry form (antd Form, Modal, InputNumber) loads when a period is opened.
const ValueDialog = lazy(() => import('./ValueDialog').then((m) => ({ default: m.ValueDialog })));

interface Row extends Slot {
  key: string;
  due: string;
  overdue: boolean;
}

export function EntryPage({ plan }: { plan: string }) {
  const { t } = useI18n();
  const session = useSession();
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState<Slot | null>(null);
  const state = useAsync((signal) => getCalendar(plan, signal), `${plan}#${reload}`);
  const canWrite = session.can('data:write');
  return (
    <>
      <h1>{t('dataOwed')}</h1>
      <p className="sx-data-intro">{t('dataOwedIntro')}</p>
      <Loaded state={state}>
        {(cal) => {
          const rows: Row[] = cal.indicators.flatMap((i) =>
            i.periods.map((p) => ({
              key: `${i.indicator}|${p.period}`,
              indicator: i.indicator,
              name: i.name,
              unit: i.unit,
              period: p.period,
              status: p.status,
              due: p.due,
              overdue: p.overdue,
            })),
          );
          return (
            <SimpleTable<Row>
              rowKey="key"
              size="middle"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('indicator'), render: (_, r) => `${r.name}（${r.unit}）` },
                { title: t('period'), dataIndex: 'period' },
                {
                  title: t('dataDue'),
                  render: (_, r) =>
                    r.overdue ? (
                      <span className="sx-overdue">
                        {r.due} · {t('dataOverdue')}
                      </span>
                    ) : (
                      r.due
                    ),
                },
                { title: t('status'), render: (_, r) => <StatusTag status={r.status} /> },
                {
                  title: t('actions'),
                  render: (_, r) => (
                    <>
                      <Button
                        size="small"
                        type={r.status === 'missing' || r.status === 'returned' ? 'primary' : 'default'}
                        onClick={() => setOpen(r)}
                        aria-label={`${t('dataEnter')} ${r.indicator} ${r.period}`}
                      >
                        {!canWrite || !['missing', 'draft', 'returned'].includes(r.status)
                          ? t('dataView')
                          : r.status === 'missing'
                            ? t('dataEnter')
                            : t('dataEdit')}
                      </Button>{' '}
                      {r.status !== 'missing' && (
                        <Link href={`/data/history/${encodeURIComponent(r.indicator)}/${encodeURIComponent(r.period)}`}>
                          {t('dataHistory')}
                        </Link>
                      )}
                    </>
                  ),
                },
              ]}
            />
          );
        }}
      </Loaded>
      {open && (
        <Suspense fallback={null}>
          <ValueDialog
            plan={plan}
            slot={canWrite ? open : { ...open, status: 'view' }}
            onClose={(changed) => {
              setOpen(null);
              if (changed) setReload((n) => n + 1);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
