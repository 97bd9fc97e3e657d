/**
 * A city above its districts: tenants form a tree (`parent_id`), and the city publishes indicator
 * definitions (统一指标口径) that district plans adopt by id. A changed definition is a new
 * version row, never an update, so a district can see what changed and when.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import {
  createIndex,
  createTable,
  names,
  optional,
  optionalRef,
  required,
  tenantColumn,
  text,
} from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('tenants').addColumn('parent_id', 'integer', optionalRef('tenants')).execute();
  await createIndex(db, 'tenants_by_parent', 'tenants', ['parent_id']);

  await createTable(db, dialect, 'city_definitions')
    .$call(tenantColumn)
    .$call(required(text, 'code'))
    .$call(required('integer', 'version'))
    .$call(names)
    .$call(required(text, 'unit', 'measure', 'direction', 'frequency'))
    .$call(optional(text, 'formula', 'method'))
    .$call(required(text, 'created_at'))
    .addColumn('created_by', 'integer', optionalRef('users'))
    .addUniqueConstraint('city_definitions_version', ['tenant_id', 'code', 'version'])
    .execute();
}
