/**
 * User administration: list, create, update (roles, departments, disabled) and password reset,
 * each write in one transaction with its audit row. Object checks live here: the target user is
 * looked up in the caller's tenant only, and nobody removes their own admin role or disables
 * themselves (which could leave a tenant without an administrator).
 */
import type { User, UserCreate, UserUpdate } from '../../contracts/accounts';
import type { Db } from '../../db';
import { checkPassword, type Role } from '../../domain/access';
import {
  commonPasswords,
  createUserRow,
  deleteUserSessions,
  findUser,
  grantsOf,
  hashPassword,
  writeAudit,
} from '../auth';
import { AppError, badInput, coded, notFound } from '../errors';
import * as repo from './accounts.repository';
import { presentUser } from './accounts.presenter';
import { auditOf, type Caller } from '../caller';

/** The audited view of a user: what an administrator changes, never a password or hash. */
interface Snapshot {
  display_name: string | null;
  roles: string[];
  departments: string[];
  disabled: boolean;
}

async function loadUser(db: Db, caller: Caller, username: string) {
  const row = await findUser(db.kysely, caller.actor.tenantId, username);
  if (!row) throw notFound(`user '${username}'`);
  const grants = await grantsOf(db.kysely, caller.actor.tenantId, [row.id]);
  return { row, roles: grants.roles.get(row.id) ?? [], departments: grants.departments.get(row.id) ?? [] };
}

/** One user as the API shows it. */
async function viewUser(db: Db, caller: Caller, username: string): Promise<User> {
  const { row, roles, departments } = await loadUser(db, caller, username);
  return presentUser(row, roles, departments, caller.now);
}

/** Department codes → ids of the caller's tenant; an unknown code is a 422 naming it. */
async function resolveDepartments(db: Db, caller: Caller, codes: string[]): Promise<number[]> {
  const unique = [...new Set(codes)];
  const found = await repo.findDepartmentsByCode(db.kysely, caller.actor.tenantId, unique);
  const missing = unique.filter((code) => !found.some((d) => d.code === code));
  if (missing.length) {
    const params = { department: missing.join(', ') };
    throw coded(
      badInput(`Unknown department: ${missing.join(', ')}.`, [
        {
          field: 'departments',
          message: `unknown: ${missing.join(', ')}`,
          code: 'unknown_department',
          params,
        },
      ]),
      'unknown_department',
      params,
    );
  }
  return found.map((d) => d.id);
}

/** Applies the password policy (length, common list, not the user name) with its reason. */
function requireGoodPassword(password: string, username: string): void {
  const check = checkPassword(password, commonPasswords(), username);
  if (!check.ok) {
    const field = { field: 'password', message: check.reason, code: check.code, params: check.params };
    throw coded(badInput(`Password: ${check.reason}.`, [field]), check.code, check.params);
  }
}

/** Refuses, audited, an action the caller may not take on their own account. */
async function refuseSelf(db: Db, caller: Caller, action: string, userId: number, reason: string) {
  await writeAudit(
    db.kysely,
    auditOf(caller, { action, objectType: 'user', objectId: userId, reason, outcome: 'denied' }),
  );
  throw new AppError(409, 'Conflict', reason);
}

/** The tenant's users with roles, departments, disabled and locked. */
export async function listUsers(db: Db, caller: Caller): Promise<User[]> {
  const rows = await repo.listUsers(db.kysely, caller.actor.tenantId);
  const ids = rows.map((r) => r.id);
  const { roles, departments } = await grantsOf(db.kysely, caller.actor.tenantId, ids);
  return rows.map((r) => presentUser(r, roles.get(r.id) ?? [], departments.get(r.id) ?? [], caller.now));
}

/** Creates a user in the caller's tenant (409 when the name is taken, 422 for a weak password). */
export async function createUser(db: Db, caller: Caller, input: UserCreate): Promise<User> {
  requireGoodPassword(input.password, input.username);
  if (await findUser(db.kysely, caller.actor.tenantId, input.username)) {
    throw coded(
      new AppError(409, 'Conflict', `The user name '${input.username}' is taken.`),
      'username_taken',
      {
        username: input.username,
      },
    );
  }
  const departmentIds = await resolveDepartments(db, caller, input.departments);
  const roles = [...new Set(input.roles)].sort();
  const departments = [...new Set(input.departments)].sort();
  const passwordHash = await hashPassword(input.password);
  const now = caller.now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const userId = await createUserRow(trx, {
      tenantId: caller.actor.tenantId,
      username: input.username,
      displayName: input.display_name ?? null,
      passwordHash,
      // The administrator knows this password: its owner replaces it at first login.
      mustChangePassword: true,
      now,
    });
    await repo.setRoles(trx, caller.actor.tenantId, userId, roles);
    await repo.setDepartments(trx, caller.actor.tenantId, userId, departmentIds);
    const after: Snapshot = {
      display_name: input.display_name ?? null,
      roles,
      departments,
      disabled: false,
    };
    await writeAudit(
      trx,
      auditOf(caller, {
        action: 'user.create',
        objectType: 'user',
        objectId: userId,
        after: { username: input.username, ...after },
      }),
    );
  });
  return viewUser(db, caller, input.username);
}

/** The audit action of an update: disabling and enabling are security events of their own. */
function updateAction(before: Snapshot, after: Snapshot): string {
  if (!before.disabled && after.disabled) return 'user.disable';
  if (before.disabled && !after.disabled) return 'user.enable';
  return 'user.update';
}

/**
 * Changes a user's display name, roles, departments or disabled flag. Disabling ends the user's
 * sessions in the same transaction, so the next request of that user is already anonymous.
 */
export async function updateUser(db: Db, caller: Caller, username: string, input: UserUpdate): Promise<User> {
  const { row, roles, departments } = await loadUser(db, caller, username);
  const self = caller.actor.kind === 'user' && caller.actor.userId === row.id;
  if (self && input.roles && roles.includes('admin') && !input.roles.includes('admin')) {
    await refuseSelf(db, caller, 'user.update', row.id, 'You cannot remove your own admin role.');
  }
  if (self && input.disabled === true) {
    await refuseSelf(db, caller, 'user.disable', row.id, 'You cannot disable your own account.');
  }
  const departmentIds = input.departments ? await resolveDepartments(db, caller, input.departments) : null;
  const before: Snapshot = {
    display_name: row.display_name,
    roles,
    departments,
    disabled: row.disabled !== 0,
  };
  const after: Snapshot = {
    display_name: input.display_name === undefined ? before.display_name : input.display_name,
    roles: input.roles ? [...new Set<Role>(input.roles)].sort() : before.roles,
    departments: input.departments ? [...new Set(input.departments)].sort() : before.departments,
    disabled: input.disabled ?? before.disabled,
  };
  // An update that changes nothing is not a change: no write, no audit row.
  if (JSON.stringify(before) === JSON.stringify(after)) return viewUser(db, caller, username);
  await db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, caller.actor.tenantId, row.id, {
      display_name: after.display_name,
      disabled: after.disabled ? 1 : 0,
      updated_at: caller.now.toISOString(),
    });
    if (input.roles) await repo.setRoles(trx, caller.actor.tenantId, row.id, after.roles as Role[]);
    if (departmentIds) await repo.setDepartments(trx, caller.actor.tenantId, row.id, departmentIds);
    if (after.disabled && !before.disabled) await deleteUserSessions(trx, row.id);
    await writeAudit(
      trx,
      auditOf(caller, {
        action: updateAction(before, after),
        objectType: 'user',
        objectId: row.id,
        before,
        after,
      }),
    );
  });
  return viewUser(db, caller, username);
}

/**
 * An administrator sets a new password for a user (who forgot theirs): the policy applies, a
 * lockout is lifted and every session of the user ends. One's own password is changed through
 * `POST /api/auth/password`, which asks for the current one (V6.2.3).
 */
export async function resetUserPassword(db: Db, caller: Caller, username: string, password: string) {
  const { row } = await loadUser(db, caller, username);
  if (caller.actor.kind === 'user' && caller.actor.userId === row.id) {
    await refuseSelf(
      db,
      caller,
      'user.password_reset',
      row.id,
      'Change your own password with POST /api/auth/password (it needs the current one).',
    );
  }
  requireGoodPassword(password, row.username);
  const hash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    await repo.resetPassword(trx, caller.actor.tenantId, row.id, hash, caller.now.toISOString());
    await deleteUserSessions(trx, row.id);
    await writeAudit(
      trx,
      auditOf(caller, {
        action: 'user.password_reset',
        objectType: 'user',
        objectId: row.id,
        reason: 'sessions ended',
      }),
    );
  });
}
