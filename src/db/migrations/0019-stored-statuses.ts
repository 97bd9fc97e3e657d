/**
 * Stored statuses (issue 16, docs/adr/0007-stored-statuses.md): a plan's evaluated statuses as
 * of a date, kept with the revision they were computed under, so a cold server reads a city's
 * 38 districts with one query instead of evaluating 11,400 targets. A row whose revision is no
 * longer the plan's is never served; it is computed again and replaced.
 * The audit index serves the revision's "newest audit row of a tenant" as one index probe.
 */
import type { Kysely } from 'kysely';
import { createIndex, optional, ref, required, tenantColumn, text } from './columns';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_statuses')
    .addColumn('plan_id', 'integer', ref('plans'))
    .$call(required(text, 'as_of'))
    .$call(tenantColumn)
    .$call(required(text, 'revision'))
    .$call(optional('integer', 'neighbours'))
    .$call(required(text, 'body', 'summary'))
    .addPrimaryKeyConstraint('plan_statuses_pk', ['plan_id', 'as_of'])
    .execute();
  await createIndex(db, 'audit_log_by_tenant_id', 'audit_log', ['tenant_id', 'id']);
}
