/**
 * An indicator's observations as known on date D, turned into annual values. An observation
 * counts when its period has ended by D and (if it has `recorded_at`) it was recorded by D;
 * `alternate` figures are ignored; of several versions of one period the latest recorded wins.
 * A year comes from its annual observation, else from all its months (or quarters): summed for
 * a flow, the last for a stock or ratio. A year missing a sub-period is not complete.
 */
import { daysInMonth, type Period, type PeriodKind, parsePeriod } from '../periods';
import type { IndicatorInput, ObservationInput } from './types';

/** An annual value. */
export interface YearPoint {
  readonly year: number;
  readonly value: number;
}

/** The running year: sub-periods so far, aggregated year to date. */
export interface PartialYear {
  readonly year: number;
  readonly value: number;
  readonly count: number;
  readonly of: number;
  readonly through: Period;
}

/** Sub-period values of one year, NaN where missing (index 0 = Q1 or January). */
export interface SubYear {
  readonly kind: 'month' | 'quarter';
  readonly values: readonly number[];
}

/** Everything the rules need about one indicator's data as of D. */
export interface IndicatorSeries {
  /** Complete years, ascending. */
  readonly years: readonly YearPoint[];
  /** The incomplete year after the last complete one, if any. */
  readonly partial: PartialYear | null;
  /** Latest observed period of any granularity (for staleness). */
  readonly latest: Period | null;
  readonly subYears: ReadonlyMap<number, SubYear>;
  /** Values by period text: complete years and every sub-period (formula inputs). */
  readonly byPeriod: ReadonlyMap<string, number>;
}

interface Entry {
  value: number;
  rec: string;
}

interface Bucket {
  annual: Entry | undefined;
  months: (Entry | undefined)[] | undefined;
  quarters: (Entry | undefined)[] | undefined;
}

/** Last month ordinal (year × 12 + month − 1) that has ended on or before ISO date `asOf`. */
export function cutoffMonth(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  const ordinal = y * 12 + m - 1;
  return d >= daysInMonth(y, m) ? ordinal : ordinal - 1;
}

function put(slots: (Entry | undefined)[], i: number, e: Entry): void {
  const old = slots[i];
  // Later version wins: greater recorded_at, or on a tie the later line of the file.
  if (old === undefined || e.rec >= old.rec) slots[i] = e;
}

function aggregate(
  slots: readonly (Entry | undefined)[],
  measure: IndicatorInput['measure'],
): { value: number; count: number; lastIndex: number } {
  let sum = 0;
  let count = 0;
  let lastIndex = -1;
  for (let i = 0; i < slots.length; i++) {
    const e = slots[i];
    if (e === undefined) continue;
    sum += e.value;
    count += 1;
    lastIndex = i;
  }
  const value = measure === 'flow' ? sum : (slots[lastIndex]?.value ?? NaN);
  return { value, count, lastIndex };
}

/** Build the annual series of one indicator from its observations, as known on `asOf`. */
export function buildSeries(
  observations: readonly ObservationInput[],
  measure: IndicatorInput['measure'],
  asOf: string,
): IndicatorSeries {
  const cutoff = cutoffMonth(asOf);
  const buckets = new Map<number, Bucket>();
  let latest: Period | null = null;
  for (const o of observations) {
    if (o.alternate === true) continue;
    const rec = o.recorded_at ?? '';
    if (rec !== '' && rec.slice(0, 10) > asOf) continue;
    const parsed = parsePeriod(o.period);
    if (!parsed.ok) continue;
    const p = parsed.period;
    if (p.last > cutoff) continue;
    let b = buckets.get(p.year);
    if (b === undefined) {
      b = { annual: undefined, months: undefined, quarters: undefined };
      buckets.set(p.year, b);
    }
    const e: Entry = { value: o.value, rec };
    if (p.kind === 'year') {
      if (b.annual === undefined || rec >= b.annual.rec) b.annual = e;
    } else if (p.kind === 'month') put((b.months ??= new Array<Entry | undefined>(12)), p.index - 1, e);
    else put((b.quarters ??= new Array<Entry | undefined>(4)), p.index - 1, e);
    if (latest === null || p.last > latest.last || (p.last === latest.last && p.first > latest.first))
      latest = p;
  }
  const years: YearPoint[] = [];
  const subYears = new Map<number, SubYear>();
  const byPeriod = new Map<string, number>();
  let partial: PartialYear | null = null;
  for (const year of [...buckets.keys()].sort((a, b) => a - b)) {
    const b = buckets.get(year);
    if (!b) continue;
    const slots = b.months ?? b.quarters;
    const kind: PeriodKind = b.months ? 'month' : 'quarter';
    if (slots) {
      subYears.set(year, {
        kind: kind === 'month' ? 'month' : 'quarter',
        values: Array.from(slots, (e) => e?.value ?? NaN),
      });
      slots.forEach((e, i) => {
        if (e)
          byPeriod.set(
            kind === 'month' ? `${year}-${String(i + 1).padStart(2, '0')}` : `${year}-Q${i + 1}`,
            e.value,
          );
      });
    }
    if (b.annual) {
      years.push({ year, value: b.annual.value });
      byPeriod.set(String(year), b.annual.value);
      partial = null;
      continue;
    }
    if (!slots) continue;
    const agg = aggregate(slots, measure);
    if (agg.count === slots.length) {
      years.push({ year, value: agg.value });
      byPeriod.set(String(year), agg.value);
      partial = null;
    } else {
      const through = parsePeriod(
        kind === 'month'
          ? `${year}-${String(agg.lastIndex + 1).padStart(2, '0')}`
          : `${year}-Q${agg.lastIndex + 1}`,
      );
      partial = through.ok
        ? { year, value: agg.value, count: agg.count, of: slots.length, through: through.period }
        : null;
    }
  }
  return { years, partial, latest, subYears, byPeriod };
}

/**
 * Share of a year's flow expected by the end of sub-period `index` (0-based): the average share
 * in earlier complete years when there are at least two (the seasonal profile), else the
 * elapsed fraction (index + 1) / n.
 */
export function expectedShare(
  series: IndicatorSeries,
  year: number,
  kind: 'month' | 'quarter',
  index: number,
): { share: number; seasonal: boolean } {
  const shares: number[] = [];
  for (const [y, sub] of series.subYears) {
    if (y >= year || sub.kind !== kind || sub.values.some((v) => Number.isNaN(v))) continue;
    const total = sub.values.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    shares.push(sub.values.slice(0, index + 1).reduce((a, b) => a + b, 0) / total);
  }
  if (shares.length >= 2) return { share: shares.reduce((a, b) => a + b, 0) / shares.length, seasonal: true };
  return { share: (index + 1) / (kind === 'month' ? 12 : 4), seasonal: false };
}
