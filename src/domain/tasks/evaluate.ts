/**
 * The light and escalation of a task as of a day (CONTRACT.md, "Default rules"). Everything dated
 * after the as-of day is not yet known; all days are calendar days.
 */
import { daysBetween } from '../periods';
import { type OwedPeriod, reportSchedule } from './cycles';
import type { DueItem, TaskReason } from './reasons';
import {
  defaultTaskRuleSettings,
  type EscalationStep,
  type TaskFacts,
  type TaskLight,
  type TaskReportFacts,
  type TaskRuleSettings,
  type TaskState,
} from './types';

/** A date the task has not met yet: its due date, an open milestone's, an unfiled report's. */
export interface UnmetDate {
  readonly item: DueItem;
  readonly date: string;
}

export interface TaskEvaluation {
  readonly task: string;
  readonly as_of: string;
  readonly state: TaskState;
  readonly light: TaskLight;
  readonly escalation: EscalationStep;
  readonly due: string;
  /** Percent of the latest report not returned (by period); 0 when there is none. */
  readonly percent: number;
  /** 100 × (as_of − start) / (due − start), clamped to 0–100, unrounded. */
  readonly expected_percent: number;
  /** Days from the oldest unmet date before as_of; 0 when nothing is overdue. */
  readonly overdue_days: number;
  /** The earliest unmet date on or after as_of, or null. */
  readonly next_due: string | null;
  /** Report periods whose report is not filed (a returned report stays owed); none once completed. */
  readonly owed: readonly OwedPeriod[];
  /** Every unmet date, oldest first. */
  readonly unmet: readonly UnmetDate[];
  readonly reasons: readonly TaskReason[];
}

/** The reports known on `asOf`: an undated report (null `submitted`) is always known. */
export function knownReports<R extends TaskReportFacts>(reports: readonly R[], asOf: string): R[] {
  return reports.filter((r) => r.submitted === null || r.submitted <= asOf);
}

const completes = (r: TaskReportFacts) => r.percent === 100 && r.status === 'accepted';

/**
 * The state as of `asOf`: an accepted report at 100% completes the task; otherwise the stored
 * state, or when absent `in_progress` once a report exists and `assigned` before.
 */
export function taskStateAsOf(task: TaskFacts, reports: readonly TaskReportFacts[], asOf: string): TaskState {
  const known = knownReports(reports, asOf);
  if (known.some(completes)) return 'completed';
  if (task.state !== undefined) return task.state;
  return known.length > 0 ? 'in_progress' : 'assigned';
}

/**
 * The latest report not returned, by period, then by submission day. Labels of one cycle sort as
 * text (2026-W09 < 2026-W10, 2026-Q1 < 2026-Q2), and a task has one cycle.
 */
function latestCounted(reports: readonly TaskReportFacts[]): TaskReportFacts | null {
  let best: TaskReportFacts | null = null;
  for (const r of reports) {
    if (r.status === 'returned') continue;
    const later =
      best === null ||
      r.period > best.period ||
      (r.period === best.period && (r.submitted ?? '') >= (best.submitted ?? ''));
    if (later) best = r;
  }
  return best;
}

/** 100 × (asOf − start) / (due − start), clamped to 0–100 (a one-day task: 0 before due, 100 from it). */
export function expectedPercent(start: string, due: string, asOf: string): number {
  const span = daysBetween(start, due);
  if (span <= 0) return asOf >= due ? 100 : 0;
  const raw = (100 * daysBetween(start, asOf)) / span;
  return Math.min(100, Math.max(0, raw));
}

/** Evaluates one task as of `asOf` with the plan's rule settings. */
export function evaluateTask(
  task: TaskFacts,
  reports: readonly TaskReportFacts[],
  asOf: string,
  settings: TaskRuleSettings = defaultTaskRuleSettings,
): TaskEvaluation {
  const known = knownReports(reports, asOf);
  const state = taskStateAsOf(task, reports, asOf);
  const completed = state === 'completed';
  const percent = latestCounted(known)?.percent ?? 0;
  const expected = expectedPercent(task.start, task.due, asOf);

  const filed = new Set(known.filter((r) => r.status !== 'returned').map((r) => r.period));
  const owed = completed
    ? []
    : reportSchedule(task.start, task.due, task.cycle, settings.report_grace_days).filter(
        (p) => !filed.has(p.period),
      );
  const unmet: UnmetDate[] = [];
  if (!completed) {
    unmet.push({ item: { kind: 'task' }, date: task.due });
    for (const m of task.milestones) {
      const done = m.done !== undefined && m.done !== null && m.done <= asOf;
      if (!done) unmet.push({ item: { kind: 'milestone', title: m.title }, date: m.due });
    }
    for (const p of owed) unmet.push({ item: { kind: 'report', period: p.period }, date: p.due });
  }
  unmet.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const overdue = unmet.filter((u) => u.date < asOf);
  const oldest = overdue[0];
  const overdueDays = oldest ? daysBetween(oldest.date, asOf) : 0;
  const within = (days: number) => unmet.filter((u) => u.date >= asOf && daysBetween(asOf, u.date) <= days);
  const soon = within(settings.soon_days);
  const lag = expected - percent;
  const lagging = lag > settings.lag_points;
  const started = asOf >= task.start;

  const light: TaskLight = completed
    ? 'blue'
    : !started
      ? 'green'
      : overdue.length > 0
        ? 'red'
        : soon.length > 0 || lagging
          ? 'yellow'
          : 'green';
  const escalation: EscalationStep =
    completed || !started
      ? 'none'
      : overdueDays > settings.notice_after_days
        ? 'notice'
        : overdue.length > 0
          ? 'urge'
          : within(settings.reminder_days).length > 0
            ? 'reminder'
            : 'none';

  const reasons: TaskReason[] = [];
  if (completed) reasons.push({ code: 'completed', params: {} });
  else if (!started) reasons.push({ code: 'not_started', params: { start: task.start } });
  else {
    for (const u of overdue) {
      const days = daysBetween(u.date, asOf);
      reasons.push({
        code: 'overdue',
        params: { item: u.item, date: u.date, days, notice: days > settings.notice_after_days },
      });
    }
    for (const u of soon) {
      reasons.push({
        code: 'due_soon',
        params: { item: u.item, date: u.date, days: daysBetween(asOf, u.date) },
      });
    }
    if (lagging) {
      reasons.push({ code: 'lagging', params: { expected, percent, lag, limit: settings.lag_points } });
    }
  }

  return {
    task: task.id,
    as_of: asOf,
    state,
    light,
    escalation,
    due: task.due,
    percent,
    expected_percent: expected,
    overdue_days: overdueDays,
    next_due: unmet.find((u) => u.date >= asOf)?.date ?? null,
    owed,
    unmet,
    reasons,
  };
}
