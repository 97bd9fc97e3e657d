/**
 * Tasks as a table (wide screens) or as cards (phones, and the kanban's columns): title, action
 * and programme, lead department, due date, percent, light with its reason, escalation step.
 */
import type { ReactNode } from 'react';
import type { TaskSummary } from '../../../../src/contracts/tasks';
import { Link } from '../../router';
import { SimpleTable } from '../common/SimpleTable';
import type { PlanData } from '../plan/PlanContext';
import { actionNames, deptName } from './planNames';
import { EscalationTag, LightBadge, Progress, StateTag } from './taskLook';
import { useTasksI18n } from './tasksDict';

const href = (t: TaskSummary) => `/tasks/${encodeURIComponent(t.id)}`;

function Title({ task }: { task: TaskSummary }) {
  const { tt } = useTasksI18n();
  return (
    <>
      <Link href={href(task)} className="sx-tk-title">
        {task.title}
      </Link>
      {task.illustrative && (
        <span className="sx-tk-illustrative" title={tt('tkIllustrativeHint')}>
          {tt('tkIllustrative')}
        </span>
      )}
    </>
  );
}

/** One task as a card (phone lists and kanban columns). */
export function TaskCard({ task, plan, extra }: { task: TaskSummary; plan: PlanData; extra?: ReactNode }) {
  const { tt, lang } = useTasksI18n();
  const names = task.action ? actionNames(plan.detail, lang).get(task.action) : undefined;
  return (
    <article className={`sx-tk-card sx-tk-card-${task.light}`} data-task={task.id}>
      <h3>
        <Title task={task} />
      </h3>
      {names && <p className="sx-tk-muted">{names.action}</p>}
      <p>
        {deptName(task.lead_department, lang)} · {tt('tkDue')} {task.due ?? '—'}
      </p>
      <Progress task={task} />
      <p className="sx-tk-card-foot">
        <LightBadge task={task} reason /> <EscalationTag step={task.escalation} />{' '}
        <StateTag state={task.state} />
      </p>
      {extra}
    </article>
  );
}

export function TaskList({
  tasks,
  plan,
  caption,
}: {
  tasks: TaskSummary[];
  plan: PlanData;
  caption?: string;
}) {
  const { tt, lang } = useTasksI18n();
  const names = actionNames(plan.detail, lang);
  return (
    <>
      <div className="sx-tk-wide">
        <SimpleTable<TaskSummary>
          rowKey="id"
          size="small"
          caption={caption}
          dataSource={tasks}
          empty={tt('tkEmpty')}
          rowClassName={(t) => `sx-tk-row sx-tk-row-${t.light}`}
          columns={[
            { key: 'title', title: tt('tkTitle'), width: '26%', render: (_, t) => <Title task={t} /> },
            {
              key: 'action',
              title: tt('tkAction'),
              width: '20%',
              render: (_, t) => {
                const n = t.action ? names.get(t.action) : undefined;
                return n ? (
                  <>
                    {n.action}
                    <div className="sx-tk-muted">{n.programme}</div>
                  </>
                ) : (
                  '—'
                );
              },
            },
            { key: 'lead', title: tt('tkLead'), render: (_, t) => deptName(t.lead_department, lang) },
            {
              key: 'due',
              title: tt('tkDue'),
              render: (_, t) => <span className="sx-tk-nowrap">{t.due ?? '—'}</span>,
            },
            { key: 'percent', title: tt('tkPercent'), render: (_, t) => <Progress task={t} /> },
            {
              key: 'light',
              title: tt('tkLight'),
              width: '20%',
              render: (_, t) => <LightBadge task={t} reason />,
            },
            {
              key: 'esc',
              title: tt('tkEscalation'),
              render: (_, t) => (
                <>
                  <EscalationTag step={t.escalation} />
                  <div>
                    <StateTag state={t.state} />
                  </div>
                </>
              ),
            },
          ]}
        />
      </div>
      <div className="sx-tk-narrow">
        {tasks.length === 0 ? (
          <p className="sx-tk-muted">{tt('tkEmpty')}</p>
        ) : (
          tasks.map((t) => <TaskCard key={t.id} task={t} plan={plan} />)
        )}
      </div>
    </>
  );
}
