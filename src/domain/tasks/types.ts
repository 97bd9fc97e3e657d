/**
 * Task supervision (督查督办) vocabulary shared by the rules (lights, escalation), the workflow
 * (state transitions), the plan file, storage and the API. Pure: no I/O.
 * Dates are ISO calendar days `YYYY-MM-DD`; report periods are `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`.
 */

export const taskStates = [
  'assigned', // 交办
  'accepted', // 签收
  'in_progress', // 推进中
  'completion_requested', // 申请办结
  'completed', // 办结
  'returned', // 退回
  'extension_requested', // 申请延期
] as const;
export type TaskState = (typeof taskStates)[number];

export const reportCycles = ['weekly', 'monthly', 'quarterly'] as const;
export type ReportCycle = (typeof reportCycles)[number];

export const reportStatuses = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** blue: completed; green: on schedule; yellow: something falls due soon or progress lags; red: overdue. */
export const taskLights = ['blue', 'green', 'yellow', 'red'] as const;
export type TaskLight = (typeof taskLights)[number];

/** 提醒 before a date → 催办 once overdue → 督办 notice when overdue by more than notice_after_days. */
export const escalationSteps = ['none', 'reminder', 'urge', 'notice'] as const;
export type EscalationStep = (typeof escalationSteps)[number];

export const taskPriorities = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** Rule settings, `plan.settings.tasks` in the plan file (CONTRACT.md defaults). */
export interface TaskRuleSettings {
  report_grace_days: number;
  soon_days: number;
  reminder_days: number;
  notice_after_days: number;
  lag_points: number;
}

export const defaultTaskRuleSettings: TaskRuleSettings = {
  report_grace_days: 5,
  soon_days: 7,
  reminder_days: 3,
  notice_after_days: 7,
  lag_points: 15,
};

export interface MilestoneFacts {
  title: string;
  due: string;
  /** The day it was done, or null/undefined while open. */
  done?: string | null;
}

/** What the rules need to know of a task. */
export interface TaskFacts {
  id: string;
  start: string;
  due: string;
  cycle: ReportCycle;
  /** Stored state; when absent it is derived (CONTRACT.md: completed / in_progress / assigned). */
  state?: TaskState;
  milestones: readonly MilestoneFacts[];
}

/** What the rules need to know of a progress report. */
export interface TaskReportFacts {
  period: string;
  /** Day submitted; a report submitted after the as-of date is not yet known; null: undated, always known. */
  submitted: string | null;
  percent: number;
  status: ReportStatus;
}
