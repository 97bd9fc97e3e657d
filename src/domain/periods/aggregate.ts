/**
 * Turning sub-annual observations into years. Monthly and quarterly values of a flow are the
 * amounts of that month or quarter (CONTRACT.md), so a year is their sum; a stock (and a ratio,
 * which offices report cumulatively, 1–N月) is its last value.
 */
import { type Period, type PeriodKind, periodsPerYear, subPeriod } from './period';

/** One value for one period. */
export interface PeriodValue {
  readonly period: Period;
  readonly value: number;
}

/** How a measure aggregates over time. */
export type Measure = 'flow' | 'stock' | 'ratio';

/** A year built from its sub-periods. */
export interface YearAggregate {
  readonly year: number;
  /** Sum (flow) or last value (stock, ratio) of the sub-periods present. */
  readonly value: number;
  /** All sub-periods of the year are present. */
  readonly complete: boolean;
  /** Number of sub-periods present. */
  readonly count: number;
  /** The latest sub-period present. */
  readonly through: Period;
}

/**
 * Aggregate the `kind` sub-periods of `year` found in `points` (other periods are ignored):
 * flows are summed, stocks and ratios take the last value. Null when none are present.
 */
export function aggregateYear(
  points: readonly PeriodValue[],
  year: number,
  kind: PeriodKind,
  measure: Measure,
): YearAggregate | null {
  let sum = 0;
  let count = 0;
  let last: PeriodValue | null = null;
  for (const p of points) {
    if (p.period.year !== year || p.period.kind !== kind) continue;
    count += 1;
    sum += p.value;
    if (last === null || p.period.first > last.period.first) last = p;
  }
  if (last === null) return null;
  const value = measure === 'flow' ? sum : last.value;
  return { year, value, complete: count >= periodsPerYear(kind), count, through: last.period };
}

/**
 * Year to date through period `through` (inclusive): the flow summed from the start of the year,
 * or the stock's latest value. Null when no sub-period of that year is present.
 */
export function yearToDate(
  points: readonly PeriodValue[],
  through: Period,
  measure: Measure,
): YearAggregate | null {
  const upTo = points.filter((p) => p.period.year === through.year && p.period.last <= through.last);
  const kind = upTo.find((p) => p.period.kind !== 'year')?.period.kind ?? 'year';
  return aggregateYear(upTo, through.year, kind, measure);
}

/** The sub-periods of `year` at granularity `kind`, in order. */
export function periodsOfYear(year: number, kind: PeriodKind): Period[] {
  return Array.from({ length: periodsPerYear(kind) }, (_, i) =>
    subPeriod(year, kind, kind === 'year' ? 0 : i + 1),
  );
}
