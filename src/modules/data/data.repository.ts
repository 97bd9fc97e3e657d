/**
 * The SQL of data collection beside the values themselves (which are the observations module's):
 * indicators with their departments, the lock that serialises writes, the audit trail of a
 * value and who is told about it.
 */
import { aliased, type Executor } from '../../db';

type Q = Executor;

function indicatorsQuery(db: Q, planId: number) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select(aliased('i', ['id', 'code', 'name', 'unit', 'frequency', 'formula', 'department_id']))
    .select(['d.code as department_code', 'd.name as department_name', 'd.name_en as department_name_en'])
    .select(['i.name_en', 'i.measure'])
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

/** Successful audit rows (`a`) about some observation rows, with the actor's display name. */
function observationAudit(db: Q, tenantId: number, rowIds: number[]) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.at', 'a.actor_label', 'u.display_name as actor_display'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.object_type', '=', 'observation')
    .where('a.object_id', 'in', rowIds.map(String))
    .where('a.outcome', '=', 'success');
}

/** Audit rows about some observation rows, oldest first. */
export async function auditOf(db: Q, tenantId: number, rowIds: number[]) {
  if (rowIds.length === 0) return [];
  return observationAudit(db, tenantId, rowIds)
    .select(aliased('a', ['action', 'object_id', 'before', 'after', 'reason']))
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}

/** The ids of a tenant's active users holding `role`, in a department when one is given. */
async function activeHolderIds(db: Q, tenantId: number, role: string, departmentId?: number): Promise<number[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('u.id')
    .where('g.tenant_id', '=', tenantId)
    .where('g.role', '=', role)
    .where('u.disabled', '=', 0)
    .$if(departmentId !== undefined, (q) =>
      q.where('u.id', 'in', (eb) =>
        eb.selectFrom('user_departments').select('user_id').where('department_id', '=', departmentId ?? -1),
      ),
    )
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Active users of a tenant holding `role` in a department: the heads told of a submitted value. */
export async function roleHolderIds(db: Q, tenantId: number, role: string, departmentId: number): Promise<number[]> {
  return activeHolderIds(db, tenantId, role, departmentId);
}

/** Active supervisors of a tenant: who is told that values wait for acceptance. */
export async function supervisorIds(db: Q, tenantId: number): Promise<number[]> {
  return activeHolderIds(db, tenantId, 'supervisor');
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

/** The latest `data.return` audit row of some observation rows: who returned, when, why. */
export async function lastReturn(db: Q, tenantId: number, rowIds: number[]) {
  if (rowIds.length === 0) return undefined;
  return observationAudit(db, tenantId, rowIds)
    .select('a.reason')
    .where('a.action', 'in', ['data.return', 'data.reopen'])
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A user's display name (their user name when none is set). */
export async function displayNameOf(db: Q, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select(['username', 'display_name']).where('id', '=', userId).executeTakeFirst();
  return row ? (row.display_name ?? row.username) : null;
}

/** A department of the tenant by code. */
export async function findDepartment(db: Q, tenantId: number, code: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'name_en'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}
