/**
 * Many tenants' plans read at once, one query per table: what a city-wide evaluation (38
 * districts) needs instead of a round of queries per district.
 */
import type { PlanSummary } from '../../contracts/plans';
import type { Db } from '../../db';
import type { PlanFile } from '../../domain/plan-file';
import { planFileFromRows } from './plans.file';
import { presentPlan } from './plans.presenter';
import * as repo from './plans.repository';
import { currentVersions } from '../observations';

/** Each tenant's plans, oldest first. */
export async function listPlansOf(db: Db, tenantIds: readonly number[]): Promise<Map<number, PlanSummary[]>> {
  const out = new Map<number, PlanSummary[]>(tenantIds.map((id) => [id, []]));
  for (const p of await repo.listPlansOfTenants(db.kysely, tenantIds))
    out.get(p.tenant_id)?.push(presentPlan(p));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * The plan files of several tenants' plans (by tenant and plan code) as known at `knownAt`, in
 * the order asked; a plan not found is null. For evaluation: programmes and tasks are left out
 * (no target's status depends on them), everything else is what `exportPlanFile` gives.
 */
export async function exportPlanFilesOf(
  db: Db,
  refs: readonly { tenantId: number; code: string }[],
  knownAt: string,
): Promise<(PlanFile | null)[]> {
  const k = db.kysely;
  const tenantIds = [...new Set(refs.map((r) => r.tenantId))];
  const plans = await repo.listPlansOfTenants(k, tenantIds);
  const wanted = refs.map((r) => plans.find((p) => p.tenant_id === r.tenantId && p.code === r.code) ?? null);
  const planIds = wanted.flatMap((p) => (p ? [p.id] : []));
  const [departments, parts, observations] = await Promise.all([
    repo.listDepartmentsOfTenants(k, tenantIds),
    repo.listPlanPartsOf(k, planIds),
    currentVersions(k, { planId: planIds, asOf: knownAt }),
  ]);
  const planOfIndicator = new Map(parts.indicators.map((i) => [i.id, i.plan_id]));
  const byTenant = groupBy(departments, (d) => d.tenant_id);
  const areas = groupBy(parts.areas, (a) => a.plan_id);
  const indicators = groupBy(parts.indicators, (i) => i.plan_id);
  const targets = groupBy(parts.targets, (t) => t.plan_id);
  const values = groupBy(observations, (o) => planOfIndicator.get(o.indicator_id) ?? -1);
  // Not parsed again: the rows were validated by the import, and parsing 38 plans of 300 targets
  // would cost as much as evaluating them (the export parses; the test compares the two).
  return wanted.map((plan) =>
    plan
      ? (planFileFromRows({
          plan,
          departments: byTenant.get(plan.tenant_id) ?? [],
          areas: areas.get(plan.id) ?? [],
          indicators: indicators.get(plan.id) ?? [],
          targets: targets.get(plan.id) ?? [],
          programmes: [],
          actions: [],
          observations: values.get(plan.id) ?? [],
        }) as PlanFile)
      : null,
  );
}
