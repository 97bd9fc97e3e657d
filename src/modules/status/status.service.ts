/**
 * Target status use cases: evaluate a stored plan as of a date with the pure target engine, using
 * only observations accepted and recorded by the end of that date ("as known on D").
 */
import type { PlanStatus, TargetStatus } from '../../contracts/status';
import type { Db } from '../../db';
import { evaluatePlan, type TargetEvaluation } from '../../domain/targets';
import { badInput, notFound } from '../errors';
import { exportPlanFile } from '../plans';

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function present(e: TargetEvaluation): TargetStatus {
  return { ...e, kind: e.kind };
}

/** Every target's status of a plan as of `asOf` (a date). */
export async function getPlanStatus(
  db: Db,
  tenantId: number,
  planCode: string,
  asOf: string,
): Promise<PlanStatus> {
  const plan = await exportPlanFile(db, tenantId, planCode, `${asOf}T23:59:59.999Z`);
  const result = evaluatePlan(plan, asOf);
  if (!result.ok) throw badInput(`the plan cannot be evaluated: ${result.reason}`);
  const counts: Record<string, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const e of result.evaluations) counts[e.status] = (counts[e.status] ?? 0) + 1;
  return { as_of: asOf, counts, statuses: result.evaluations.map(present) };
}

/** One target's evaluation with its series, expected path and projection. */
export async function getTargetStatus(
  db: Db,
  tenantId: number,
  planCode: string,
  targetCode: string,
  asOf: string,
): Promise<TargetStatus> {
  const status = await getPlanStatus(db, tenantId, planCode, asOf);
  const found = status.statuses.find((s) => s.target === targetCode);
  if (!found) throw notFound(`target '${targetCode}'`);
  return found;
}
