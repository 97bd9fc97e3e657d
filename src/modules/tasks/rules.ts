/**
 * TEMPORARY adapter: the signatures this module expects from src/domain/tasks (being written on
 * the tasks-domain branch). Once `src/domain/tasks/index.ts` lands on main, the module imports it
 * instead and this file goes. It deliberately holds no light or escalation rules of its own:
 * until then every open task is `green` with escalation `none`.
 */
import type {
  EscalationStep,
  ReportCycle,
  TaskFacts,
  TaskLight,
  TaskReportFacts,
  TaskRuleSettings,
  TaskState,
} from '../../domain/tasks/types';

export type DueItem =
  | { readonly kind: 'task' }
  | { readonly kind: 'milestone'; readonly title: string }
  | { readonly kind: 'report'; readonly period: string };
export type TaskReason =
  | { readonly code: 'completed'; readonly params: Record<string, never> }
  | { readonly code: 'not_started'; readonly params: { readonly start: string } }
  | {
      readonly code: 'overdue';
      readonly params: {
        readonly item: DueItem;
        readonly date: string;
        readonly days: number;
        readonly notice: boolean;
      };
    }
  | {
      readonly code: 'due_soon';
      readonly params: { readonly item: DueItem; readonly date: string; readonly days: number };
    }
  | {
      readonly code: 'lagging';
      readonly params: {
        readonly expected: number;
        readonly percent: number;
        readonly lag: number;
        readonly limit: number;
      };
    };

export interface TaskEvaluation {
  readonly task: string;
  readonly as_of: string;
  readonly state: TaskState;
  readonly light: TaskLight;
  readonly escalation: EscalationStep;
  readonly due: string;
  readonly percent: number;
  readonly expected_percent: number;
  readonly overdue_days: number;
  readonly next_due: string | null;
  readonly unmet: readonly { readonly item: DueItem; readonly date: string }[];
  readonly reasons: readonly TaskReason[];
}

/** A reason as a sentence (the domain's formatter replaces this). */
export function formatTaskReason(reason: TaskReason, language: 'zh' | 'en' = 'zh'): string {
  return language === 'zh' ? reason.code : reason.code.replace('_', ' ');
}

const dayMs = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);

export function evaluateTask(
  task: TaskFacts,
  reports: readonly TaskReportFacts[],
  asOf: string,
  _settings: TaskRuleSettings,
): TaskEvaluation {
  const known = reports.filter((r) => r.submitted !== null && r.submitted <= asOf && r.status !== 'returned');
  const latest = [...known].sort((a, b) => a.period.localeCompare(b.period)).at(-1);
  const state = task.state ?? (known.length ? 'in_progress' : 'assigned');
  const span = dayNumber(task.due) - dayNumber(task.start);
  const expected = span <= 0 ? 100 : (100 * (dayNumber(asOf) - dayNumber(task.start))) / span;
  return {
    task: task.id,
    as_of: asOf,
    state,
    light: state === 'completed' ? 'blue' : 'green',
    escalation: 'none',
    due: task.due,
    percent: latest?.percent ?? 0,
    expected_percent: Math.min(100, Math.max(0, expected)),
    overdue_days: 0,
    next_due: null,
    unmet: [],
    reasons: [],
  };
}

/** The steps of the workflow that move a task between states. */
export const taskTransitions = [
  'accept',
  'start',
  'request_completion',
  'complete',
  'return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
] as const;
export type TaskTransition = (typeof taskTransitions)[number];

const from: Record<TaskTransition, readonly TaskState[]> = {
  accept: ['assigned'],
  start: ['accepted', 'returned'],
  request_completion: ['accepted', 'in_progress', 'returned'],
  complete: ['completion_requested'],
  return: ['completion_requested'],
  request_extension: ['accepted', 'in_progress', 'returned'],
  approve_extension: ['extension_requested'],
  refuse_extension: ['extension_requested'],
};
const to: Record<Exclude<TaskTransition, 'approve_extension' | 'refuse_extension'>, TaskState> = {
  accept: 'accepted',
  start: 'in_progress',
  request_completion: 'completion_requested',
  complete: 'completed',
  return: 'returned',
  request_extension: 'extension_requested',
};

export type TransitionResult = { ok: true; state: TaskState } | { ok: false; reason: string };

/**
 * The state after `step`, or why it cannot happen. An extension decision resumes `resume`, the
 * state the task had when the extension was asked for.
 */
export function nextState(state: TaskState, step: TaskTransition, resume?: TaskState): TransitionResult {
  if (!from[step].includes(state)) {
    return {
      ok: false,
      reason: `cannot ${step.replace('_', ' ')} a task that is ${state.replace('_', ' ')}`,
    };
  }
  if (step === 'approve_extension' || step === 'refuse_extension')
    return { ok: true, state: resume ?? 'in_progress' };
  return { ok: true, state: to[step] };
}

/** The report period label of the cycle holding `date`: `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`. */
export function cyclePeriodOf(cycle: ReportCycle, date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  switch (cycle) {
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'weekly': {
      // ISO week: the week with the year's first Thursday is week 1.
      const day = dayNumber(date);
      const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
      const thursday = day - weekday + 3;
      const year = new Date(thursday * dayMs).getUTCFullYear();
      const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
  }
}

const patterns: Record<ReportCycle, RegExp> = {
  weekly: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/,
};

/** True when `period` is a well-formed label of the cycle (labels of one cycle sort in time order). */
export function isCyclePeriod(cycle: ReportCycle, period: string): boolean {
  return patterns[cycle].test(period);
}
