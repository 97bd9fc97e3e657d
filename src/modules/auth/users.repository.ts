/**
 * Queries of users, their roles and departments (the only SQL reading these tables); account
 * administration reaches them through users.service.ts (the module's index).
 */
import type { Updateable } from 'kysely';
import { rowsWhere, tableWhere, type Executor, type UserTable } from '../../db';
import { isRole, type Role } from '../../domain/access';

type DB = Executor;

export async function findUserByName(db: DB, tenantId: number, username: string) {
  return rowsWhere(db, 'users', { tenant_id: tenantId, username }).executeTakeFirst();
}

export async function findUserById(db: DB, userId: number) {
  return rowsWhere(db, 'users', { id: userId }).executeTakeFirst();
}

/** user id → values, in the order of the rows. */
function byUser<R extends { user_id: number }>(rows: readonly R[], value: (r: R) => string) {
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), value(r)]);
  return map;
}

export async function rolesOf(db: DB, tenantId: number, userId: number): Promise<Role[]> {
  return ((await rolesByUser(db, tenantId, [userId])).get(userId) ?? []).filter(isRole);
}

/** Role grants of the tenant's users, as user id → roles. */
export async function rolesByUser(db: DB, tenantId: number, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, string[]>();
  const rows = await tableWhere(db, 'role_grants', { tenant_id: tenantId, user_id: userIds })
    .select(['user_id', 'role'])
    .orderBy('role')
    .execute();
  return byUser(rows, (r) => r.role);
}

/** Department codes of the tenant's users, as user id → codes. */
export async function departmentsByUser(db: DB, tenantId: number, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, string[]>();
  const rows = await db
    .selectFrom('user_departments')
    .innerJoin('departments', 'departments.id', 'user_departments.department_id')
    .select(['user_departments.user_id', 'departments.code'])
    .where('user_departments.tenant_id', '=', tenantId)
    .where('user_departments.user_id', 'in', userIds)
    .orderBy('departments.code')
    .execute();
  return byUser(rows, (r) => r.code);
}

export async function departmentsOf(db: DB, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('user_departments')
    .select('department_id')
    .where('user_id', '=', userId)
    .orderBy('department_id')
    .execute();
  return rows.map((r) => r.department_id);
}

export interface NewUser {
  tenantId: number;
  username: string;
  displayName: string | null;
  /** Null for a single sign-on user, who has no password here. */
  passwordHash: string | null;
  oidcSubject?: string | null;
  /** Set by an administrator: to be changed at first login. */
  mustChangePassword?: boolean;
  now: string;
}

/** Inserts an enabled, unlocked user row (roles and departments are separate rows). */
export async function insertUser(db: DB, u: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      tenant_id: u.tenantId,
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      oidc_subject: u.oidcSubject ?? null,
      must_change_password: u.mustChangePassword ? 1 : 0,
      disabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: u.now,
      updated_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes some columns of one user row. */
async function updateUserRow(db: DB, userId: number, set: Updateable<UserTable>) {
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

export async function recordFailedLogin(
  db: DB,
  userId: number,
  failures: number,
  lockedUntil: string | null,
) {
  await updateUserRow(db, userId, { failed_logins: failures, locked_until: lockedUntil });
}

export async function clearFailedLogins(db: DB, userId: number) {
  await updateUserRow(db, userId, { failed_logins: 0, locked_until: null });
}

export async function setPasswordHash(db: DB, userId: number, hash: string, now: string) {
  await updateUserRow(db, userId, { password_hash: hash, must_change_password: 0, updated_at: now });
}
