/**
 * Entry checks of a value (after DHIS2's validation rules and outlier detection): pure rules
 * that find what looks wrong — a value outside its bounds, a share outside 0–100, a part above
 * its whole, a year-to-date flow falling within a year, a value about 10⁴ off its series (the
 * 万/亿 slip) or far outside the series' trend. They warn; a person decides.
 */
import { parsePeriod, type Period } from '../periods';

export type WarningCode =
  | 'below_min'
  | 'above_max'
  | 'negative'
  | 'share_range'
  | 'days_range'
  | 'part_above_whole'
  | 'whole_below_part'
  | 'ytd_falls'
  | 'scale_slip'
  | 'outside_trend';

/** A finding: a stable code and the numbers that explain it (the web words it). */
export interface DataWarning {
  code: WarningCode;
  params: Record<string, string | number>;
}

export interface CheckedIndicator {
  code: string;
  name: string;
  unit: string;
  measure: string;
  frequency: string;
}

/** Another indicator's value in the same period, for relations. */
export interface Related {
  code: string;
  name: string;
  value: number;
}

export interface CheckInput {
  indicator: CheckedIndicator;
  period: string;
  value: number;
  /** Known values of the indicator's other periods (accepted ones), any order. */
  series: readonly { period: string; value: number }[];
  /** Bounds declared for the indicator (plan settings `data_checks.bounds`). */
  bounds?: { min?: number; max?: number };
  /** Wholes the indicator is a part of, and parts of it, with their values for the period. */
  wholes?: readonly Related[];
  parts?: readonly Related[];
  /** The indicator is reported year-to-date (累计): a later period of a year never falls below an earlier one. */
  ytd?: boolean;
}

/** A percentage that moves by itself (a growth rate may be −3 or 12): no share range. */
export function isGrowthRate(i: { name: string; unit: string; code: string }): boolean {
  return (i.unit === '%' || i.unit === 'pp') && /增速|增长|增幅|growth/i.test(`${i.name} ${i.code}`);
}

const daysIn: Record<string, number> = { year: 366, quarter: 92, month: 31 };

/** Rules on the value alone: bounds, sign, share and day counts. */
function valueRules(input: CheckInput, p: Period | undefined, out: DataWarning[]) {
  const { indicator: i, value, bounds } = input;
  if (bounds?.min !== undefined && value < bounds.min)
    out.push({ code: 'below_min', params: { value, min: bounds.min } });
  if (bounds?.max !== undefined && value > bounds.max)
    out.push({ code: 'above_max', params: { value, max: bounds.max } });
  const growth = isGrowthRate(i);
  if (i.unit === '%' && !growth) {
    if (value < 0 || value > 100) out.push({ code: 'share_range', params: { value } });
  } else if (i.unit === '天' && p) {
    const max = daysIn[p.kind] ?? 366;
    if (value < 0 || value > max) out.push({ code: 'days_range', params: { value, max } });
  } else if (!growth && i.unit !== 'pp' && value < 0 && bounds?.min === undefined) {
    out.push({ code: 'negative', params: { value } });
  }
}

function relationRules(input: CheckInput, out: DataWarning[]) {
  for (const w of input.wholes ?? []) {
    if (input.value > w.value)
      out.push({
        code: 'part_above_whole',
        params: { value: input.value, whole: w.name, whole_value: w.value },
      });
  }
  for (const part of input.parts ?? []) {
    if (input.value < part.value)
      out.push({
        code: 'whole_below_part',
        params: { value: input.value, part: part.name, part_value: part.value },
      });
  }
}

/** Of the same year and kind, the latest earlier period's value must not exceed a YTD value. */
function ytdRule(input: CheckInput, p: Period, out: DataWarning[]) {
  if (!input.ytd || p.kind === 'year') return;
  let best: { last: number; period: string; value: number } | undefined;
  for (const s of input.series) {
    const r = parsePeriod(s.period);
    if (!r.ok || r.period.kind !== p.kind || r.period.year !== p.year || r.period.last >= p.last) continue;
    if (!best || r.period.last > best.last) best = { last: r.period.last, period: s.period, value: s.value };
  }
  if (best && input.value < best.value)
    out.push({
      code: 'ytd_falls',
      params: { value: input.value, earlier: best.period, earlier_value: best.value },
    });
}

/** Same-kind points before `p` (by last month), oldest first, at most `n`. */
function before(series: CheckInput['series'], p: Period, n: number) {
  const points: { last: number; value: number; period: string }[] = [];
  for (const s of series) {
    const r = parsePeriod(s.period);
    if (r.ok && r.period.kind === p.kind && r.period.last !== p.last)
      points.push({ last: r.period.last, value: s.value, period: s.period });
  }
  points.sort((a, b) => a.last - b.last);
  const earlier = points.filter((x) => x.last < p.last);
  return (earlier.length > 0 ? earlier : points).slice(-n);
}

/**
 * Series rules: a value 10³·⁵–10⁴·⁵ times its reference (or that much smaller) is the 万/亿 slip;
 * otherwise, with three or more earlier values, one outside the linear trend's band (three
 * residual deviations, at least 30 % of the trend value) is far off.
 */
function seriesRules(input: CheckInput, p: Period, out: DataWarning[]) {
  const { indicator: i, value } = input;
  if (isGrowthRate(i) || i.unit === '%' || i.unit === '名') return;
  const points = before(input.series, p, 6);
  const ref = points.at(-1);
  if (!ref || ref.value === 0 || value === 0 || Math.sign(ref.value) !== Math.sign(value)) return;
  const ratio = Math.log10(Math.abs(value / ref.value));
  if (Math.abs(ratio) >= 3.5 && Math.abs(ratio) <= 4.5) {
    const suggested = ratio > 0 ? value / 1e4 : value * 1e4;
    out.push({
      code: 'scale_slip',
      params: { value, reference: ref.value, reference_period: ref.period, suggested },
    });
    return;
  }
  if (points.length < 3) return;
  const xs = points.map((x) => x.last);
  const ys = points.map((x) => x.value);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : xs.reduce((a, x, k) => a + (x - mx) * ((ys[k] ?? 0) - my), 0) / sxx;
  const fit = (x: number) => my + slope * (x - mx);
  const sd = Math.sqrt(
    ys.reduce((a, y, k) => a + (y - fit(xs[k] ?? 0)) ** 2, 0) / Math.max(1, ys.length - 2),
  );
  const expected = fit(p.last);
  const band = Math.max(3 * sd, 0.3 * Math.abs(expected));
  if (Math.abs(value - expected) > band) {
    const round = (x: number) => Math.round(x * 100) / 100;
    out.push({
      code: 'outside_trend',
      params: { value, expected: round(expected), low: round(expected - band), high: round(expected + band) },
    });
  }
}

/** Every warning about `input.value`; an empty list when nothing looks wrong. */
export function checkValue(input: CheckInput): DataWarning[] {
  const out: DataWarning[] = [];
  const parsed = parsePeriod(input.period);
  const p = parsed.ok ? parsed.period : undefined;
  if (!Number.isFinite(input.value)) return out;
  valueRules(input, p, out);
  relationRules(input, out);
  if (p) {
    ytdRule(input, p, out);
    seriesRules(input, p, out);
  }
  return out;
}
