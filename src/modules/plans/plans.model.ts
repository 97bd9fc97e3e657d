/**
 * The plan's domain model built from its stored rows: what status, the cockpit and the city view
 * evaluate, and what the export formats (export = format(model) plus the plan's tasks). Status
 * therefore depends on the rows and the domain, never on an export format.
 */
import type { Db } from '../../db';
import type { PlanFile } from '../../domain/plan-file';
import { notFound } from '../errors';
import { currentVersions } from '../observations';
import { planFileFromRows, type PlanRows } from './plans.file';
import * as repo from './plans.repository';
import { groupBy } from '../../domain/collections';

/** A plan's model: the domain's plan (targets, indicators, values as known), without tasks. */
export type PlanModel = PlanFile;

/**
 * The rows of one plan with its values as known at the instant `knownBy` (ISO; all current ones
 * when absent), counting the workflow `statuses` given (default: accepted only).
 */
export async function readPlanRows(
  db: Db,
  tenantId: number,
  code: string,
  knownBy?: string,
  statuses?: string[],
): Promise<PlanRows> {
  const k = db.kysely;
  const plan = await repo.findPlan(k, tenantId, code);
  if (!plan) throw notFound(`plan '${code}'`);
  const [structure, observations] = await Promise.all([
    repo.planStructureRows(k, tenantId, plan.id),
    currentVersions(k, { planId: plan.id, asOf: knownBy, statuses }),
  ]);
  return { plan, ...structure, observations };
}

/**
 * The model of the tenant's plan `code` as known at `knownBy` (ISO instant). Not parsed again:
 * the rows were validated by the import (the export parses what it formats, and the plans tests
 * compare the two).
 */
export async function loadPlanModel(
  db: Db,
  tenantId: number,
  code: string,
  knownBy?: string,
  statuses?: string[],
): Promise<PlanModel> {
  return planFileFromRows(await readPlanRows(db, tenantId, code, knownBy, statuses)) as PlanModel;
}

/**
 * The models of several tenants' plans (by tenant and plan code) as known at `knownBy`, in the
 * order asked, one query per table for all of them; a plan not found is null. Programmes are left
 * out (no target's status depends on them). `values: false` reads no values (the structure only).
 */
export async function loadPlanModels(
  db: Db,
  refs: readonly { tenantId: number; code: string }[],
  knownBy: string,
  opts: { values?: boolean } = {},
): Promise<(PlanModel | null)[]> {
  const k = db.kysely;
  const tenantIds = [...new Set(refs.map((r) => r.tenantId))];
  const plans = await repo.listPlansOfTenants(k, tenantIds);
  const wanted = refs.map((r) => plans.find((p) => p.tenant_id === r.tenantId && p.code === r.code) ?? null);
  const planIds = wanted.flatMap((p) => (p ? [p.id] : []));
  const [departments, parts, observations] = await Promise.all([
    repo.listDepartmentsOfTenants(k, tenantIds),
    repo.listPlanPartsOf(k, planIds),
    opts.values === false || planIds.length === 0
      ? []
      : currentVersions(k, { planId: planIds, asOf: knownBy }),
  ]);
  const planOfIndicator = new Map(parts.indicators.map((i) => [i.id, i.plan_id]));
  const byTenant = groupBy(departments, (d) => d.tenant_id);
  const areas = groupBy(parts.areas, (a) => a.plan_id);
  const indicators = groupBy(parts.indicators, (i) => i.plan_id);
  const targets = groupBy(parts.targets, (t) => t.plan_id);
  const values = groupBy(observations, (o) => planOfIndicator.get(o.indicator_id) ?? -1);
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
        }) as PlanModel)
      : null,
  );
}
