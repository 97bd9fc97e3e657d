/**
 * When data is due. Statistics offices publish annual figures by the end of the next March,
 * quarterly ones by the 15th of the month after the quarter and monthly ones by the 10th of the
 * next month; a later annual deadline is a plan setting.
 */
import { isoDate, type Period, subPeriod } from './period';

/** Publication deadlines; `annualDue` is the month-day of the following year (default `03-31`). */
export interface DueSettings {
  readonly annualDue?: string;
}

/** The date by which the value for `p` is due, ISO. */
export function dueDate(p: Period, settings: DueSettings = {}): string {
  switch (p.kind) {
    case 'year':
      return `${p.year + 1}-${settings.annualDue ?? '03-31'}`;
    case 'quarter':
      return isoDate(p.last + 1, 15);
    case 'month':
      return isoDate(p.last + 1, 10);
  }
}

/** The period that follows `p` at the same granularity. */
export function nextPeriod(p: Period): Period {
  switch (p.kind) {
    case 'year':
      return subPeriod(p.year + 1, 'year', 0);
    case 'quarter':
      return p.index === 4 ? subPeriod(p.year + 1, 'quarter', 1) : subPeriod(p.year, 'quarter', p.index + 1);
    case 'month':
      return p.index === 12 ? subPeriod(p.year + 1, 'month', 1) : subPeriod(p.year, 'month', p.index + 1);
  }
}

/**
 * Stale: the value after `latest` was due on or before `asOf` and has not come in (the latest
 * value is overdue for its frequency).
 */
export function isStale(latest: Period, asOf: string, settings: DueSettings = {}): boolean {
  return dueDate(nextPeriod(latest), settings) < asOf;
}
