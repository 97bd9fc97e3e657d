/**
 * Rounding for output only; the rules keep full precision. Observed values lose only binary
 * noise (0.1 + 0.2 → 0.3); computed values keep what a reader can use; ratios and
 * probabilities have 4 decimals, growth rates (percent) 2.
 */
import type { PointOut, TargetEvaluation } from './types';

/** Strip floating-point noise from an observed (or summed) value. */
export function cleanValue(v: number): number {
  // Most values are as reported (≤ 4 decimals, already the shortest double): leave them alone.
  if (!Number.isFinite(v) || Math.round(v * 1e4) / 1e4 === v) return v;
  return Number(v.toPrecision(12));
}

/** Round to a fixed number of decimals. */
export function roundTo(v: number, places: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** places;
  return Math.round(v * f) / f;
}

/** A computed value: 2 decimals from 100, 4 from 0.01, else 4 significant digits. */
export function roundComputed(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(v) || a === 0) return v;
  if (a >= 100) return roundTo(v, 2);
  if (a >= 0.01) return roundTo(v, 4);
  return Number(v.toPrecision(4));
}

const point = (p: PointOut, f: (v: number) => number): PointOut => ({ period: p.period, value: f(p.value) });
const maybe = (v: number | null, f: (v: number) => number) =>
  v === null || !Number.isFinite(v) ? null : f(v);

/** Round every number of an evaluation for JSON. */
export function roundEvaluation(e: TargetEvaluation): TargetEvaluation {
  return {
    ...e,
    latest: e.latest && point(e.latest, cleanValue),
    expected: maybe(e.expected, roundComputed),
    ratio: maybe(e.ratio, (v) => roundTo(v, 4)),
    projection: e.projection && {
      year: e.projection.year,
      value: roundComputed(e.projection.value),
      low: roundComputed(e.projection.low),
      high: roundComputed(e.projection.high),
      probability: maybe(e.projection.probability, (v) => roundTo(v, 4)),
    },
    required_growth: maybe(e.required_growth, (v) => roundTo(v, 2)),
    baseline: e.baseline && point(e.baseline, cleanValue),
    series: e.series.map((p) => point(p, cleanValue)),
    expected_path: e.expected_path.map((p) => point(p, roundComputed)),
  };
}
