/**
 * A city's figure from its districts' figures for one period. Across districts at one moment a
 * flow (GDP of the year) and a stock (population at year end) both add up; a ratio (GDP per
 * km²) never does and is never averaged: it is its formula applied to the city's totals of its
 * parts (Σgdp / Σarea). Each district's share is of the city total; a ratio has no share.
 */
import { compileFormulas, computeFormulaSeries } from '../formula';

export type Measure = 'flow' | 'stock' | 'ratio';

export interface DistrictValue<T> {
  readonly key: T;
  readonly value: number | null;
}

export interface Distribution {
  min: number;
  max: number;
  median: number;
  /** The plain mean of district values: a description of the spread, not the city's figure. */
  mean: number;
}

export interface Rollup<T> {
  /** The city's figure, or null when it cannot be formed (see `reason`). */
  total: number | null;
  method: 'sum' | 'formula' | 'none';
  /** Every district reported: a sum over fewer districts understates the city. */
  complete: boolean;
  reason: string | null;
  reporting: number;
  missing: T[];
  distribution: Distribution | null;
  districts: { key: T; value: number | null; share: number | null }[];
}

/** Min, max, median and mean of some numbers, or null for none. */
export function distributionOf(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return {
    min: s[0] ?? 0,
    max: s.at(-1) ?? 0,
    median,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/** A sum that does not drift with many terms (values are at most a few thousand districts). */
function sum(values: readonly number[]): number {
  return Number(values.reduce((a, b) => a + b, 0).toPrecision(15));
}

/**
 * Rolls up a flow or a stock by summing, or a ratio with the city figure already recomputed by
 * `recomputeRatio` (pass it as `ratioTotal`; null when its parts are missing).
 */
export function rollup<T>(
  measure: Measure,
  districts: readonly DistrictValue<T>[],
  ratioTotal: { value: number | null; reason: string | null } | null = null,
): Rollup<T> {
  const reported = districts.filter((d): d is { key: T; value: number } => d.value !== null);
  const values = reported.map((d) => d.value);
  const missing = districts.filter((d) => d.value === null).map((d) => d.key);
  const base = {
    complete: missing.length === 0 && districts.length > 0,
    reporting: reported.length,
    missing,
    distribution: distributionOf(values),
  };
  if (measure === 'ratio') {
    const total = ratioTotal?.value ?? null;
    return {
      ...base,
      total,
      method: total === null ? 'none' : 'formula',
      reason:
        total === null
          ? (ratioTotal?.reason ??
            'a ratio without a formula cannot be rolled up: its parts are unknown (比率指标无计算公式，不能汇总，也不取平均)')
          : null,
      districts: districts.map((d) => ({ key: d.key, value: d.value, share: null })),
    };
  }
  const total = reported.length ? sum(values) : null;
  return {
    ...base,
    total,
    method: total === null ? 'none' : 'sum',
    reason: total === null ? 'no district has a value (尚无区县数据)' : null,
    districts: districts.map((d) => ({
      key: d.key,
      value: d.value,
      share: d.value === null || !total ? null : d.value / total,
    })),
  };
}

/**
 * A ratio's city figure: its formula over the city totals of its parts, in the ratio's own unit.
 * `parts` gives each referenced indicator's unit and city total (null when not complete).
 */
export function recomputeRatio(
  ratio: { id: string; unit: string; formula: string },
  parts: ReadonlyMap<string, { unit: string; total: number | null }>,
): { value: number | null; reason: string | null } {
  const indicators = [ratio, ...[...parts].map(([id, p]) => ({ id, unit: p.unit }))];
  const compiled = compileFormulas(indicators);
  const f = compiled.formulas.get(ratio.id);
  if (!f)
    return { value: null, reason: compiled.problems.get(ratio.id) ?? `formula of '${ratio.id}' is unusable` };
  const missing = f.refs.filter((id) => parts.get(id)?.total === null || !parts.has(id));
  if (missing.length)
    return {
      value: null,
      reason: `the city total of ${missing.map((m) => `'${m}'`).join(', ')} is not complete (组成部分未汇总齐全)`,
    };
  const out = computeFormulaSeries(
    f,
    (id) => parts.get(id)?.unit ?? '',
    (id) => new Map([['city', parts.get(id)?.total ?? NaN]]),
  );
  const value = out.values.get('city');
  if (value === undefined) return { value: null, reason: out.problems[0]?.reason ?? 'cannot compute' };
  return { value, reason: null };
}
