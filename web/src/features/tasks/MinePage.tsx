/**
 * `/tasks/mine`: a department liaison's desk. What waits for the department's signature (签收),
 * what was returned to it, what is overdue, and the reports owed this cycle with their deadlines;
 * then every task the department leads or co-operates on.
 */
import type { ReactNode } from 'react';
import type { TaskSummary } from '../../../../src/contracts/tasks';
import { formatPeriod } from '../../format';
import { Link, useLocation } from '../../router';
import { useSession } from '../auth/SessionContext';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { TaskList } from './TaskList';
import { listTasks } from './tasksApi';
import { type TasksKey, useTasksI18n } from './tasksDict';

interface Owed {
  key: string;
  task: TaskSummary;
  period: string;
  due: string;
  returned: boolean;
}

const taskHref = (t: TaskSummary, period?: string) =>
  `/tasks/${encodeURIComponent(t.id)}${period ? `?report=${encodeURIComponent(period)}` : ''}`;

function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="sx-tk-section">
      <h2 id={id}>
        {title} <span className="sx-tk-num">{count}</span>
      </h2>
      {count === 0 ? <p className="sx-tk-muted">{empty}</p> : children}
    </section>
  );
}

export function MinePage({ plan }: { plan: PlanData }) {
  const { tt, lang } = useTasksI18n();
  const session = useSession();
  const asOf = useLocation().search.get('as_of') || undefined;
  const code = plan.detail.plan.id;
  const state = useAsync(
    (signal) => listTasks(code, { as_of: asOf, page_size: 200 }, signal),
    `${code}|${asOf ?? ''}`,
  );
  const mineIds = new Set((session.user?.departments ?? []).map((d) => d.id));
  const leads = (t: TaskSummary) =>
    mineIds.size === 0 || (t.lead_department !== null && mineIds.has(t.lead_department.id));
  const involved = (t: TaskSummary) => leads(t) || t.co_departments.some((d) => mineIds.has(d.id));
  const part = (id: string, title: TasksKey, count: number, children: ReactNode) => (
    <Section id={id} title={tt(title)} count={count} empty={tt('tkMineNothing')}>
      {children}
    </Section>
  );

  return (
    <>
      <h1>{tt('tkMine')}</h1>
      <p className="sx-tk-intro">{tt('tkMineIntro')}</p>
      {mineIds.size === 0 && (
        <p>
          {tt('tkMineNoDepartment')} <Link href="/tasks">{tt('tkBoard')}</Link>
        </p>
      )}
      <Loaded state={state}>
        {(list) => {
          const day = list.as_of;
          const mine = list.tasks.filter(involved);
          const toSign = mine.filter((t) => leads(t) && t.state === 'assigned');
          const returned = mine.filter(
            (t) => leads(t) && (t.state === 'returned' || t.owed.some((o) => o.returned)),
          );
          const overdue = mine.filter((t) => leads(t) && t.overdue_days > 0);
          const owed: Owed[] = mine
            .filter(leads)
            .flatMap((t) =>
              t.owed.filter((o) => o.due >= day).map((o) => ({ key: `${t.id}|${o.period}`, task: t, ...o })),
            )
            .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
          return (
            <>
              <p className="sx-tk-muted">{tt('tkAsOf', { date: day })}</p>
              {part('sx-mine-sign', 'tkMineSign', toSign.length, <TaskList tasks={toSign} plan={plan} />)}
              {part(
                'sx-mine-returned',
                'tkMineReturned',
                returned.length,
                <ul className="sx-tk-plain">
                  {returned.map((t) => (
                    <li key={t.id}>
                      <Link href={taskHref(t, t.owed.find((o) => o.returned)?.period)}>{t.title}</Link> ·{' '}
                      <span className="sx-tk-late">
                        {t.state === 'returned'
                          ? tt('tkTaskReturned')
                          : t.owed
                              .filter((o) => o.returned)
                              .map((o) => tt('tkReturnedReport', { period: formatPeriod(o.period, lang) }))
                              .join('，')}
                      </span>
                    </li>
                  ))}
                </ul>,
              )}
              {part(
                'sx-mine-overdue',
                'tkMineOverdue',
                overdue.length,
                <TaskList tasks={overdue} plan={plan} />,
              )}
              {part(
                'sx-mine-due',
                'tkMineDue',
                owed.length,
                <SimpleTable<Owed>
                  rowKey="key"
                  size="small"
                  dataSource={owed}
                  empty={tt('tkMineNothing')}
                  columns={[
                    {
                      key: 'task',
                      title: tt('tkTitle'),
                      render: (_, r) => <Link href={taskHref(r.task)}>{r.task.title}</Link>,
                    },
                    { key: 'period', title: tt('tkPeriod'), render: (_, r) => formatPeriod(r.period, lang) },
                    { key: 'due', title: tt('tkReportDue'), dataIndex: 'due' },
                    {
                      key: 'go',
                      title: tt('tkActions'),
                      render: (_, r) => (
                        <Link
                          className="sx-tk-button"
                          href={taskHref(r.task, r.period)}
                          aria-label={`${tt('tkFile')} ${r.task.title} ${formatPeriod(r.period, lang)}`}
                        >
                          {tt('tkFile')}
                        </Link>
                      ),
                    },
                  ]}
                />,
              )}
              {part('sx-mine-all', 'tkMineAll', mine.length, <TaskList tasks={mine} plan={plan} />)}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
