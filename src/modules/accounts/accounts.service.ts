/** Accounts: the first administrator of a tenant. Roles and sessions build on these rows. */
import type { Db } from '../../db';
import { nowIso } from '../../db';
import { generatePassword, hashPassword } from './passwords';

/**
 * Creates the tenant's `admin` user when it has none. Returns the password when one was generated
 * (to print once), null when the admin already existed or the password was given.
 */
export async function ensureAdmin(
  db: Db,
  tenantId: number,
  given: string | undefined,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  const existing = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', 'admin')
    .executeTakeFirst();
  if (existing) return { created: false, generatedPassword: null };
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        username: 'admin',
        display_name: '系统管理员',
        password_hash: passwordHash,
        oidc_subject: null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('role_grants')
      .values({ tenant_id: tenantId, user_id: user.id, role: 'admin' })
      .execute();
    await trx
      .insertInto('audit_log')
      .values({
        tenant_id: tenantId,
        at: now,
        actor_user_id: null,
        actor_label: 'system',
        action: 'user.create',
        object_type: 'user',
        object_id: String(user.id),
        before: null,
        after: JSON.stringify({ username: 'admin', roles: ['admin'] }),
        reason: 'first start',
        source_ip: null,
        outcome: 'success',
      })
      .execute();
  });
  return { created: true, generatedPassword: given ? null : password };
}
