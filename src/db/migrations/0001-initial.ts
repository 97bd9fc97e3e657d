/**
 * The whole data model of PRODUCT.md from day one: later work adds behaviour, not tables.
 * Every table holding a tenant's data carries tenant_id.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection';
import {
  createIndex,
  createTable,
  createTenantTable,
  defaulted,
  names,
  optional,
  optionalRef,
  real,
  ref,
  required,
  tenantColumn,
  text,
  timestamps,
  type Step,
} from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const create = (name: string) => createTable(db, dialect, name);
  const tenantTable = (name: string, withId = true) => createTenantTable(db, dialect, name, withId);

  await create('tenants')
    .addColumn('slug', text, (c) => c.notNull().unique())
    .$call(names)
    .$call(required(text, 'created_at'))
    .execute();

  await tenantTable('departments')
    .$call(required(text, 'code'))
    .$call(names)
    .addUniqueConstraint('departments_code', ['tenant_id', 'code'])
    .execute();

  await tenantTable('users')
    .$call(required(text, 'username'))
    .$call(optional(text, 'display_name', 'password_hash', 'oidc_subject'))
    .$call(defaulted(0, 'disabled', 'failed_logins'))
    .$call(optional(text, 'locked_until'))
    .$call(timestamps)
    .addUniqueConstraint('users_username', ['tenant_id', 'username'])
    .execute();

  const userRef = optionalRef('users');
  const usersRow = ref('users', 'cascade');
  await tenantTable('user_departments', false)
    .addColumn('user_id', 'integer', usersRow)
    .addColumn('department_id', 'integer', ref('departments'))
    .addPrimaryKeyConstraint('user_departments_pk', ['user_id', 'department_id'])
    .execute();

  await tenantTable('role_grants', false)
    .addColumn('user_id', 'integer', usersRow)
    .$call(required(text, 'role'))
    .addPrimaryKeyConstraint('role_grants_pk', ['tenant_id', 'user_id', 'role'])
    .execute();

  await createTable(db, dialect, 'sessions', false)
    .addColumn('id', text, (c) => c.primaryKey())
    .$call(tenantColumn)
    .addColumn('user_id', 'integer', usersRow)
    .$call(required(text, 'csrf_token', 'created_at', 'last_seen_at', 'expires_at'))
    .execute();

  await tenantTable('api_tokens')
    .addColumn('department_id', 'integer', optionalRef('departments'))
    .$call(required(text, 'name'))
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .$call(required(text, 'permissions'))
    .addColumn('created_by', 'integer', userRef)
    .$call(required(text, 'created_at'))
    .$call(optional(text, 'expires_at', 'revoked_at'))
    .execute();

  await tenantTable('plans')
    .$call(required(text, 'code', 'title'))
    .$call(optional(text, 'title_en'))
    .$call(required('integer', 'start_year', 'end_year', 'baseline_year'))
    .$call(required(text, 'status'))
    .$call(required('integer', 'version'))
    .$call(optional(text, 'source_title', 'source_url'))
    .$call(required(text, 'settings'))
    .$call(timestamps)
    .addUniqueConstraint('plans_code', ['tenant_id', 'code'])
    .execute();

  await tenantTable('plan_versions')
    .addColumn('plan_id', 'integer', ref('plans'))
    .$call(required('integer', 'version'))
    .$call(required(text, 'content', 'content_hash', 'created_at'))
    .addColumn('created_by', 'integer', userRef)
    .addUniqueConstraint('plan_versions_version', ['plan_id', 'version'])
    .execute();

  /** A part of a plan: its code is unique in the plan. */
  const planChild = (name: string, columns: Step) =>
    tenantTable(name)
      .addColumn('plan_id', 'integer', ref('plans', 'cascade'))
      .$call(required(text, 'code'))
      .$call(columns)
      .addUniqueConstraint(`${name}_code`, ['plan_id', 'code'])
      .execute();
  const position = required('integer', 'position');

  await planChild('goal_areas', (t) => t.$call(names).$call(optional(text, 'description')).$call(position));

  await planChild('programmes', (t) => t.$call(required('integer', 'number')).$call(names).$call(position));

  await planChild('actions', (t) =>
    t
      .addColumn('programme_id', 'integer', ref('programmes', 'cascade'))
      .$call(names)
      .addColumn('lead_department_id', 'integer', optionalRef('departments'))
      .$call(required(text, 'co_department_ids'))
      .$call(position),
  );

  await planChild('tasks', (t) =>
    t
      .addColumn('action_id', 'integer', optionalRef('actions', 'set null'))
      .$call(required(text, 'title'))
      .addColumn('lead_department_id', 'integer', optionalRef('departments'))
      .$call(required(text, 'co_department_ids'))
      .$call(optional(text, 'responsible_leader', 'start_date', 'due_date'))
      .$call(required(text, 'reporting_cycle', 'state'))
      .addColumn('percent', real, (c) => c.notNull().defaultTo(0))
      .$call(defaulted(1, 'version'))
      .$call(timestamps),
  );

  const taskRow = ref('tasks', 'cascade');
  await tenantTable('task_milestones')
    .addColumn('task_id', 'integer', taskRow)
    .$call(required(text, 'name', 'due_date'))
    .$call(optional(text, 'done_at'))
    .execute();

  await tenantTable('task_reports')
    .addColumn('task_id', 'integer', taskRow)
    .$call(required(text, 'period', 'progress'))
    .$call(optional(text, 'problems', 'next_steps'))
    .$call(required(real, 'percent'))
    .$call(required(text, 'status'))
    .addColumn('submitted_by', 'integer', userRef)
    .$call(optional(text, 'submitted_at'))
    .addColumn('reviewed_by', 'integer', userRef)
    .$call(optional(text, 'reviewed_at', 'review_note'))
    .execute();

  await planChild('indicators', (t) =>
    t
      .$call(names)
      .$call(required(text, 'unit', 'direction', 'frequency', 'measure'))
      .$call(optional(text, 'formula'))
      .addColumn('department_id', 'integer', optionalRef('departments'))
      .addColumn('goal_area_id', 'integer', optionalRef('goal_areas'))
      .$call(optional(text, 'source', 'note'))
      .$call(position),
  );

  await planChild('targets', (t) =>
    t
      .addColumn('indicator_id', 'integer', optionalRef('indicators'))
      .addColumn('goal_area_id', 'integer', optionalRef('goal_areas'))
      .$call(required(text, 'kind'))
      .$call(optional(real, 'value'))
      .$call(optional(text, 'qualifier'))
      .$call(optional('integer', 'year', 'from_year', 'to_year'))
      .$call(optional(text, 'due_date', 'done_date'))
      .$call(optional('integer', 'baseline_year'))
      .$call(optional(real, 'baseline_value'))
      .$call(optional(text, 'text', 'text_en', 'rating'))
      .$call(position),
  );

  await tenantTable('observations')
    .addColumn('indicator_id', 'integer', ref('indicators', 'cascade'))
    .$call(required(text, 'period'))
    .$call(required(real, 'value'))
    .$call(optional(text, 'qualifier', 'source', 'source_url', 'note'))
    .$call(defaulted(0, 'illustrative', 'alternate'))
    .$call(optional(text, 'published_on'))
    .$call(required(text, 'status'))
    .$call(required('integer', 'version'))
    .addColumn('replaces_id', 'integer', optionalRef('observations'))
    .addColumn('recorded_by', 'integer', userRef)
    .$call(required(text, 'recorded_at'))
    .$call(optional(text, 'reason'))
    .$call(defaulted(0, 'position'))
    .execute();
  await createIndex(db, 'observations_by_indicator', 'observations', ['indicator_id', 'period', 'version']);

  await create('audit_log')
    .addColumn('tenant_id', 'integer', optionalRef('tenants'))
    .$call(required(text, 'at'))
    .$call(optional('integer', 'actor_user_id'))
    .$call(required(text, 'actor_label', 'action'))
    .$call(optional(text, 'object_type', 'object_id', 'before', 'after', 'reason', 'source_ip'))
    .$call(required(text, 'outcome'))
    .execute();
  await createIndex(db, 'audit_log_by_time', 'audit_log', ['tenant_id', 'at']);

  await tenantTable('notifications')
    .addColumn('user_id', 'integer', optionalRef('users', 'cascade'))
    .addColumn('department_id', 'integer', optionalRef('departments'))
    .$call(required(text, 'kind', 'payload', 'created_at'))
    .$call(optional(text, 'read_at'))
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
