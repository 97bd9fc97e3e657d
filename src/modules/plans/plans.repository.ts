/**
 * The only place that queries the plan tables. Reads are scoped by tenant; observations are the
 * observations module's.
 */
import { rowsWhere, tableWhere, type Executor } from '../../db';

type DB = Executor;

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
  return rowsWhere(db, 'actions', { plan_id: planId }).orderBy('programme_id').orderBy('position').execute();
}

/** Every structure row of a plan, with its tenant's departments (read side by side). */
export async function planStructureRows(db: DB, tenantId: number, planId: number) {
  const [departments, areas, indicators, targets, programmes, actions] = await Promise.all([
    listDepartments(db, tenantId),
    listGoalAreas(db, planId),
    listIndicators(db, planId),
    listTargets(db, planId),
    listProgrammes(db, planId),
    listActions(db, planId),
  ]);
  return { departments, areas, indicators, targets, programmes, actions };
}

/** Every plan of every tenant, oldest first (for jobs that sweep the installation). */
export async function listAllPlans(db: DB) {
  return db.selectFrom('plans').select(['id', 'tenant_id', 'code']).orderBy('id').execute();
}

/** The plans of several tenants, oldest first (a city's districts at once). */
export async function listPlansOfTenants(db: DB, tenantIds: readonly number[]) {
  return rowsWhere(db, 'plans', { tenant_id: [...tenantIds, -1] })
    .orderBy('id')
    .execute();
}

/** The departments of several tenants. */
export async function listDepartmentsOfTenants(db: DB, tenantIds: readonly number[]) {
  return rowsWhere(db, 'departments', { tenant_id: [...tenantIds, -1] })
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

/** The versions of the city's definitions a tenant's plan's indicators adopted (code → version). */
export async function adoptedVersions(
  db: DB,
  tenantId: number,
  planCode: string,
): Promise<Map<string, number>> {
  const plan = tableWhere(db, 'plans', { tenant_id: tenantId, code: planCode }).select('id');
  const rows = await tableWhere(db, 'indicators', { plan_id: plan })
    .select(['code', 'city_definition_version'])
    .where('city_definition_version', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.city_definition_version ?? 0]));
}

export async function findIndicator(db: DB, planId: number, code: string) {
  return rowsWhere(db, 'indicators', { plan_id: planId, code }).executeTakeFirst();
}

/** Targets of an indicator that carry a figure (a value or a baseline) in the indicator's unit. */
export async function countTargetFigures(db: DB, indicatorId: number): Promise<number> {
  const row = await db
    .selectFrom('targets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('indicator_id', '=', indicatorId)
    .where((eb) => eb.or([eb('value', 'is not', null), eb('baseline_value', 'is not', null)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateIndicatorDefinition(
  db: DB,
  id: number,
  fields: {
    unit: string;
    measure: string;
    direction: string;
    frequency: string;
    formula: string | null;
    city_definition_version: number;
  },
): Promise<void> {
  await db.updateTable('indicators').set(fields).where('id', '=', id).execute();
}
