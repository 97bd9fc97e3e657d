/** A task's particulars: departments, leader, dates, cycle, milestones, linked targets and indicators, why its light. */
import type { TaskDetail } from '../../../../src/contracts/tasks';
import { Link } from '../../router';
import type { PlanData } from '../plan/PlanContext';
import { deptName } from './planNames';
import { lightColor } from './taskLook';
import { useTasksI18n } from './tasksDict';

export function TaskFacts({ task, plan }: { task: TaskDetail; plan: PlanData }) {
  const { tt, lang, pick } = useTasksI18n();
  const targets = new Map(plan.detail.targets.map((t) => [t.id, t]));
  const indicators = new Map(plan.detail.indicators.map((i) => [i.id, i]));
  const co = task.co_departments.map((d) => deptName(d, lang)).join(lang === 'zh' ? '、' : ', ');
  return (
    <section aria-labelledby="sx-tk-facts" className="sx-tk-panel">
      <h2 id="sx-tk-facts">{tt('tkDetails')}</h2>
      {task.description && <p>{task.description}</p>}
      <dl className="sx-tk-dl">
        <dt>{tt('tkLead')}</dt>
        <dd>{deptName(task.lead_department, lang)}</dd>
        <dt>{tt('tkCo')}</dt>
        <dd>{co || tt('tkNone')}</dd>
        <dt>{tt('tkLeader')}</dt>
        <dd>{task.leader ?? '—'}</dd>
        <dt>{tt('tkStart')}</dt>
        <dd>{task.start ?? '—'}</dd>
        <dt>{tt('tkDue')}</dt>
        <dd>{task.due ?? '—'}</dd>
        <dt>{tt('tkCycle')}</dt>
        <dd>{tt(`cycle_${task.cycle}`)}</dd>
        <dt>{tt('tkPriority')}</dt>
        <dd>{tt(`prio_${task.priority}`)}</dd>
      </dl>
      <h3>{tt('tkReasons')}</h3>
      <ul className="sx-tk-reasons" style={{ borderLeftColor: lightColor[task.light] }}>
        {task.reasons.map((r) => (
          <li key={r.zh}>{lang === 'en' ? r.en : r.zh}</li>
        ))}
        {task.reasons.length === 0 && <li>{tt(`lightHint_${task.light}`)}</li>}
      </ul>
      <h3>{tt('tkMilestones')}</h3>
      {task.milestones.length === 0 ? (
        <p className="sx-tk-muted">{tt('tkNone')}</p>
      ) : (
        <ol className="sx-tk-milestones">
          {task.milestones.map((m) => (
            <li key={`${m.title}|${m.due}`} className={m.done ? 'sx-tk-ms-done' : undefined}>
              <span aria-hidden="true">{m.done ? '✓' : '○'}</span> {m.title} · {tt('tkDue')} {m.due} ·{' '}
              {m.done ? (
                tt('tkDone', { date: m.done })
              ) : (
                <span className="sx-tk-muted">{tt('tkOpenMilestone')}</span>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3>{tt('tkLinks')}</h3>
      {task.targets.length + task.indicators.length === 0 ? (
        <p className="sx-tk-muted">{tt('tkNone')}</p>
      ) : (
        <ul className="sx-tk-plain">
          {task.targets.map((id) => {
            const t = targets.get(id);
            const text = t ? pick(t.text ?? id, t.text_en) : id;
            // A target on an indicator opens its chart; a qualitative one its assessment.
            const href = t?.indicator
              ? `/indicators/${encodeURIComponent(t.indicator)}`
              : `/tasks/assessments#${encodeURIComponent(id)}`;
            return (
              <li key={`t-${id}`}>
                {tt('tkTargets')}：<Link href={href}>{text}</Link>
              </li>
            );
          })}
          {task.indicators.map((id) => {
            const i = indicators.get(id);
            return (
              <li key={`i-${id}`}>
                {tt('tkIndicators')}：
                <Link href={`/indicators/${encodeURIComponent(id)}`}>{i ? pick(i.name, i.name_en) : id}</Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
