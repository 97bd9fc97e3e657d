/**
 * Queries of users, their roles and departments (the only SQL reading these tables); account
 * administration reaches them through users.service.ts (the module's index).
 */
import type { Executor } from '../../db';
import { isRole, type Role } from '../../domain/access';

type DB = Executor;

export async function findUserByName(db: DB, tenantId: number, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findUserById(db: DB, userId: number) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export async function rolesOf(db: DB, tenantId: number, userId: number): Promise<Role[]> {
  return ((await rolesByUser(db, tenantId, [userId])).get(userId) ?? []).filter(isRole);
}

/** Role grants of the tenant's users, as user id → roles. */
export async function rolesByUser(db: DB, tenantId: number, userIds: number[]) {
  const map = new Map<number, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('role_grants')
    .select(['user_id', 'role'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role]);
  return map;
}

/** Department codes of the tenant's users, as user id → codes. */
export async function departmentsByUser(db: DB, tenantId: number, userIds: number[]) {
  const map = new Map<number, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_departments')
    .innerJoin('departments', 'departments.id', 'user_departments.department_id')
    .select(['user_departments.user_id', 'departments.code'])
    .where('user_departments.tenant_id', '=', tenantId)
    .where('user_departments.user_id', 'in', userIds)
    .orderBy('departments.code')
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.code]);
  return map;
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

export async function recordFailedLogin(
  db: DB,
  userId: number,
  failures: number,
  lockedUntil: string | null,
) {
  await db
    .updateTable('users')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function clearFailedLogins(db: DB, userId: number) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function setPasswordHash(db: DB, userId: number, hash: string, now: string) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: 0, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
