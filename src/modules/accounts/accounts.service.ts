/** Accounts: the first administrator of a tenant. Roles and sessions build on these rows. */
import type { Db } from '../../db';
import { createUserRow, findUser, generatePassword, hashPassword, writeAudit } from '../auth';

/**
 * Creates the tenant's `admin` user when it has none. Returns the password when one was generated
 * (to print once), null when the admin already existed or the password was given.
 */
export async function ensureAdmin(
  db: Db,
  tenantId: number,
  given: string | undefined,
  /** The clock of the caller (start-up). */
  at: Date,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  if (await findUser(db.kysely, tenantId, 'admin')) return { created: false, generatedPassword: null };
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    const userId = await createUserRow(trx, {
      tenantId,
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      now: at.toISOString(),
    });
    await trx
      .insertInto('role_grants')
      .values({ tenant_id: tenantId, user_id: userId, role: 'admin' })
      .execute();
    await writeAudit(trx, {
      tenantId,
      actor: { kind: 'system' },
      action: 'user.create',
      objectType: 'user',
      objectId: userId,
      after: { username: 'admin', roles: ['admin'] },
      reason: 'first start',
      outcome: 'success',
      at,
    });
  });
  return { created: true, generatedPassword: given ? null : password };
}
