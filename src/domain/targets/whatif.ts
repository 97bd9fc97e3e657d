/**
 * What if: the plan's own engine run on an assumed future. An assumed average growth rate, or a
 * value for a coming year, becomes annual values after the latest known year; the target is then
 * evaluated as it would stand once those values are known (mid-year after the last of them), so
 * the status, projection and probability come from the same rules as every other status.
 */
import { evaluateTarget, indexObservations } from './evaluate';
import type { PlanInput, PointOut, TargetEvaluation } from './types';

/** An assumed growth in percent a year from the latest value, or a value in a coming year. */
export type Assumption =
  | { readonly kind: 'growth'; readonly percent: number }
  | { readonly kind: 'value'; readonly year: number; readonly value: number };

export interface WhatIf {
  /** The assumed annual values, in year order. */
  readonly path: PointOut[];
  /** The evaluation date implied by the assumption. */
  readonly as_of: string;
  readonly evaluation: TargetEvaluation;
  /** The value in the target year: assumed when the path reaches it, else the engine's projection. */
  readonly target_year: number;
  readonly target_year_value: number | null;
}

export type WhatIfResult = { ok: true; whatIf: WhatIf } | { ok: false; reason: string };

const supportedKinds = new Set(['level', 'growth_rate']);

/** Evaluate `targetId` of `plan` under `assumption`, from what is known on `asOf`. Pure. */
export function whatIf(
  plan: PlanInput,
  targetId: string,
  assumption: Assumption,
  asOf: string,
): WhatIfResult {
  const target = plan.targets.find((t) => t.id === targetId);
  if (!target) return { ok: false, reason: `unknown target '${targetId}'` };
  if (!supportedKinds.has(target.kind))
    return { ok: false, reason: `what-if needs a level or growth target, not ${target.kind}` };
  const indicator = plan.indicators.find((i) => i.id === target.indicator) ?? null;
  if (!indicator) return { ok: false, reason: `target '${targetId}' has no indicator` };
  if (indicator.frequency !== 'annual' || indicator.formula)
    return { ok: false, reason: 'what-if works on annual indicators with their own values' };
  const year = target.year ?? target.to;
  if (year === undefined) return { ok: false, reason: `target '${targetId}' has no target year` };
  const observations = indexObservations(plan.observations).get(indicator.id) ?? [];
  const data = { plan: plan.plan, indicator, observations };
  const now = evaluateTarget(target, data, asOf);
  const last = now.series.at(-1);
  if (!last) return { ok: false, reason: 'there is no annual value to start from' };
  const from = Number(last.period);
  if (from >= year) return { ok: false, reason: `the ${year} value is already known` };

  const path = assumedPath(assumption, from, last.value, year);
  if (!path.ok) return path;
  const through = Number(path.points.at(-1)?.period ?? from);
  const evalAsOf = `${through + 1}-06-30`;
  const assumed = path.points.map((p) => ({ indicator: indicator.id, period: p.period, value: p.value }));
  const known = observations.filter((o) => !/^\d{4}$/.test(o.period) || Number(o.period) <= from);
  const evaluation = evaluateTarget(target, { ...data, observations: [...known, ...assumed] }, evalAsOf);
  const atYear = path.points.find((p) => p.period === String(year));
  return {
    ok: true,
    whatIf: {
      path: path.points,
      as_of: evalAsOf,
      evaluation,
      target_year: year,
      target_year_value: atYear?.value ?? evaluation.projection?.value ?? null,
    },
  };
}

/**
 * The assumed values. Growth: every year up to the one before the target year (the engine then
 * projects the target year), or the target year itself when that is the next one. A value for a
 * year: that value, with the years between on the constant-growth path to it.
 */
function assumedPath(
  a: Assumption,
  from: number,
  value: number,
  year: number,
): { ok: true; points: PointOut[] } | { ok: false; reason: string } {
  if (a.kind === 'growth') {
    if (!Number.isFinite(a.percent) || a.percent <= -100)
      return { ok: false, reason: 'the growth rate must be a number above -100%' };
    const until = year - 1 > from ? year - 1 : year;
    const points = range(from + 1, until).map((y) => ({
      period: String(y),
      value: value * (1 + a.percent / 100) ** (y - from),
    }));
    return { ok: true, points };
  }
  if (!Number.isInteger(a.year) || a.year <= from || a.year > year)
    return { ok: false, reason: `the year must be after ${from} and no later than ${year}` };
  if (!Number.isFinite(a.value)) return { ok: false, reason: 'the value must be a number' };
  const steps = a.year - from;
  const geometric = value > 0 && a.value > 0;
  const points = range(from + 1, a.year).map((y) => {
    const k = (y - from) / steps;
    return {
      period: String(y),
      value: geometric ? value * (a.value / value) ** k : value + (a.value - value) * k,
    };
  });
  return { ok: true, points };
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
