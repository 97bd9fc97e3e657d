/**
 * Where a reporting period stands on a day: still running, due (ended, deadline ahead), due soon
 * or overdue. A running period takes a preliminary value (快报/预计数) when the indicator allows
 * it: statistics offices publish annual and quarterly 快报 before the period's final figure; a
 * month's figure is simply reported after the month.
 */
import { daysBetween, periodEnd, periodStart, type Period } from '../periods';

export type Frequency = 'annual' | 'quarterly' | 'monthly';

/** Whether values of the indicator may be preliminary (快报/预计数), replaced later by the final one. */
export function allowsPreliminary(indicator: { frequency: string }): boolean {
  return indicator.frequency === 'annual' || indicator.frequency === 'quarterly';
}

/** Days before its deadline when an owed period counts as "due soon". */
export const dueSoonDays = 30;

export type PeriodStanding = 'upcoming' | 'running' | 'due' | 'due_soon' | 'overdue';

/**
 * The standing of a period on `today` (YYYY-MM-DD) given its deadline: `upcoming` before it
 * begins, `running` until its last day has passed, then `due`, `due_soon` within `dueSoonDays`
 * of the deadline, `overdue` after it.
 */
export function standingOf(p: Period, due: string, today: string): PeriodStanding {
  if (periodStart(p) > today) return 'upcoming';
  if (periodEnd(p) >= today) return 'running';
  if (due < today) return 'overdue';
  return daysBetween(today, due) <= dueSoonDays ? 'due_soon' : 'due';
}

export type EntryCheck =
  { ok: true; preliminary: boolean } | { ok: false; code: 'period_not_begun' | 'preliminary_not_allowed' };

/**
 * May a value of `p` be entered on `today`, and is it preliminary? A running period only takes a
 * preliminary value, and only when the indicator allows one; an ended period takes a final value,
 * or a preliminary one when asked (a 快报 reported before the official figure).
 */
export function entryOf(
  indicator: { frequency: string },
  p: Period,
  today: string,
  asked: boolean | undefined,
): EntryCheck {
  if (periodStart(p) > today) return { ok: false, code: 'period_not_begun' };
  const running = periodEnd(p) >= today;
  const preliminary = running || asked === true;
  if (preliminary && !allowsPreliminary(indicator)) return { ok: false, code: 'preliminary_not_allowed' };
  return { ok: true, preliminary };
}
