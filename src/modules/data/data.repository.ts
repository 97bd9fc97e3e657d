/**
 * The only SQL of data collection. A value series is the main (non-alternate) rows of one
 * indicator and period; each edit, correction or reopening adds a row with the next version, and
 * only the workflow status of a row that is not accepted is ever updated.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DialectName } from '../../db';

export type Q = Kysely<Database> | Transaction<Database>;

function indicatorsQuery(db: Q, planId: number) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.unit',
      'i.frequency',
      'i.formula',
      'i.department_id',
      'd.code as department_code',
      'd.name as department_name',
      'i.name_en',
      'i.measure',
    ])
    .where('i.plan_id', '=', planId);
}

export async function findIndicator(db: Q, planId: number, code: string) {
  return indicatorsQuery(db, planId).where('i.code', '=', code).executeTakeFirst();
}

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;

/** A plan's indicators, of some departments only when `departmentIds` is given. */
export async function listIndicators(db: Q, planId: number, departmentIds: number[] | null) {
  let q = indicatorsQuery(db, planId);
  if (departmentIds) q = q.where('i.department_id', 'in', departmentIds.length ? departmentIds : [-1]);
  return q.orderBy('i.position').execute();
}

/**
 * Serialises writes to one indicator's values: on PostgreSQL the indicator row is locked for the
 * transaction; SQLite runs one write transaction at a time anyway.
 */
export async function lockIndicator(trx: Transaction<Database>, dialect: DialectName, id: number) {
  await trx
    .selectFrom('indicators')
    .select('id')
    .where('id', '=', id)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .execute();
}

const rowColumns = [
  'o.id',
  'o.indicator_id',
  'o.period',
  'o.value',
  'o.source',
  'o.note',
  'o.status',
  'o.version',
  'o.replaces_id',
  'o.recorded_by',
  'o.recorded_at',
  'o.reason',
  'o.preliminary',
  'o.check_reason',
  'u.username as recorded_by_name',
  'u.display_name as recorded_by_display',
] as const;

/** Every row of one value series, oldest version first. */
export async function seriesRows(db: Q, indicatorId: number, period: string) {
  return db
    .selectFrom('observations as o')
    .leftJoin('users as u', 'u.id', 'o.recorded_by')
    .select(rowColumns)
    .where('o.indicator_id', '=', indicatorId)
    .where('o.period', '=', period)
    .where('o.alternate', '=', 0)
    .orderBy('o.version')
    .orderBy('o.id')
    .execute();
}

export type ValueRow = Awaited<ReturnType<typeof seriesRows>>[number];

export interface NewRow {
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
  status: string;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  preliminary?: number;
  check_reason?: string | null;
}

export async function insertRow(trx: Q, row: NewRow): Promise<number> {
  const inserted = await trx
    .insertInto('observations')
    .values({ ...row, illustrative: 0, alternate: 0, position: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Moves a row from one of `from` to `to`; false when another request moved it first. Acceptance
 * also dates the row's publication (unless it has one), so "as known on D" before that day
 * does not see a value that was then still under review.
 */
export async function moveStatus(
  trx: Q,
  id: number,
  from: readonly string[],
  to: string,
  day: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('observations')
    .set((eb) =>
      to === 'accepted'
        ? { status: to, published_on: eb.fn.coalesce('published_on', eb.val(day)) }
        : { status: to },
    )
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Workflow rows (not superseded) of some indicators from a year on, for the calendar. */
export async function workflowRows(db: Q, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', 'status', 'version', 'preliminary'])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '!=', 'superseded')
    .where('period', '>=', String(fromYear))
    .execute();
}

/** Rows in one of `statuses` of a plan's indicators, of some departments when given. */
export async function rowsInStatus(db: Q, planId: number, status: string, departmentIds: number[] | null) {
  let q = db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .leftJoin('users as u', 'u.id', 'o.recorded_by')
    .leftJoin('observations as r', 'r.id', 'o.replaces_id')
    .select([
      ...rowColumns,
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit as indicator_unit',
      'd.code as department_code',
      'd.name as department_name',
      'r.version as replaced_version',
    ])
    .where('i.plan_id', '=', planId)
    .where('o.alternate', '=', 0)
    .where('o.status', '=', status);
  if (departmentIds) q = q.where('i.department_id', 'in', departmentIds.length ? departmentIds : [-1]);
  return q.orderBy('o.recorded_at').orderBy('o.id').limit(1000).execute();
}

/** Audit rows about some observation rows, oldest first. */
export async function auditOf(db: Q, tenantId: number, rowIds: number[]) {
  if (rowIds.length === 0) return [];
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.at',
      'a.actor_label',
      'u.display_name as actor_display',
      'a.action',
      'a.object_id',
      'a.before',
      'a.after',
      'a.reason',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.object_type', '=', 'observation')
    .where('a.object_id', 'in', rowIds.map(String))
    .where('a.outcome', '=', 'success')
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}

/** Active users of a tenant holding `role` in a department: the heads told of a submitted value. */
export async function roleHolderIds(db: Q, tenantId: number, role: string, departmentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('user_departments as ud', 'ud.user_id', 'u.id')
    .select('u.id')
    .where('g.tenant_id', '=', tenantId)
    .where('g.role', '=', role)
    .where('ud.department_id', '=', departmentId)
    .where('u.disabled', '=', 0)
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Active supervisors of a tenant: who is told that values wait for acceptance. */
export async function supervisorIds(db: Q, tenantId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('u.id')
    .where('g.tenant_id', '=', tenantId)
    .where('g.role', '=', 'supervisor')
    .where('u.disabled', '=', 0)
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Every plan of every tenant still in use, for the reporting reminders of the job runner. */
export async function plansInUse(db: Q) {
  return db
    .selectFrom('plans')
    .select(['id', 'tenant_id', 'code', 'start_year', 'end_year', 'settings'])
    .where('status', '!=', 'archived')
    .orderBy('tenant_id')
    .orderBy('id')
    .execute();
}

/** The first time each indicator's period was reported beyond a draft (scorecards: on time?). */
export async function firstReportedAt(db: Q, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', (eb) => eb.fn.min('recorded_at').as('reported_at')])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '!=', 'draft')
    .where('period', '>=', String(fromYear))
    .groupBy(['indicator_id', 'period'])
    .execute();
}

/** Accepted main-series values of some indicators (every version; the caller keeps the latest). */
export async function acceptedValues(db: Q, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', 'value', 'version'])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '=', 'accepted')
    .orderBy('version')
    .execute();
}

/** The latest `data.return` audit row of some observation rows: who returned, when, why. */
export async function lastReturn(db: Q, tenantId: number, rowIds: number[]) {
  if (rowIds.length === 0) return undefined;
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.actor_label', 'u.display_name as actor_display', 'a.reason'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.object_type', '=', 'observation')
    .where('a.object_id', 'in', rowIds.map(String))
    .where('a.action', 'in', ['data.return', 'data.reopen'])
    .where('a.outcome', '=', 'success')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A user's display name (their user name when none is set). */
export async function displayNameOf(db: Q, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select(['username', 'display_name']).where('id', '=', userId).executeTakeFirst();
  return row ? (row.display_name ?? row.username) : null;
}

/** Per indicator and period, when its first version came in (published_on for loaded figures). */
export async function firstArrivals(db: Q, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select((eb) => [
      'indicator_id',
      'period',
      eb.fn.min(eb.fn.coalesce('published_on', 'recorded_at')).as('first_at'),
    ])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', 'in', ['submitted', 'approved', 'accepted'])
    .where('period', '>=', String(fromYear))
    .groupBy(['indicator_id', 'period'])
    .execute();
}

/** A department of the tenant by code. */
export async function findDepartment(db: Q, tenantId: number, code: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}
