/**
 * Report periods of a task's cycle: ISO weeks `YYYY-Www` (Monday to Sunday; the week belongs to
 * the year of its Thursday, so 2026-W53 ends on 2027-01-03), months `YYYY-MM`, quarters `YYYY-Qn`.
 * A task owes one report per cycle from the one holding its start to the one holding its due date,
 * each due `report_grace_days` after its cycle ends (CONTRACT.md).
 */
import { addDays, daysBetween, parsePeriod, periodEnd, periodStart } from '../periods';
import type { ReportCycle } from './types';

/** One report period: its label and first and last day (ISO, inclusive). */
export interface ReportPeriod {
  readonly period: string;
  readonly cycle: ReportCycle;
  readonly start: string;
  readonly end: string;
}

/** A report period with the day its report falls due. */
export interface OwedPeriod extends ReportPeriod {
  readonly due: string;
}

export type ReportPeriodResult = { ok: true; period: ReportPeriod } | { ok: false; reason: string };

/** Day of the week, 0 = Monday … 6 = Sunday. */
function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

/** Monday of ISO week 1 of `year`: the week holding 4 January. */
function firstMonday(year: number): string {
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(jan4, -weekday(jan4));
}

/** 52 or 53: the week holding 28 December is the year's last. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).week;
}

/** ISO week-year and week number of a day. */
export function isoWeekOf(date: string): { year: number; week: number } {
  const thursday = addDays(date, 3 - weekday(date));
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(firstMonday(year), thursday) / 7) + 1 };
}

function weekLabel(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

function weekPeriod(year: number, week: number): ReportPeriod {
  const start = addDays(firstMonday(year), (week - 1) * 7);
  return { period: weekLabel(year, week), cycle: 'weekly', start, end: addDays(start, 6) };
}

const cycleOfLabel = (text: string): ReportCycle | null =>
  /^\d{4}-W\d{2}$/.test(text)
    ? 'weekly'
    : /^\d{4}-Q\d$/.test(text)
      ? 'quarterly'
      : /^\d{4}-\d{2}$/.test(text)
        ? 'monthly'
        : null;

/** Parse `YYYY-Www`, `YYYY-MM` or `YYYY-Qn`; never throws. */
export function parseReportPeriod(text: string): ReportPeriodResult {
  const cycle = cycleOfLabel(text);
  const bad = (why: string): ReportPeriodResult => ({ ok: false, reason: why });
  if (cycle === null)
    return bad(`report period must be YYYY-Www, YYYY-MM or YYYY-Qn, not ${JSON.stringify(text)}`);
  if (cycle === 'weekly') {
    const year = Number(text.slice(0, 4));
    const week = Number(text.slice(6));
    if (week < 1 || week > isoWeeksInYear(year)) {
      return bad(`${text}: ISO year ${year} has weeks 01 to ${isoWeeksInYear(year)}`);
    }
    return { ok: true, period: weekPeriod(year, week) };
  }
  const parsed = parsePeriod(text);
  if (!parsed.ok)
    return bad(`report period must be YYYY-Www, YYYY-MM or YYYY-Qn, not ${JSON.stringify(text)}`);
  return {
    ok: true,
    period: { period: text, cycle, start: periodStart(parsed.period), end: periodEnd(parsed.period) },
  };
}

/** The report period of `cycle` that holds `date`. */
export function periodOf(date: string, cycle: ReportCycle): ReportPeriod {
  if (cycle === 'weekly') {
    const { year, week } = isoWeekOf(date);
    return weekPeriod(year, week);
  }
  const month = Number(date.slice(5, 7));
  const label =
    cycle === 'monthly' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(`unreachable: ${label}`); // built from a valid date
  return { period: label, cycle, start: periodStart(parsed.period), end: periodEnd(parsed.period) };
}

/** The period after `p` in the same cycle. */
export function nextReportPeriod(p: ReportPeriod): ReportPeriod {
  return periodOf(addDays(p.end, 1), p.cycle);
}

/**
 * Every report period a task owes, from the one holding `start` to the one holding `due` (both
 * included; the first and last may be partial), each due `graceDays` after its period ends.
 */
export function reportSchedule(
  start: string,
  due: string,
  cycle: ReportCycle,
  graceDays: number,
): OwedPeriod[] {
  const out: OwedPeriod[] = [];
  if (due < start) return out;
  for (let p = periodOf(start, cycle); p.start <= due; p = nextReportPeriod(p)) {
    out.push({ ...p, due: addDays(p.end, graceDays) });
  }
  return out;
}

/** True when the period overlaps the span start…due (so a task of that span owes it). */
export function periodInSpan(period: ReportPeriod, start: string, due: string): boolean {
  return period.end >= start && period.start <= due;
}
