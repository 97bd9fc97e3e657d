/** What every status rule receives, and small helpers they share. */
import type { IndicatorSeries, YearPoint } from './series';
import type { EvaluationSettings, IndicatorInput, PlanHeaderInput, TargetInput } from './types';

/** Inputs of one rule. */
export interface RuleContext {
  readonly target: TargetInput;
  readonly indicator: IndicatorInput | null;
  readonly unit: string;
  /** +1 higher is better, −1 lower is better (qualifier at_most/at_least overrides the indicator). */
  readonly direction: 1 | -1;
  readonly series: IndicatorSeries;
  readonly asOf: string;
  readonly asOfYear: number;
  readonly plan: PlanHeaderInput;
  readonly settings: EvaluationSettings;
}

/** Direction of a target: its qualifier first, then the indicator's direction. */
export function targetDirection(target: TargetInput, indicator: IndicatorInput | null): 1 | -1 {
  if (target.qualifier === 'at_most') return -1;
  if (target.qualifier === 'at_least' || target.qualifier === 'exceeded') return 1;
  return indicator?.direction === 'down' ? -1 : 1;
}

/**
 * Compound annual growth from `from` to `to` over `years` years; NaN when the ratio is not
 * positive (a sign change has no compound rate).
 */
export function cagr(to: number, from: number, years: number): number {
  const ratio = to / from;
  return ratio > 0 && years > 0 ? ratio ** (1 / years) - 1 : NaN;
}

/** The baseline: the target's own `{year, value}`, else the series' value in `year`. */
export function baselinePoint(ctx: RuleContext, year: number): YearPoint | null {
  const own = ctx.target.baseline;
  if (own) return { year: own.year, value: own.value };
  return ctx.series.years.find((p) => p.year === year) ?? null;
}

/** Whether `x` meets `v` in `direction`; approx/near allow the plan's tolerance, exceeded is strict. */
export function meets(ctx: RuleContext, x: number, v: number): boolean {
  const d = ctx.direction;
  const q = ctx.target.qualifier;
  if (q === 'approx' || q === 'near') return d * x >= d * v - ctx.settings.approx_tolerance * Math.abs(v);
  if (q === 'exceeded') return d * x > d * v;
  return d * x >= d * v;
}

/** The value that must be reached for `meets` (the tolerance applied), for projections. */
export function reachThreshold(ctx: RuleContext, v: number): number {
  const q = ctx.target.qualifier;
  return q === 'approx' || q === 'near' ? v - ctx.direction * ctx.settings.approx_tolerance * Math.abs(v) : v;
}
