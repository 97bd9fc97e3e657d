/**
 * Scheduled jobs and notifications (issue 11). `notice_keys` holds one row per notice ever sent
 * (job, object, step, due date): inserting it if absent in the same transaction that writes the
 * notice is what makes two racing runners send each notice once. `notification_deliveries` is the
 * outbox of e-mail and webhook sends, retried with backoff; `job_leases` stops two runners from
 * doing the same job's work at once. Per-user read state of in-app messages lives in
 * `notification_reads` (a department message read by one member stays unread for the others).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import {
  createIndex,
  createTable,
  createTenantTable,
  defaulted,
  optional,
  optionalRef,
  ref,
  required,
  tenantColumn,
  text,
  timestamps,
} from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const tenantTable = (name: string, withId = true) => createTenantTable(db, dialect, name, withId);

  await createTable(db, dialect, 'job_leases', false)
    .addColumn('job', text, (c) => c.primaryKey())
    .$call(required(text, 'holder', 'expires_at'))
    .execute();

  await tenantTable('notice_keys')
    .$call(required(text, 'job', 'object', 'step', 'due_date', 'kind', 'created_at'))
    .addUniqueConstraint('notice_keys_once', ['tenant_id', 'job', 'object', 'step', 'due_date'])
    .execute();

  await tenantTable('notification_reads', false)
    .addColumn('notification_id', 'integer', ref('notifications', 'cascade'))
    .addColumn('user_id', 'integer', ref('users', 'cascade'))
    .$call(required(text, 'read_at'))
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute();

  await createTable(db, dialect, 'notification_settings', false)
    .addColumn('user_id', 'integer', (c) => optionalRef('users', 'cascade')(c).primaryKey())
    .$call(tenantColumn)
    .$call(defaulted(1, 'inbox'))
    .$call(defaulted(0, 'email'))
    .$call(optional(text, 'email_address'))
    .$call(required(text, 'updated_at'))
    .execute();

  await tenantTable('webhook_endpoints')
    .addColumn('department_id', 'integer', optionalRef('departments', 'cascade'))
    .$call(required(text, 'name', 'format', 'url'))
    .$call(optional(text, 'secret'))
    .$call(defaulted(1, 'enabled'))
    .$call(timestamps)
    .addUniqueConstraint('webhook_endpoints_name', ['tenant_id', 'name'])
    .execute();

  await tenantTable('notification_deliveries')
    .addColumn('notice_id', 'integer', ref('notice_keys', 'cascade'))
    .$call(required(text, 'channel', 'target', 'recipient'))
    .addColumn('user_id', 'integer', optionalRef('users', 'set null'))
    .addColumn('endpoint_id', 'integer', optionalRef('webhook_endpoints', 'set null'))
    .$call(required(text, 'message', 'status'))
    .$call(defaulted(0, 'attempts'))
    .$call(required(text, 'next_attempt_at'))
    .$call(optional(text, 'claimed_until', 'last_error'))
    .$call(required(text, 'created_at'))
    .$call(optional(text, 'sent_at'))
    .addUniqueConstraint('notification_deliveries_once', ['notice_id', 'target'])
    .execute();
  await createIndex(db, 'notification_deliveries_due', 'notification_deliveries', [
    'status',
    'next_attempt_at',
  ]);
}
