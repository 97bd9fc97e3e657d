/**
 * Upload previews (issue 15): the checked rows of an upload wait for their commit here, not in
 * one server's memory, so the commit may reach any app server. Keyed by the SHA-256 of the token
 * (the token itself is a bearer secret), bound to tenant, plan, actor and kind, and swept by
 * `expires_at`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_previews')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('upload_previews_by_expiry')
    .on('upload_previews')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('upload_previews_by_actor')
    .on('upload_previews')
    .columns(['tenant_id', 'actor', 'created_at'])
    .execute();
}
