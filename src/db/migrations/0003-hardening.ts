/**
 * Issue 9: the single sign-on flows already finished, so a replayed callback (same flow cookie
 * and state) is refused by any app server before a second token request is made. Rows older than
 * a flow's lifetime are useless and are deleted as new flows finish. And a password set by an
 * administrator (a new user, a reset) must be changed by its owner at the next login (ASVS V6).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_flows_used')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
