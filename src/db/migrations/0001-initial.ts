/**
 * The whole data model of PRODUCT.md from day one: later work adds behaviour, not tables.
 * Every table holding a tenant's data carries tenant_id.
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../connection';

type Table = CreateTableBuilder<string>;
type Ref = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** An auto-numbered primary key: the one place the dialects differ. */
function withId(table: Table, dialect: DialectName): Table {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const tenantRef: Ref = (c) => c.notNull().references('tenants.id');
const text = 'text';
const real = 'double precision';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const create = (name: string) => withId(db.schema.createTable(name), dialect);

  await create('tenants')
    .addColumn('slug', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await create('departments')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('code', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addUniqueConstraint('departments_code', ['tenant_id', 'code'])
    .execute();

  await create('users')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('username', text, (c) => c.notNull())
    .addColumn('display_name', text)
    .addColumn('password_hash', text)
    .addColumn('oidc_subject', text)
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('users_username', ['tenant_id', 'username'])
    .execute();

  await db.schema
    .createTable('user_departments')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('user_departments_pk', ['user_id', 'department_id'])
    .execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('role_grants_pk', ['tenant_id', 'user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();

  await create('api_tokens')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('permissions', text, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text)
    .addColumn('revoked_at', text)
    .execute();

  await create('plans')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('code', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('title_en', text)
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source_title', text)
    .addColumn('source_url', text)
    .addColumn('settings', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('plans_code', ['tenant_id', 'code'])
    .execute();

  await create('plan_versions')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('content_hash', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('plan_versions_version', ['plan_id', 'version'])
    .execute();

  const planChild = (name: string) =>
    create(name)
      .addColumn('tenant_id', 'integer', tenantRef)
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('code', text, (c) => c.notNull());

  await planChild('goal_areas')
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('description', text)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('goal_areas_code', ['plan_id', 'code'])
    .execute();

  await planChild('programmes')
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programmes_code', ['plan_id', 'code'])
    .execute();

  await planChild('actions')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('lead_department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('co_department_ids', text, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('actions_code', ['plan_id', 'code'])
    .execute();

  await planChild('tasks')
    .addColumn('action_id', 'integer', (c) => c.references('actions.id').onDelete('set null'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('lead_department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('co_department_ids', text, (c) => c.notNull())
    .addColumn('responsible_leader', text)
    .addColumn('start_date', text)
    .addColumn('due_date', text)
    .addColumn('reporting_cycle', text, (c) => c.notNull())
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('percent', real, (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('tasks_code', ['plan_id', 'code'])
    .execute();

  await create('task_milestones')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('due_date', text, (c) => c.notNull())
    .addColumn('done_at', text)
    .execute();

  await create('task_reports')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('progress', text, (c) => c.notNull())
    .addColumn('problems', text)
    .addColumn('next_steps', text)
    .addColumn('percent', real, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', text)
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', text)
    .addColumn('review_note', text)
    .execute();

  await planChild('indicators')
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_en', text)
    .addColumn('unit', text, (c) => c.notNull())
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('frequency', text, (c) => c.notNull())
    .addColumn('measure', text, (c) => c.notNull())
    .addColumn('formula', text)
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('goal_area_id', 'integer', (c) => c.references('goal_areas.id'))
    .addColumn('source', text)
    .addColumn('note', text)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('indicators_code', ['plan_id', 'code'])
    .execute();

  await planChild('targets')
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id'))
    .addColumn('goal_area_id', 'integer', (c) => c.references('goal_areas.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('value', real)
    .addColumn('qualifier', text)
    .addColumn('year', 'integer')
    .addColumn('from_year', 'integer')
    .addColumn('to_year', 'integer')
    .addColumn('due_date', text)
    .addColumn('done_date', text)
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_value', real)
    .addColumn('text', text)
    .addColumn('text_en', text)
    .addColumn('rating', text)
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('targets_code', ['plan_id', 'code'])
    .execute();

  await create('observations')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('qualifier', text)
    .addColumn('source', text)
    .addColumn('source_url', text)
    .addColumn('note', text)
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alternate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('replaces_id', 'integer', (c) => c.references('observations.id'))
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('observations_by_indicator')
    .on('observations')
    .columns(['indicator_id', 'period', 'version'])
    .execute();

  await create('audit_log')
    .addColumn('tenant_id', 'integer', (c) => c.references('tenants.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', text, (c) => c.notNull())
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('object_type', text)
    .addColumn('object_id', text)
    .addColumn('before', text)
    .addColumn('after', text)
    .addColumn('reason', text)
    .addColumn('source_ip', text)
    .addColumn('outcome', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['tenant_id', 'at']).execute();

  await create('notifications')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('payload', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('read_at', text)
    .execute();

  await makeAuditAppendOnly(db, dialect);
}

/** The audit log is append-only: UPDATE and DELETE raise an error on both dialects. */
async function makeAuditAppendOnly(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}
