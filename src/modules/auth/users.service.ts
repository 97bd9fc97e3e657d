/**
 * The users other modules may read and create (account administration, the first administrator):
 * the identity rows are this module's, so its repository stays behind these functions.
 */
import type { Executor } from '../../db';
import * as repo from './users.repository';

type DB = Executor;
export type { NewUser } from './users.repository';

/** The tenant's user of that name, if any. */
export const findUser = (db: DB, tenantId: number, username: string) =>
  repo.findUserByName(db, tenantId, username);

/** Role names and department codes of some of the tenant's users, by user id. */
export async function grantsOf(db: DB, tenantId: number, userIds: number[]) {
  const roles = await repo.rolesByUser(db, tenantId, userIds);
  const departments = await repo.departmentsByUser(db, tenantId, userIds);
  return { roles, departments };
}

/** Inserts an enabled, unlocked user (roles and departments are the caller's to add). */
export const createUserRow = (trx: DB, user: repo.NewUser) => repo.insertUser(trx, user);
