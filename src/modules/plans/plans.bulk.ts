/**
 * Many tenants' plans read at once, one query per table: what a city-wide evaluation (38
 * districts) needs instead of a round of queries per district.
 */
import type { PlanSummary } from '../../contracts/plans';
import type { Db } from '../../db';
import { presentPlan } from './plans.presenter';
import * as repo from './plans.repository';

/** Each tenant's plans, oldest first. */
export async function listPlansOf(db: Db, tenantIds: readonly number[]): Promise<Map<number, PlanSummary[]>> {
  const out = new Map<number, PlanSummary[]>(tenantIds.map((id) => [id, []]));
  for (const p of await repo.listPlansOfTenants(db.kysely, tenantIds))
    out.get(p.tenant_id)?.push(presentPlan(p));
  return out;
}

/** The plan rows of several tenants (with their version and update time), oldest first. */
export function findPlansOf(db: Db, tenantIds: readonly number[]) {
  return repo.listPlansOfTenants(db.kysely, tenantIds);
}
