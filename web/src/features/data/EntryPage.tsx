/**
 * `/data`: what my department owes, by when — overdue first, then due soon, the running period
 * (a preliminary value, 快报/预计, may be entered), then the rest — with the entry form per period.
 */
import { Button, Segmented, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { DataCalendar } from '../../../../src/contracts/data';
import { useI18n, type I18n } from '../../i18n/context';
import { Link } from '../../router';
import { useSession } from '../auth/SessionContext';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import { getCalendar } from './dataApi';
import { PeriodCell } from './PeriodCell';
import { StatusTag } from './StatusTag';
import { withUnit } from './words';
import type { Slot } from './ValueDialog';

// The entry form (antd Form, Modal, InputNumber) loads when a period is opened.
const ValueDialog = lazy(() => import('./ValueDialog').then((m) => ({ default: m.ValueDialog })));

type Standing = DataCalendar['indicators'][number]['periods'][number]['standing'];

interface Row extends Slot {
  key: string;
  due: string;
  overdue: boolean;
  standing: Standing;
  preliminary: boolean;
  department: string | null;
}

const owed = new Set(['missing', 'draft', 'returned']);
/** Owed rows first, the most urgent on top; then what is done, newest first. */
function rank(r: Row): number {
  if (!owed.has(r.status)) return 10;
  if (r.overdue) return 0;
  if (r.status === 'returned') return 1;
  if (r.standing === 'due_soon') return 2;
  if (r.standing === 'running') return 3;
  return 4;
}

function DueCell({ row, i18n }: { row: Row; i18n: I18n }) {
  const { t } = i18n;
  if (row.overdue) return <span className="sx-overdue">{t('rpOverdueOn', { due: row.due })}</span>;
  if (!owed.has(row.status)) return <span>{row.due}</span>;
  return (
    <span>
      {t('rpDueOn', { due: row.due })}{' '}
      {row.standing === 'due_soon' && <Tag color="warning">{t('rpDueSoon')}</Tag>}
      {row.standing === 'running' && <Tag color="processing">{t('rpRunning')}</Tag>}
    </span>
  );
}

export function EntryPage({ plan }: { plan: string }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const session = useSession();
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState<Slot | null>(null);
  const [onlyOwed, setOnlyOwed] = useState(true);
  const state = useAsync((signal) => getCalendar(plan, signal), `${plan}#${reload}`);
  const canWrite = session.can('data:write');
  return (
    <>
      <h1>{t('dataOwed')}</h1>
      <p className="sx-data-intro">{t('dataOwedIntro')}</p>
      <Segmented
        className="sx-data-filter"
        aria-label={t('rpShowWhich')}
        value={onlyOwed ? 'owed' : 'all'}
        onChange={(v) => setOnlyOwed(v === 'owed')}
        options={[
          { value: 'owed', label: t('rpOnlyOwed') },
          { value: 'all', label: t('rpAll') },
        ]}
      />
      <Loaded state={state}>
        {(cal) => {
          const all: Row[] = cal.indicators.flatMap((i) =>
            i.periods.map((p) => ({
              key: `${i.indicator}|${p.period}`,
              indicator: i.indicator,
              name: pick(i.name, i.name_en),
              unit: i.unit,
              period: p.period,
              status: p.status,
              due: p.due,
              overdue: p.overdue,
              standing: p.standing,
              preliminary: p.preliminary,
              running: p.standing === 'running',
              preliminaryAllowed: i.preliminary_allowed,
              department: i.department_name && pick(i.department_name, i.department_name_en),
            })),
          );
          const rows = all
            .filter((r) => !onlyOwed || owed.has(r.status))
            .sort((a, b) => rank(a) - rank(b) || (rank(a) === 10 ? b.due.localeCompare(a.due) : a.due.localeCompare(b.due)));
          const annual = cal.indicators.every((i) => i.frequency === 'annual');
          return (
            <div className="sx-entry-list">
            <SimpleTable<Row>
              rowKey="key"
              size="middle"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              empty={t('rpNothingOwed')}
              columns={[
                { title: t('indicator'), render: (_, r) => withUnit(i18n, r.name, r.unit) },
                {
                  title: annual ? t('reportYear') : t('reportPeriod'),
                  render: (_, r) => <PeriodCell period={r.period} preliminary={r.preliminary} />,
                },
                { title: t('dataDue'), render: (_, r) => <DueCell row={r} i18n={i18n} /> },
                { title: t('status'), render: (_, r) => <StatusTag status={r.status} /> },
                {
                  title: t('actions'),
                  render: (_, r) => (
                    <>
                      <Button
                        size="small"
                        type={r.status === 'missing' || r.status === 'returned' ? 'primary' : 'default'}
                        onClick={() => setOpen(r)}
                        aria-label={`${!canWrite || !owed.has(r.status) ? t('dataView') : r.status === 'missing' ? t('dataEnter') : t('dataEdit')} ${r.name} ${r.period}`}
                      >
                        {!canWrite || !owed.has(r.status)
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
            </div>
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
