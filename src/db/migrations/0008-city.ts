/**
 * A city above its districts: tenants form a tree (`parent_id`), and the city publishes indicator
 * definitions (统一指标口径) that district plans adopt by id. A changed definition is a new
 * version row, never an update, so a district can see what changed and when.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('tenants')
    .addColumn('parent_id', 'integer', (c) => c.references('tenants.id'))
    .execute();
  await db.schema.createIndex('tenants_by_parent').on('tenants').column('parent_id').execute();

  await db.schema
    .createTable('city_definitions')
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('formula', 'text')
    .addColumn('method', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('city_definitions_version', ['tenant_id', 'code', 'version'])
    .execute();
}
