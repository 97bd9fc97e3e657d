/**
 * An indicator's observations as known on date D, turned into annual values. An observation
 * counts when its period has ended by D and (if it has `recorded_at`) it was recorded by D;
 * `alternate` figures are ignored; of several versions of one period the latest recorded wins.
 * A year comes from its annual observation, else from all its months (or quarters): summed for
 * a flow, the last for a stock or ratio. A year missing a sub-period is not complete.
 */
import { daysInMonth, type Period, parsePeriod } from '../periods';
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
  readonly values: number[];
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
  /** Values by period text: complete years and every sub-period (formula inputs; built on demand). */
  readonly byPeriod: () => Map<string, number>;
}

/** One year's observations: NaN marks a missing slot; `rec` only exists once a version is dated. */
interface Bucket {
  annual: number;
  annualRec: string;
  months: number[] | undefined;
  monthRec: string[] | undefined;
  quarters: number[] | undefined;
  quarterRec: string[] | undefined;
}

/** Last month ordinal (year × 12 + month − 1) that has ended on or before ISO date `asOf`. */
export function cutoffMonth(asOf: string): number {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  const ordinal = y * 12 + m - 1;
  return d >= daysInMonth(y, m) ? ordinal : ordinal - 1;
}

function slots(n: number): number[] {
  return new Array<number>(n).fill(NaN);
}

// Later version wins: a greater recorded_at, or on a tie the later line of the file. Undated
// versions count as recorded at '' (before any dated one).
function put(
  values: number[],
  recs: string[] | undefined,
  i: number,
  value: number,
  rec: string,
): string[] | undefined {
  if (recs === undefined && rec === '') {
    values[i] = value;
    return undefined;
  }
  const r = recs ?? Array.from({ length: values.length }, () => '');
  if (Number.isNaN(values[i] ?? NaN) || rec >= (r[i] ?? '')) {
    values[i] = value;
    r[i] = rec;
  }
  return r;
}

function aggregate(
  values: number[],
  measure: IndicatorInput['measure'],
): { value: number; count: number; lastIndex: number } {
  let sum = 0;
  let count = 0;
  let lastIndex = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isNaN(v)) continue;
    sum += v;
    count += 1;
    lastIndex = i;
  }
  const value = measure === 'flow' ? sum : (values[lastIndex] ?? NaN);
  return { value, count, lastIndex };
}

function subPeriodText(year: number, kind: 'month' | 'quarter', i: number): string {
  return kind === 'month' ? `${year}-${String(i + 1).padStart(2, '0')}` : `${year}-Q${i + 1}`;
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
      b = {
        annual: NaN,
        annualRec: '',
        months: undefined,
        monthRec: undefined,
        quarters: undefined,
        quarterRec: undefined,
      };
      buckets.set(p.year, b);
    }
    if (p.kind === 'year') {
      if (Number.isNaN(b.annual) || rec >= b.annualRec) {
        b.annual = o.value;
        b.annualRec = rec;
      }
    } else if (p.kind === 'month')
      b.monthRec = put((b.months ??= slots(12)), b.monthRec, p.index - 1, o.value, rec);
    else b.quarterRec = put((b.quarters ??= slots(4)), b.quarterRec, p.index - 1, o.value, rec);
    if (latest === null || p.last > latest.last || (p.last === latest.last && p.first > latest.first))
      latest = p;
  }
  const years: YearPoint[] = [];
  const subYears = new Map<number, SubYear>();
  let partial: PartialYear | null = null;
  for (const year of [...buckets.keys()].sort((a, b) => a - b)) {
    const b = buckets.get(year);
    if (!b) continue;
    const values = b.months ?? b.quarters;
    const kind = b.months ? 'month' : 'quarter';
    if (values) subYears.set(year, { kind, values });
    if (!Number.isNaN(b.annual)) {
      years.push({ year, value: b.annual });
      partial = null;
      continue;
    }
    if (!values) continue;
    const agg = aggregate(values, measure);
    if (agg.count === values.length) {
      years.push({ year, value: agg.value });
      partial = null;
    } else {
      const through = parsePeriod(subPeriodText(year, kind, agg.lastIndex));
      partial = through.ok
        ? { year, value: agg.value, count: agg.count, of: values.length, through: through.period }
        : null;
    }
  }
  return { years, partial, latest, subYears, byPeriod: () => periodValues(years, subYears) };
}

function periodValues(
  years: readonly YearPoint[],
  subYears: ReadonlyMap<number, SubYear>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [year, sub] of subYears) {
    sub.values.forEach((v, i) => {
      if (!Number.isNaN(v)) out.set(subPeriodText(year, sub.kind, i), v);
    });
  }
  for (const p of years) out.set(String(p.year), p.value);
  return out;
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
    if (y >= year || sub.kind !== kind || sub.values.some(Number.isNaN)) continue;
    const total = sub.values.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    shares.push(sub.values.slice(0, index + 1).reduce((a, b) => a + b, 0) / total);
  }
  if (shares.length >= 2) return { share: shares.reduce((a, b) => a + b, 0) / shares.length, seasonal: true };
  return { share: (index + 1) / (kind === 'month' ? 12 : 4), seasonal: false };
}
