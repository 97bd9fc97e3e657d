/** How a task's light, escalation and state look: a symbol, a colour AND a word (never colour alone). */
import type { TaskSummary } from '../../../../src/contracts/tasks';
import type { EscalationStep, TaskLight, TaskState } from '../../../../src/domain/tasks/types';
import { useTasksI18n } from './tasksDict';

export const lightColor: Record<TaskLight, string> = {
  red: '#b42318',
  yellow: '#8a5a00',
  green: '#237a3b',
  blue: '#1f4fa3',
};
/** Worst first: the order of the counts and the kanban's light columns. */
export const lightOrder: TaskLight[] = ['red', 'yellow', 'green', 'blue'];
const symbol: Record<TaskLight, string> = { red: '●', yellow: '●', green: '●', blue: '✓' };

/** The light as a badge; with `reason`, the first reason in the page's language beside it. */
export function LightBadge({
  task,
  reason = false,
}: {
  task: Pick<TaskSummary, 'light' | 'reasons'>;
  reason?: boolean;
}) {
  const { tt, lang } = useTasksI18n();
  const first = task.reasons[0];
  return (
    <span className="sx-tk-light">
      <span className="sx-tk-light-word" style={{ color: lightColor[task.light] }}>
        <span aria-hidden="true">{symbol[task.light]}</span> {tt(`light_${task.light}`)}
      </span>
      {reason && first && <span className="sx-tk-reason">{lang === 'en' ? first.en : first.zh}</span>}
    </span>
  );
}

export function EscalationTag({ step }: { step: EscalationStep }) {
  const { tt } = useTasksI18n();
  if (step === 'none') return <span className="sx-tk-muted">{tt('esc_none')}</span>;
  return <span className={`sx-tk-esc sx-tk-esc-${step}`}>{tt(`esc_${step}`)}</span>;
}

export function StateTag({ state }: { state: TaskState }) {
  const { tt } = useTasksI18n();
  return <span className={`sx-tk-state sx-tk-state-${state}`}>{tt(`state_${state}`)}</span>;
}

/** Percent complete with the expected percent beside it, and a bar. */
export function Progress({ task }: { task: Pick<TaskSummary, 'percent' | 'expected_percent'> }) {
  const { tt } = useTasksI18n();
  const pct = Math.max(0, Math.min(100, task.percent));
  return (
    <span className="sx-tk-progress">
      <span className="sx-tk-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
        <i style={{ left: `${Math.max(0, Math.min(100, task.expected_percent))}%` }} />
      </span>
      <span>
        <strong>{task.percent}%</strong>{' '}
        <span className="sx-tk-muted">{tt('tkExpected', { p: task.expected_percent })}</span>
      </span>
    </span>
  );
}
