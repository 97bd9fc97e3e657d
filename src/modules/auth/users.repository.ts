/** Queries of users, their roles and departments (the only SQL on these tables). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db';
import { isRole, type Role } from '../../domain/access';

type DB = Kysely<Database> | Transaction<Database>;

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
  const rows = await db
    .selectFrom('role_grants')
    .select('role')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role).filter(isRole);
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
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
