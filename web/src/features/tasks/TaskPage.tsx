/**
 * `/tasks/{id}`: one task — its light and why, its particulars, the steps the caller may take,
 * filing a progress report, the reports with their reviews and parts, extension requests and the
 * timeline of everything that happened.
 */
import { useEffect, useState } from 'react';
import type { TaskDetail } from '../../../../src/contracts/tasks';
import { Link, useLocation } from '../../router';
import { ProblemError } from '../auth/apiFetch';
import { Loaded } from '../common/Loading';
import { useAsync } from '../common/useAsync';
import type { PlanData } from '../plan/PlanContext';
import { actionNames } from './planNames';
import { ReportCard } from './ReportCard';
import { ReportForm } from './ReportForm';
import { TaskActions, useTaskRoles } from './TaskActions';
import { TaskFacts } from './TaskFacts';
import { EscalationTag, LightBadge, Progress, StateTag } from './taskLook';
import { getTask } from './tasksApi';
import { useTasksI18n } from './tasksDict';
import { Timeline } from './Timeline';

function Extensions({ task }: { task: TaskDetail }) {
  const { tt } = useTasksI18n();
  if (task.extensions.length === 0) return null;
  const word = { pending: tt('tkExtPending'), approved: tt('tkExtApproved'), refused: tt('tkExtRefused') };
  return (
    <section aria-labelledby="sx-tk-ext" className="sx-tk-panel">
      <h2 id="sx-tk-ext">{tt('tkExtensions')}</h2>
      <ul className="sx-tk-plain">
        {task.extensions.map((e, i) => (
          <li key={i}>
            {tt('tkExtLine', { from: e.previous_due, to: e.requested_due, reason: e.reason })} ·{' '}
            <strong>{word[e.decision]}</strong>
            {e.decision_note && <div className="sx-tk-note">{e.decision_note}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TaskView({ plan, initial }: { plan: PlanData; initial: TaskDetail }) {
  const { tt, lang } = useTasksI18n();
  const [task, setTask] = useState(initial);
  useEffect(() => setTask(initial), [initial]);
  const roles = useTaskRoles(task);
  const wanted = useLocation().search.get('report');
  const code = plan.detail.plan.id;
  const names = task.action ? actionNames(plan.detail, lang).get(task.action) : undefined;
  const periods = task.owed.map((o) => o.period);
  const canFile = roles.lead && task.state !== 'completed' && periods.length > 0;
  const first = periods.includes(wanted ?? '')
    ? (wanted ?? '')
    : (task.owed.find((o) => o.returned)?.period ?? periods[0] ?? '');
  const reports = [...task.reports].reverse();
  return (
    <>
      <p className="sx-tk-crumb">
        <Link href="/tasks">{tt('tkBoard')}</Link>
        {names && ` / ${names.programme} / ${names.action}`}
      </p>
      <h1>{task.title}</h1>
      <div className="sx-tk-headline">
        <LightBadge task={task} />
        <StateTag state={task.state} />
        <EscalationTag step={task.escalation} />
        <Progress task={task} />
        {task.illustrative && (
          <span className="sx-tk-illustrative" title={tt('tkIllustrativeHint')}>
            {tt('tkIllustrative')}
          </span>
        )}
      </div>
      <div className="sx-tk-grid">
        <div>
          <TaskFacts task={task} plan={plan} />
          {canFile && (
            <ReportForm
              key={`${task.version}|${first}`}
              plan={code}
              task={task}
              periods={periods}
              period={first}
              onDone={setTask}
            />
          )}
          <section aria-labelledby="sx-tk-reports" className="sx-tk-panel">
            <h2 id="sx-tk-reports">{tt('tkReports')}</h2>
            {reports.length === 0 && <p className="sx-tk-muted">{tt('tkNoReports')}</p>}
            {reports.map((r) => (
              <ReportCard
                key={`${r.period}|${r.version}`}
                plan={code}
                task={task}
                report={r}
                onChange={setTask}
              />
            ))}
          </section>
        </div>
        <div>
          <TaskActions plan={code} task={task} onChange={setTask} />
          <Extensions task={task} />
          <Timeline task={task} />
        </div>
      </div>
    </>
  );
}

export function TaskPage({ plan, id }: { plan: PlanData; id: string }) {
  const { tt } = useTasksI18n();
  const asOf = useLocation().search.get('as_of') || undefined;
  const code = plan.detail.plan.id;
  const state = useAsync((signal) => getTask(code, id, asOf, signal), `${code}|${id}|${asOf ?? ''}`);
  if (state.state === 'error' && state.error instanceof ProblemError && state.error.status === 404)
    return (
      <>
        <h1>{tt('tkNotFound')}</h1>
        <Link href="/tasks">{tt('tkBack')}</Link>
      </>
    );
  return <Loaded state={state}>{(task) => <TaskView plan={plan} initial={task} />}</Loaded>;
}
