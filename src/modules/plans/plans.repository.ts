/**
 * The only place that queries the plan tables. Reads are scoped by tenant; the current version of
 * an observation is the accepted row no later row replaces (as known at `asOf`, when given).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db';

export type DB = Kysely<Database>;

export async function findTenant(db: DB, slug: string) {
  return db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listTenants(db: DB) {
  return db.selectFrom('tenants').selectAll().orderBy('id').execute();
}

export async function listPlans(db: DB, tenantId: number) {
  return db.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
}

/** The tenant's plan of that code; with no code, the tenant's first plan. */
export async function findPlan(db: DB, tenantId: number, code: string | undefined) {
  let q = db.selectFrom('plans').selectAll().where('tenant_id', '=', tenantId);
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('id').executeTakeFirst();
}

export async function listDepartments(db: DB, tenantId: number) {
  return db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
}

export async function listGoalAreas(db: DB, planId: number) {
  return db.selectFrom('goal_areas').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function listIndicators(db: DB, planId: number) {
  return db.selectFrom('indicators').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function listTargets(db: DB, planId: number) {
  return db.selectFrom('targets').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function listProgrammes(db: DB, planId: number) {
  return db.selectFrom('programmes').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
}

export async function listActions(db: DB, planId: number) {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('programme_id')
    .orderBy('position')
    .execute();
}

/** When a version became known: its publication day if given, else when it was recorded. */
function knownAt(alias: 'o' | 'n') {
  return sql<string>`coalesce(${sql.ref(`${alias}.published_on`)}, ${sql.ref(`${alias}.recorded_at`)})`;
}

export interface ObservationQuery {
  /** One plan, or several (a city-wide evaluation reads its districts' plans at once). */
  planId: number | readonly number[];
  /** Only these indicators (by id). */
  indicatorIds?: number[];
  /** As known at this instant (ISO): versions recorded later are ignored. */
  asOf?: string;
  /** Workflow statuses that count; default accepted only. */
  statuses?: string[];
}

/** Current observation versions of a plan's indicators, in file order then period. */
export async function listCurrentObservations(db: DB, q: ObservationQuery) {
  const statuses = q.statuses ?? ['accepted'];
  let query = db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .select([
      'o.id',
      'o.indicator_id',
      'i.code as indicator_code',
      'o.period',
      'o.value',
      'o.qualifier',
      'o.source',
      'o.source_url',
      'o.note',
      'o.illustrative',
      'o.alternate',
      'o.status',
      'o.version',
      'o.recorded_at',
      'o.published_on',
      'o.position',
    ])
    .$call((qb) =>
      typeof q.planId === 'number'
        ? qb.where('i.plan_id', '=', q.planId)
        : qb.where('i.plan_id', 'in', [...q.planId, -1]),
    )
    .where('o.status', 'in', statuses)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('observations as n')
            .select('n.id')
            .whereRef('n.replaces_id', '=', 'o.id')
            .where('n.status', 'in', statuses)
            .$if(q.asOf !== undefined, (qb) => qb.where(knownAt('n'), '<=', q.asOf ?? '')),
        ),
      ),
    );
  if (q.asOf !== undefined) query = query.where(knownAt('o'), '<=', q.asOf);
  if (q.indicatorIds)
    query = query.where('o.indicator_id', 'in', q.indicatorIds.length ? q.indicatorIds : [-1]);
  return query.orderBy('o.position').orderBy('o.id').execute();
}

export type ObservationRow = Awaited<ReturnType<typeof listCurrentObservations>>[number];

/** Every plan of every tenant, oldest first (for jobs that sweep the installation). */
export async function listAllPlans(db: DB) {
  return db.selectFrom('plans').select(['id', 'tenant_id', 'code']).orderBy('id').execute();
}

/** The plans of several tenants, oldest first (a city's districts at once). */
export async function listPlansOfTenants(db: DB, tenantIds: readonly number[]) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('tenant_id', 'in', [...tenantIds, -1])
    .orderBy('id')
    .execute();
}

/** The departments of several tenants. */
export async function listDepartmentsOfTenants(db: DB, tenantIds: readonly number[]) {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('tenant_id', 'in', [...tenantIds, -1])
    .orderBy('id')
    .execute();
}

/** Goal areas, indicators and targets of several plans, each in its plan's order. */
export async function listPlanPartsOf(db: DB, planIds: readonly number[]) {
  const ids = [...planIds, -1];
  const [areas, indicators, targets] = await Promise.all([
    db.selectFrom('goal_areas').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('indicators').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('targets').selectAll().where('plan_id', 'in', ids).orderBy('position').execute(),
  ]);
  return { areas, indicators, targets };
}
