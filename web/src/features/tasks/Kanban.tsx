/**
 * The kanban: one column per state of the workflow's main line (交办 → 签收 → 推进中 → 申请办结 →
 * 办结; 退回 and 申请延期 join the column they wait in) or one per light, worst first.
 */
import type { TaskSummary } from '../../../../src/contracts/tasks';
import type { TaskState } from '../../../../src/domain/tasks/types';
import type { PlanData } from '../plan/PlanContext';
import { TaskCard } from './TaskList';
import { lightColor, lightOrder } from './taskLook';
import { useTasksI18n } from './tasksDict';

const stateColumns: TaskState[] = [
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
  'completed',
];
// A returned completion request and an extension request are still work in progress.
const columnOf = (s: TaskState): TaskState =>
  s === 'returned' || s === 'extension_requested' ? 'in_progress' : s;

export function Kanban({
  tasks,
  plan,
  group,
}: {
  tasks: TaskSummary[];
  plan: PlanData;
  group: 'state' | 'light';
}) {
  const { tt } = useTasksI18n();
  const columns =
    group === 'state'
      ? stateColumns.map((s) => ({
          key: s,
          title: tt(`state_${s}`),
          color: undefined as string | undefined,
          tasks: tasks.filter((t) => columnOf(t.state) === s),
        }))
      : lightOrder.map((l) => ({
          key: l,
          title: tt(`light_${l}`),
          color: lightColor[l],
          tasks: tasks.filter((t) => t.light === l),
        }));
  return (
    <div className="sx-tk-kanban">
      {columns.map((c) => (
        <section
          key={c.key}
          className="sx-tk-column"
          aria-label={`${c.title} ${c.tasks.length}`}
          data-column={c.key}
        >
          <h2 style={c.color ? { color: c.color } : undefined}>
            {c.title} <span className="sx-tk-muted">{c.tasks.length}</span>
          </h2>
          {c.tasks.map((t) => (
            <TaskCard key={t.id} task={t} plan={plan} />
          ))}
        </section>
      ))}
    </div>
  );
}
