/**
 * Publishing (issue 13): what of a published plan the public portal shows, and when it changed.
 * Keyed by the plan-file ids (codes), not row ids, so a state survives a new version of the plan.
 * `publication_events` is the portal's public change log: no actor is stored here (the audit log
 * has who did it; the public never sees people's names).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const id = (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    dialect === 'postgres'
      ? t.addColumn('id', 'serial', (c) => c.primaryKey())
      : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('publications'))
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_code', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publications_object', ['plan_id', 'object_type', 'object_code'])
    .execute();

  await id(db.schema.createTable('publication_events'))
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_code', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('publication_events_by_plan')
    .on('publication_events')
    .columns(['plan_id', 'at'])
    .execute();
}
