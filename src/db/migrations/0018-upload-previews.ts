/**
 * Upload previews (issue 15): the checked rows of an upload wait for their commit here, not in
 * one server's memory, so the commit may reach any app server. Keyed by the SHA-256 of the token
 * (the token itself is a bearer secret), bound to tenant, plan, actor and kind, and swept by
 * `expires_at`.
 */
import type { Kysely } from 'kysely';
import { createIndex, required, tenantColumn, text } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_previews')
    .addColumn('token_hash', text, (c) => c.primaryKey())
    .$call(tenantColumn)
    .$call(required(text, 'plan', 'actor', 'kind', 'rows', 'created_at', 'expires_at'))
    .execute();
  await createIndex(db, 'upload_previews_by_expiry', 'upload_previews', ['expires_at']);
  await createIndex(db, 'upload_previews_by_actor', 'upload_previews', ['tenant_id', 'actor', 'created_at']);
}
