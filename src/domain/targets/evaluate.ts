/**
 * Entry points: `evaluatePlan` (every target of a plan, in file order) and `evaluateTarget`
 * (one target from its indicator's observations, for cheap re-evaluation after new data).
 */
import { groupBy } from '../collections';
import { compileFormulas, computeFormulaSeries } from '../formula';
import { isIsoDate, isStale } from '../periods';
import { annualRule, streakRule } from './annual';
import { type RuleContext, targetDirection } from './context';
import { noData, type RuleOutcome } from './explain';
import { growthRule } from './growth';
import { levelRule } from './level';
import { milestoneRule, qualitativeRule } from './other';
import { project } from './projection';
import { roundEvaluation } from './round';
import { buildSeries, type IndicatorSeries } from './series';
import {
  defaultSettings,
  type EvaluationSettings,
  type IndicatorInput,
  type ObservationInput,
  type PlanEvaluation,
  type PlanHeaderInput,
  type PlanInput,
  type TargetEvaluation,
  type TargetInput,
} from './types';

/** What `evaluateTarget` needs besides the target: the plan header and one indicator's data. */
export interface TargetData {
  readonly plan: PlanHeaderInput;
  readonly indicator: IndicatorInput | null;
  /** Observations of the target's indicator (others are ignored only by cost, not by check). */
  readonly observations: readonly ObservationInput[];
  /** Set when the indicator cannot be computed (bad formula …): the target is no_data. */
  readonly problem?: string | null | undefined;
}

const emptySeries: IndicatorSeries = {
  years: [],
  partial: null,
  latest: null,
  subYears: new Map(),
  byPeriod: () => new Map<string, number>(),
};

function settingsOf(plan: PlanHeaderInput): EvaluationSettings {
  return { ...defaultSettings, ...plan.settings };
}

function runRule(ctx: RuleContext): RuleOutcome {
  switch (ctx.target.kind) {
    case 'level':
      return levelRule(ctx);
    case 'growth_rate':
      return growthRule(ctx);
    case 'annual_floor':
    case 'annual_cap':
    case 'rank':
      return annualRule(ctx);
    case 'streak':
      return streakRule(ctx);
    case 'milestone':
      return milestoneRule(ctx.target, ctx.asOf, ctx.settings);
    case 'qualitative':
      return qualitativeRule(ctx.target);
  }
}

/**
 * Evaluate one target as of `asOf` (ISO date) from its indicator's observations. Pure and
 * fast (tens of microseconds for ten years of monthly data), so a caller can re-run it after
 * each new observation.
 */
export function evaluateTarget(target: TargetInput, data: TargetData, asOf: string): TargetEvaluation {
  const settings = settingsOf(data.plan);
  const indicator = data.indicator;
  const needsSeries = target.kind !== 'milestone' && target.kind !== 'qualitative';
  let problem = isIsoDate(asOf)
    ? (data.problem ?? null)
    : `as-of date must be YYYY-MM-DD, not ${JSON.stringify(asOf)}`;
  if (needsSeries && !indicator && !problem) problem = `unknown indicator '${target.indicator ?? ''}'`;
  const series =
    needsSeries && indicator && !problem
      ? buildSeries(data.observations, indicator.measure, asOf)
      : emptySeries;
  const unit = indicator?.unit ?? '';
  const ctx: RuleContext = {
    target,
    indicator,
    unit,
    direction: targetDirection(target, indicator),
    series,
    asOf,
    asOfYear: Number(asOf.slice(0, 4)),
    plan: data.plan,
    settings,
  };
  const outcome =
    problem && needsSeries ? noData(`无法评估：${problem}`, `Cannot evaluate: ${problem}.`) : runRule(ctx);
  let projection: TargetEvaluation['projection'] = null;
  let projection_reason: string | null = outcome.aim ? null : 'no projection for this kind of target';
  const lastYear = series.years.at(-1)?.year;
  if (outcome.aim && lastYear !== undefined && outcome.aim.year <= lastYear) {
    projection_reason = `the ${outcome.aim.year} value is already known`;
  } else if (outcome.aim) {
    const linear = indicator?.measure === 'ratio' || unit === '%' || unit === 'pp' || ctx.direction < 0;
    const r = project({
      points: series.years,
      year: outcome.aim.year,
      threshold: outcome.aim.threshold,
      direction: outcome.aim.direction,
      linear,
    });
    if (r.ok) {
      const { year, value, low, high, probability } = r.projection;
      projection = { year, value, low, high, probability };
    } else projection_reason = r.reason;
  }
  return roundEvaluation({
    target: target.id,
    indicator: target.indicator ?? null,
    status: outcome.status,
    as_of: asOf,
    latest: outcome.latest,
    expected: outcome.expected,
    ratio: outcome.ratio,
    projection,
    kind: target.kind,
    stale: series.latest !== null && isStale(series.latest, asOf, { annualDue: settings.annual_due }),
    explanation: outcome.explanation,
    required_growth: outcome.required_growth,
    baseline: outcome.baseline,
    unit: indicator?.unit ?? null,
    series: series.years.map((p) => ({ period: String(p.year), value: p.value })),
    expected_path: outcome.expected_path,
    projection_reason,
    problem,
  });
}

/** Observations grouped by indicator id, in file order. */
export function indexObservations(
  observations: readonly ObservationInput[],
): Map<string, ObservationInput[]> {
  return groupBy(observations, (o) => o.indicator);
}

/**
 * Values of formula indicators as of `asOf`, added as observations for periods that have no
 * observation of their own; returns a problem per indicator that cannot be computed.
 */
export function addFormulaObservations(
  indicators: readonly IndicatorInput[],
  byIndicator: Map<string, ObservationInput[]>,
  asOf: string,
): Map<string, string> {
  const compiled = compileFormulas(indicators);
  const problems = new Map(compiled.problems);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const id of compiled.order) {
    const f = compiled.formulas.get(id);
    if (!f) continue;
    const out = computeFormulaSeries(
      f,
      (ref) => byId.get(ref)?.unit ?? '',
      (ref) => buildSeries(byIndicator.get(ref) ?? [], byId.get(ref)?.measure ?? 'stock', asOf).byPeriod(),
    );
    const own = byIndicator.get(id) ?? [];
    const have = new Set(own.filter((o) => o.alternate !== true).map((o) => o.period));
    const computed = [...out.values]
      .filter(([period]) => !have.has(period))
      .map(([period, value]) => ({ indicator: id, period, value }));
    byIndicator.set(id, [...own, ...computed]);
    if (out.problems.length)
      problems.set(
        id,
        `formula of '${id}': ${out.problems.map((p) => `${p.period} ${p.reason}`).join('; ')}`,
      );
  }
  return problems;
}

/** Evaluate every target of a plan as of `asOf` (YYYY-MM-DD), one evaluation per target in file order. */
export function evaluatePlan(input: PlanInput, asOf: string): PlanEvaluation {
  if (!isIsoDate(asOf))
    return { ok: false, reason: `as-of date must be YYYY-MM-DD, not ${JSON.stringify(asOf)}` };
  const indicators = new Map(input.indicators.map((i) => [i.id, i]));
  const byIndicator = indexObservations(input.observations);
  const problems = addFormulaObservations(input.indicators, byIndicator, asOf);
  const evaluations = input.targets.map((t) => {
    const id = t.indicator ?? '';
    const indicator = indicators.get(id) ?? null;
    // A division by zero in one period leaves the other periods usable: only a formula that
    // could not be compiled at all makes the target unevaluable.
    const problem =
      indicator?.formula !== undefined && problems.has(id) && !byIndicator.get(id)?.length
        ? problems.get(id)
        : null;
    return evaluateTarget(
      t,
      { plan: input.plan, indicator, observations: byIndicator.get(id) ?? [], problem },
      asOf,
    );
  });
  return { ok: true, evaluations };
}
