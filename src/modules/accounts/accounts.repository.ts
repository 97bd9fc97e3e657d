/**
 * SQL of user and department administration. Every query names the tenant, so an object of
 * another tenant is simply not found.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, Executor } from '../../db';
import type { Role } from '../../domain/access';

type DB = Executor;

export async function listUsers(db: DB, tenantId: number) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('username').execute();
}

export async function updateUser(
  db: DB,
  tenantId: number,
  userId: number,
  set: { display_name?: string | null; disabled?: number; updated_at: string },
) {
  await db.updateTable('users').set(set).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

/** Replaces a user's rows in a table of their grants: roles or departments. */
async function replaceUserRows<T extends 'role_grants' | 'user_departments'>(
  db: DB,
  table: T,
  owner: { tenant_id: number; user_id: number },
  rows: readonly Omit<Insertable<Database[T]>, 'tenant_id' | 'user_id'>[],
) {
  // Both tables are keyed by tenant and user; kysely cannot follow a table type parameter.
  const grants = db as unknown as Kysely<{ grants: { tenant_id: number; user_id: number } }>;
  await grants
    .deleteFrom(table as unknown as 'grants')
    .where('tenant_id', '=', owner.tenant_id)
    .where('user_id', '=', owner.user_id)
    .execute();
  if (rows.length === 0) return;
  await grants
    .insertInto(table as unknown as 'grants')
    .values(rows.map((row) => ({ ...owner, ...row })))
    .execute();
}

/** Replaces a user's role grants. */
export async function setRoles(db: DB, tenantId: number, userId: number, roles: readonly Role[]) {
  const owner = { tenant_id: tenantId, user_id: userId };
  await replaceUserRows(
    db,
    'role_grants',
    owner,
    roles.map((role) => ({ role })),
  );
}

/** Replaces a user's departments (ids already resolved within the tenant). */
export async function setDepartments(db: DB, tenantId: number, userId: number, departmentIds: number[]) {
  const owner = { tenant_id: tenantId, user_id: userId };
  await replaceUserRows(
    db,
    'user_departments',
    owner,
    departmentIds.map((id) => ({ department_id: id })),
  );
}

/** A new password from an administrator also lifts a lockout: the owner starts afresh. */
export async function resetPassword(db: DB, tenantId: number, userId: number, hash: string, now: string) {
  await db
    .updateTable('users')
    .set({
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

/** The tenant's departments: every department read starts here, so it names the tenant. */
const departmentsOf = (db: DB, tenantId: number) =>
  db.selectFrom('departments').selectAll().where('tenant_id', '=', tenantId);

export async function listDepartments(db: DB, tenantId: number) {
  return departmentsOf(db, tenantId).orderBy('code').execute();
}

export async function findDepartment(db: DB, tenantId: number, code: string) {
  return departmentsOf(db, tenantId).where('code', '=', code).executeTakeFirst();
}

export async function findDepartmentById(db: DB, tenantId: number, id: number) {
  return departmentsOf(db, tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findDepartmentsByCode(db: DB, tenantId: number, codes: string[]) {
  if (codes.length === 0) return [];
  return departmentsOf(db, tenantId).where('code', 'in', codes).execute();
}

export async function insertDepartment(
  db: DB,
  d: { tenantId: number; code: string; name: string; nameEn: string | null },
) {
  return db
    .insertInto('departments')
    .values({ tenant_id: d.tenantId, code: d.code, name: d.name, name_en: d.nameEn })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateDepartment(
  db: DB,
  tenantId: number,
  id: number,
  set: { name?: string; name_en?: string | null },
) {
  return db
    .updateTable('departments')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
