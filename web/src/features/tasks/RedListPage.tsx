/**
 * `/tasks/red`: the red list (红榜) as the bulletin names it — tasks under a formal notice (督办),
 * past their due date and not completed (逾期未办结), and with a progress report past its deadline
 * (逾期未报); a red task in none of these is late on a milestone (节点逾期), listed last.
 */
import type { TaskSummary } from '../../../../src/contracts/tasks';
import { daysBetween } from '../../../../src/domain/periods/period';
import { Link, useLocation } from '../../router';
import { Loaded } from '../common/Loading';
import { SimpleTable } from '../common/SimpleTable';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { deptName } from './planNames';
import { TaskList } from './TaskList';
import { EscalationTag } from './taskLook';
import { listTasks } from './tasksApi';
import { useTasksI18n } from './tasksDict';

interface LateReport {
  key: string;
  task: TaskSummary;
  period: string;
  due: string;
  days: number;
}

export function RedListPage({ plan }: { plan: PlanData }) {
  const { tt, lang } = useTasksI18n();
  const asOf = useLocation().search.get('as_of') || undefined;
  const code = plan.detail.plan.id;
  const state = useAsync(
    (signal) => listTasks(code, { light: 'red', as_of: asOf, page_size: 200 }, signal),
    `${code}|${asOf ?? ''}`,
  );
  return (
    <>
      <h1>{tt('tkRed')}</h1>
      <p className="sx-tk-intro">{tt('tkRedIntro')}</p>
      <Loaded state={state}>
        {(list) => {
          const day = list.as_of;
          const notice = list.tasks.filter((t) => t.escalation === 'notice');
          const undone = list.tasks.filter((t) => t.due !== null && t.due < day && t.state !== 'completed');
          const listed = new Set([...notice, ...undone].map((t) => t.id));
          const late: LateReport[] = list.tasks.flatMap((t) =>
            t.owed
              .filter((o) => o.due < day)
              .map((o) => ({
                key: `${t.id}|${o.period}`,
                task: t,
                period: o.period,
                due: o.due,
                days: daysBetween(o.due, day),
              })),
          );
          for (const r of late) listed.add(r.task.id);
          const milestones = list.tasks.filter((t) => !listed.has(t.id));
          return (
            <>
              <p className="sx-tk-muted">{tt('tkAsOf', { date: day })}</p>
              <section aria-labelledby="sx-red-notice" className="sx-tk-section">
                <h2 id="sx-red-notice">
                  {tt('tkRedNotice')} <span className="sx-tk-num">{notice.length}</span>
                </h2>
                <p className="sx-tk-muted">{tt('tkRedNoticeHint')}</p>
                <TaskList tasks={notice} plan={plan} />
              </section>
              <section aria-labelledby="sx-red-undone" className="sx-tk-section">
                <h2 id="sx-red-undone">
                  {tt('tkRedUndone')} <span className="sx-tk-num">{undone.length}</span>
                </h2>
                <p className="sx-tk-muted">{tt('tkRedUndoneHint')}</p>
                <TaskList tasks={undone} plan={plan} />
              </section>
              <section aria-labelledby="sx-red-unreported" className="sx-tk-section">
                <h2 id="sx-red-unreported">
                  {tt('tkRedUnreported')} <span className="sx-tk-num">{late.length}</span>
                </h2>
                <p className="sx-tk-muted">{tt('tkRedUnreportedHint')}</p>
                <SimpleTable<LateReport>
                  rowKey="key"
                  size="small"
                  dataSource={late}
                  empty={tt('tkEmpty')}
                  scroll={{ x: 560 }}
                  columns={[
                    {
                      key: 'task',
                      title: tt('tkTitle'),
                      render: (_, r) => (
                        <Link href={`/tasks/${encodeURIComponent(r.task.id)}`}>{r.task.title}</Link>
                      ),
                    },
                    {
                      key: 'lead',
                      title: tt('tkLead'),
                      render: (_, r) => deptName(r.task.lead_department, lang),
                    },
                    { key: 'period', title: tt('tkPeriod'), dataIndex: 'period' },
                    {
                      key: 'due',
                      title: tt('tkReportDue'),
                      render: (_, r) => (
                        <span className="sx-tk-late">
                          {r.due} · {tt('tkOverdueBy', { n: r.days })}
                        </span>
                      ),
                    },
                    {
                      key: 'esc',
                      title: tt('tkEscalation'),
                      render: (_, r) => <EscalationTag step={r.task.escalation} />,
                    },
                  ]}
                />
              </section>
              <section aria-labelledby="sx-red-milestone" className="sx-tk-section">
                <h2 id="sx-red-milestone">
                  {tt('tkRedMilestone')} <span className="sx-tk-num">{milestones.length}</span>
                </h2>
                <p className="sx-tk-muted">{tt('tkRedMilestoneHint')}</p>
                <TaskList tasks={milestones} plan={plan} />
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
