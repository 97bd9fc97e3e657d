/**
 * Target status use cases: evaluate a stored plan's model as of a date with the pure target
 * engine, using only observations accepted and known by the end of that date ("as known on D").
 *
 * Evaluations are kept under the revision they were computed for — the plan's row and the newest
 * audit row of the tenant (every change to plans or data writes one in its transaction), and of
 * its rank neighbours when computed ranks were used — in this server's memory and in the table
 * `plan_statuses` (docs/adr/0007-stored-statuses.md), so a new server reads them instead of
 * evaluating again. A kept evaluation whose revision is no longer current is never served.
 */
import type { PlanStatus, TargetStatus } from '../../contracts/status';
import type { Db } from '../../db';
import { evaluatePlan } from '../../domain/targets';
import { badInput, notFound } from '../errors';
import { shortCache } from '../short-cache';
import {
  findPlan,
  findPlansOf,
  indicatorCodesInScope,
  loadPlanModel,
  loadPlanModels,
  scopeOf,
  type PlanModel,
  type Scope,
} from '../plans';
import { rankNeighbours } from '../city';
import { usesComputedRanks, withComputedRanks } from './computed-ranks';
import { newestAuditIds, readStored, writeStored, type NewStored, type StoredRow } from './stored-statuses';
import { summarise, type PlanStatusSummary } from './status.summary';

/** The date of `now` (the request's clock, `c.get('now')()`) in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The instant ending the day `asOf`: what was known by then counts. */
const knownBy = (asOf: string) => `${asOf}T23:59:59.999Z`;

const cache = new Map<string, { revision: string; status: PlanStatus }>();
const maxCached = 500;

function remember(key: string, revision: string, status: PlanStatus): void {
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, { revision, status });
}

const cacheKey = (tenantId: number, planCode: string, asOf: string, preview: boolean) =>
  `${tenantId}|${planCode}|${asOf}|${preview ? 'preview' : 'accepted'}`;

/** Forgets every evaluation this server holds in memory (stored ones stay): a cold server. */
export function forgetCachedStatuses(): void {
  cache.clear();
  revisions.clear();
}

interface Revision {
  planId: number;
  /** The in-memory cache's: the plan and its rank neighbours' newest audit row. */
  memory: string;
  /** A stored row's: the plan and its own tenant's newest audit row. */
  stored: string;
  /** The rank neighbours' newest audit row (a stored row using computed ranks must match it). */
  neighbours: number;
}

function revisionOfPlan(
  plan: { id: number; version: number; updated_at: string },
  own: number,
  neighbours: number,
): Revision {
  const p = `${plan.id}:${plan.version}:${plan.updated_at}`;
  return { planId: plan.id, memory: `${p}:${neighbours}`, stored: `${p}:${own}`, neighbours };
}

/** Whether a stored row was computed under the current revision. */
const fresh = (row: StoredRow, r: Revision) =>
  row.revision === r.stored && (row.neighbours === null || row.neighbours === r.neighbours);

const revisions = shortCache<Revision>(200);

async function revisionOf(db: Db, tenantId: number, planCode: string): Promise<Revision> {
  // Per database: a revision read on the replica may be older than the primary's.
  const key = `${db.label}|${tenantId}|${planCode}`;
  return revisions.load(key, Date.now(), () => readRevision(db, tenantId, planCode));
}

async function readRevision(db: Db, tenantId: number, planCode: string): Promise<Revision> {
  // A district's computed ranks move with its city's other districts: their changes count too.
  const tenants = await rankNeighbours(db, tenantId);
  const [audit, plan] = await Promise.all([newestAuditIds(db, tenants), findPlan(db, tenantId, planCode)]);
  if (!plan) throw notFound(`plan '${planCode}'`);
  return revisionOfPlan(plan, audit.get(tenantId) ?? 0, Math.max(0, ...audit.values()));
}

/** Values not yet accepted, shown only in a supervisor's preview. */
const previewStatuses = ['accepted', 'approved', 'submitted'];

function toStore(tenantId: number, model: PlanModel, status: PlanStatus, r: Revision): NewStored {
  return {
    planId: r.planId,
    tenantId,
    asOf: status.as_of,
    revision: r.stored,
    neighbours: usesComputedRanks(model) ? r.neighbours : null,
    body: JSON.stringify(status),
    summary: JSON.stringify(summarise(model, status.statuses)),
  };
}

async function evaluateAll(
  db: Db,
  tenantId: number,
  planCode: string,
  asOf: string,
  preview: boolean,
): Promise<PlanStatus> {
  const key = cacheKey(tenantId, planCode, asOf, preview);
  // The revision is read before the data: what is kept under it is never newer than it says.
  const revision = await revisionOf(db, tenantId, planCode);
  const hit = cache.get(key);
  if (hit && hit.revision === revision.memory) return hit.status;
  let status: PlanStatus | null = null;
  if (!preview) {
    const row = (await readStored(db, [revision.planId], asOf, 'body')).get(revision.planId);
    if (row && fresh(row, revision)) status = JSON.parse(row.text) as PlanStatus;
  }
  if (!status) {
    const model = await loadPlanModel(
      db,
      tenantId,
      planCode,
      knownBy(asOf),
      preview ? previewStatuses : undefined,
    );
    status = await evaluatePlanModel(db, tenantId, model, asOf);
    if (!preview) await writeStored(db, [toStore(tenantId, model, status, revision)]);
  }
  remember(key, revision.memory, status);
  return status;
}

/**
 * The status summaries of districts' plans as of `asOf`, in the order asked (null: no such
 * plan). `neighbours` are the city's districts, each district's rank neighbours. Stored summaries
 * are read with one query; only the districts whose stored revision is not current are evaluated
 * (their plans read one query per table) and stored again.
 */
export async function districtSummaries(
  db: Db,
  refs: readonly { tenantId: number; code: string }[],
  neighbours: readonly number[],
  asOf: string,
): Promise<(PlanStatusSummary | null)[]> {
  const tenantIds = [...new Set([...neighbours, ...refs.map((r) => r.tenantId)])];
  const [plans, audit] = await Promise.all([findPlansOf(db, tenantIds), newestAuditIds(db, tenantIds)]);
  const nb = Math.max(0, ...neighbours.map((t) => audit.get(t) ?? 0));
  const found = refs.map((r) => plans.find((p) => p.tenant_id === r.tenantId && p.code === r.code) ?? null);
  const revisions = found.map((p) => (p ? revisionOfPlan(p, audit.get(p.tenant_id) ?? 0, nb) : null));
  const stored = await readStored(
    db,
    found.flatMap((p) => (p ? [p.id] : [])),
    asOf,
    'summary',
  );
  const out: (PlanStatusSummary | null)[] = refs.map(() => null);
  const stale: number[] = [];
  revisions.forEach((r, i) => {
    if (!r) return;
    const row = stored.get(r.planId);
    if (row && fresh(row, r)) out[i] = JSON.parse(row.text) as PlanStatusSummary;
    else stale.push(i);
  });
  if (stale.length === 0) return out;
  const models = await loadPlanModels(
    db,
    stale.map((i) => refs[i]),
    knownBy(asOf),
  );
  const news: NewStored[] = [];
  for (const [j, i] of stale.entries()) {
    const model = models[j];
    const r = revisions[i];
    if (!model || !r) continue;
    const { tenantId, code } = refs[i];
    const status = await evaluatePlanModel(db, tenantId, model, asOf);
    out[i] = summarise(model, status.statuses);
    news.push(toStore(tenantId, model, status, r));
    remember(cacheKey(tenantId, code, asOf, false), r.memory, status);
  }
  for (let k = 0; k < news.length; k += 10) await writeStored(db, news.slice(k, k + 10));
  return out;
}

/**
 * A plan model's statuses as of `asOf`: the target engine, then the rank targets computed from the
 * city's districts. The model must hold only what was known by the end of `asOf`.
 */
export async function evaluatePlanModel(
  db: Db,
  tenantId: number,
  plan: PlanModel,
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
