/**
 * Scheduled jobs and notifications (issue 11). `notice_keys` holds one row per notice ever sent
 * (job, object, step, due date): inserting it if absent in the same transaction that writes the
 * notice is what makes two racing runners send each notice once. `notification_deliveries` is the
 * outbox of e-mail and webhook sends, retried with backoff; `job_leases` stops two runners from
 * doing the same job's work at once. Per-user read state of in-app messages lives in
 * `notification_reads` (a department message read by one member stays unread for the others).
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../connection';

type Table = CreateTableBuilder<string>;
const text = 'text';
const tenantRef = (c: ColumnDefinitionBuilder) => c.notNull().references('tenants.id');

function withId(table: Table, dialect: DialectName): Table {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const create = (name: string) => withId(db.schema.createTable(name), dialect);

  await db.schema
    .createTable('job_leases')
    .addColumn('job', text, (c) => c.primaryKey())
    .addColumn('holder', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();

  await create('notice_keys')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('job', text, (c) => c.notNull())
    .addColumn('object', text, (c) => c.notNull())
    .addColumn('step', text, (c) => c.notNull())
    .addColumn('due_date', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('notice_keys_once', ['tenant_id', 'job', 'object', 'step', 'due_date'])
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('notification_id', 'integer', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pk', ['notification_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('inbox', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_address', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await create('webhook_endpoints')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('department_id', 'integer', (c) => c.references('departments.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('format', text, (c) => c.notNull())
    .addColumn('url', text, (c) => c.notNull())
    .addColumn('secret', text)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('webhook_endpoints_name', ['tenant_id', 'name'])
    .execute();

  await create('notification_deliveries')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice_keys.id').onDelete('cascade'))
    .addColumn('channel', text, (c) => c.notNull())
    .addColumn('target', text, (c) => c.notNull())
    .addColumn('recipient', text, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('endpoint_id', 'integer', (c) => c.references('webhook_endpoints.id').onDelete('set null'))
    .addColumn('message', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('claimed_until', text)
    .addColumn('last_error', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('sent_at', text)
    .addUniqueConstraint('notification_deliveries_once', ['notice_id', 'target'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}
