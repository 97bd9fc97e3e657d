/**
 * Rank targets on a shared indicator (unit other than 名: the ranked quantity itself, such as
 * retail sales in 亿元) are evaluated on the ranks computed from the city's districts' accepted
 * data, never on a typed rank. A rank target on a 名 indicator keeps the typed values.
 */
import type { Db } from '../../db';
import { evaluateComputedRank } from '../../domain/city';
import type { PlanFile } from '../../domain/plan-file';
import type { TargetEvaluation } from '../../domain/targets';
import { rankSeriesOf } from '../city';

/** Whether `target` is a rank target that must be computed from the districts' data. */
function computedRankTarget(plan: PlanFile, target: PlanFile['targets'][number]): boolean {
  if (target.kind !== 'rank' || !target.indicator) return false;
  const indicator = plan.indicators.find((i) => i.id === target.indicator);
  return indicator !== undefined && indicator.unit !== '名';
}

/** Whether any of the plan's targets is evaluated on ranks computed from the districts' data. */
export function usesComputedRanks(plan: PlanFile): boolean {
  return plan.targets.some((t) => computedRankTarget(plan, t));
}

/** Replaces the evaluations of computed rank targets; others are returned as they came. */
export async function withComputedRanks(
  db: Db,
  tenantId: number,
  plan: PlanFile,
  evaluations: TargetEvaluation[],
  asOf: string,
): Promise<TargetEvaluation[]> {
  const targets = plan.targets.filter((t) => computedRankTarget(plan, t));
  if (targets.length === 0) return evaluations;
  const codes = [...new Set(targets.map((t) => t.indicator ?? ''))];
  const known = `${asOf}T23:59:59.999Z`;
  const series = new Map(
    await Promise.all(codes.map(async (c) => [c, await rankSeriesOf(db, tenantId, c, known)] as const)),
  );
  const byId = new Map(targets.map((t) => [t.id, t]));
  return evaluations.map((e) => {
    const target = byId.get(e.target);
    if (!target) return e;
    const s = series.get(target.indicator ?? '') ?? null;
    const unit = plan.indicators.find((i) => i.id === target.indicator)?.unit ?? '';
    return evaluateComputedRank(
      target,
      plan.plan,
      { city: s?.city.name ?? null, unit, points: s?.points ?? [] },
      asOf,
    );
  });
}
