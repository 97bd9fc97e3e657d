/**
 * The SQL of bulk imports and exports beside the values (which the observations module reads and
 * writes, one indicator at a time so a plan with a million values never sits in memory at once).
 */
import type { Executor } from '../../db';

type Q = Executor;

export async function findTenantBySlug(db: Q, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

/** The plan's indicators with their department codes, in plan order. */
export async function listPlanIndicators(db: Q, planId: number) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.id', 'i.code', 'i.name', 'i.unit', 'i.frequency', 'd.code as department'])
    .where('i.plan_id', '=', planId)
    .orderBy('i.position')
    .execute();
}
