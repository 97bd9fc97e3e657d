/**
 * Target status use cases: evaluate a stored plan as of a date with the pure target engine, using
 * only observations accepted and known by the end of that date ("as known on D").
 *
 * Evaluations are cached per server, keyed by plan, date and the tenant's newest audit row: every
 * change to plans or data writes an audit row in its transaction, so a new row means "recompute",
 * and a server never serves what another server has since changed.
 */
import type { PlanStatus, TargetStatus } from '../../contracts/status';
import type { Db } from '../../db';
import type { PlanFile } from '../../domain/plan-file';
import { evaluatePlan } from '../../domain/targets';
import { badInput, notFound } from '../errors';
import { shortCache } from '../short-cache';
import { exportPlanFile, findPlan, indicatorCodesInScope, scopeOf, type Scope } from '../plans';
import { rankNeighbours } from '../city';
import { withComputedRanks } from './computed-ranks';

/** The date of `now` (the request's clock, `c.get('now')()`) in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

const cache = new Map<string, { revision: string; status: PlanStatus }>();
const maxCached = 500;

const revisions = shortCache<string>(200);

async function revisionOf(db: Db, tenantId: number, planCode: string): Promise<string> {
  // Per database: a revision read on the replica may be older than the primary's.
  const key = `${db.label}|${tenantId}|${planCode}`;
  return revisions.load(key, Date.now(), () => readRevision(db, tenantId, planCode));
}

async function readRevision(db: Db, tenantId: number, planCode: string): Promise<string> {
  // A district's computed ranks move with its city's other districts: their changes count too.
  const tenants = await rankNeighbours(db, tenantId);
  const [audit, plan] = await Promise.all([
    db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('tenant_id', 'in', tenants)
      .executeTakeFirst(),
    findPlan(db, tenantId, planCode),
  ]);
  if (!plan) throw notFound(`plan '${planCode}'`);
  return `${plan.id}:${plan.version}:${plan.updated_at}:${audit?.id ?? 0}`;
}

/** Values not yet accepted, shown only in a supervisor's preview. */
const previewStatuses = ['accepted', 'approved', 'submitted'];

async function evaluateAll(
  db: Db,
  tenantId: number,
  planCode: string,
  asOf: string,
  preview: boolean,
): Promise<PlanStatus> {
  const key = `${tenantId}|${planCode}|${asOf}|${preview ? 'preview' : 'accepted'}`;
  const revision = await revisionOf(db, tenantId, planCode);
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.status;
  const plan = await exportPlanFile(
    db,
    tenantId,
    planCode,
    `${asOf}T23:59:59.999Z`,
    preview ? previewStatuses : undefined,
  );
  const status = await evaluatePlanFile(db, tenantId, plan, asOf);
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, { revision, status });
  return status;
}

/**
 * A plan file's statuses as of `asOf`: the target engine, then the rank targets computed from the
 * city's districts. The plan file must hold only what was known by the end of `asOf`.
 */
export async function evaluatePlanFile(
  db: Db,
  tenantId: number,
  plan: PlanFile,
  asOf: string,
): Promise<PlanStatus> {
  const result = evaluatePlan(plan, asOf);
  if (!result.ok) throw badInput(`the plan cannot be evaluated: ${result.reason}`);
  const evaluations = await withComputedRanks(db, tenantId, plan, result.evaluations, asOf);
  return { as_of: asOf, counts: countOf(evaluations), statuses: evaluations };
}

function countOf(statuses: readonly { status: string }[]): Record<string, number> {
  const counts: Record<string, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const s of statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return counts;
}

/** Every target's status of a plan as of `asOf` (a date), limited to the actor's departments. */
export async function getPlanStatus(
  db: Db,
  tenantId: number,
  planCode: string,
  asOf: string,
  scope: Scope = null,
  preview = false,
): Promise<PlanStatus> {
  const all = await evaluateAll(db, tenantId, planCode, asOf, preview);
  if (scope === null) return all;
  const plan = await findPlan(db, tenantId, planCode);
  const visible = await indicatorCodesInScope(db, plan?.id ?? -1, scope);
  const statuses = all.statuses.filter((s) => s.indicator !== null && visible.has(s.indicator));
  return { as_of: asOf, counts: countOf(statuses), statuses };
}

/** One target's evaluation with its series, expected path and projection. */
export async function getTargetStatus(
  db: Db,
  tenantId: number,
  planCode: string,
  targetCode: string,
  asOf: string,
  scope: Scope = null,
): Promise<TargetStatus> {
  const status = await getPlanStatus(db, tenantId, planCode, asOf, scope);
  const found = status.statuses.find((s) => s.target === targetCode);
  if (!found) throw notFound(`target '${targetCode}'`);
  return found;
}

export { scopeOf };
