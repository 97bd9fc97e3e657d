/**
 * Task supervision (督查督办) beyond the tables of 0001: a task's description, priority and links
 * to targets and indicators; extension requests with their decision; co-operating departments'
 * parts of a report; evidence files of a report (kept in the database like data evidence); review
 * comments; a task's timeline; and the supervisor's assessments of qualitative and milestone
 * targets, versioned like data (a new assessment adds a version, nothing is overwritten).
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../connection';

type Table = CreateTableBuilder<string>;
type Ref = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

const text = 'text';
const tenantRef: Ref = (c) => c.notNull().references('tenants.id');
const taskRef: Ref = (c) => c.notNull().references('tasks.id').onDelete('cascade');
const reportRef: Ref = (c) => c.notNull().references('task_reports.id').onDelete('cascade');
const userRef: Ref = (c) => c.references('users.id');

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const create = (name: string): Table => {
    const table = db.schema.createTable(name);
    return (
      dialect === 'postgres'
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    ).addColumn('tenant_id', 'integer', tenantRef);
  };
  // SQLite adds one column per ALTER TABLE.
  const addColumns = async (table: string, columns: [string, string, Ref][]) => {
    for (const [name, type, ref] of columns) {
      await db.schema
        .alterTable(table)
        .addColumn(name, type as 'text', ref)
        .execute();
    }
  };
  const none: Ref = (c) => c;

  await addColumns('tasks', [
    ['title_en', text, none],
    ['description', text, none],
    ['priority', text, (c) => c.notNull().defaultTo('normal')],
    ['illustrative', 'integer', (c) => c.notNull().defaultTo(0)],
    ['position', 'integer', (c) => c.notNull().defaultTo(0)],
  ]);
  await db.schema.createIndex('tasks_by_plan').on('tasks').columns(['plan_id', 'position']).execute();
  await addColumns('task_milestones', [['position', 'integer', (c) => c.notNull().defaultTo(0)]]);
  await db.schema.createIndex('task_milestones_by_task').on('task_milestones').column('task_id').execute();
  await addColumns('task_reports', [
    ['version', 'integer', (c) => c.notNull().defaultTo(1)],
    ['illustrative', 'integer', (c) => c.notNull().defaultTo(0)],
    ['submitted_label', text, none],
    ['reviewed_label', text, none],
  ]);
  await db.schema
    .createIndex('task_reports_period')
    .on('task_reports')
    .columns(['task_id', 'period'])
    .unique()
    .execute();

  await db.schema
    .createTable('task_targets')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('task_id', 'integer', taskRef)
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('task_targets_pk', ['task_id', 'target_id'])
    .execute();
  await db.schema
    .createTable('task_indicators')
    .addColumn('tenant_id', 'integer', tenantRef)
    .addColumn('task_id', 'integer', taskRef)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('task_indicators_pk', ['task_id', 'indicator_id'])
    .execute();

  await create('task_extensions')
    .addColumn('task_id', 'integer', taskRef)
    .addColumn('previous_due', text, (c) => c.notNull())
    .addColumn('requested_due', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('requested_by', 'integer', userRef)
    .addColumn('requested_label', text, (c) => c.notNull())
    .addColumn('requested_at', text, (c) => c.notNull())
    .addColumn('decision', text, (c) => c.notNull())
    .addColumn('decided_by', 'integer', userRef)
    .addColumn('decided_label', text)
    .addColumn('decided_at', text)
    .addColumn('decision_note', text)
    .execute();
  await db.schema.createIndex('task_extensions_by_task').on('task_extensions').column('task_id').execute();

  await create('task_report_parts')
    .addColumn('report_id', 'integer', reportRef)
    .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('submitted_by', 'integer', userRef)
    .addColumn('submitted_label', text, (c) => c.notNull())
    .addColumn('submitted_at', text, (c) => c.notNull())
    .addUniqueConstraint('task_report_parts_department', ['report_id', 'department_id'])
    .execute();

  await create('task_report_evidence')
    .addColumn('report_id', 'integer', reportRef)
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('content_type', text, (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', text, (c) => c.notNull())
    .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', userRef)
    .addColumn('uploaded_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_report_evidence_by_report')
    .on('task_report_evidence')
    .column('report_id')
    .execute();

  await create('task_comments')
    .addColumn('task_id', 'integer', taskRef)
    .addColumn('report_id', 'integer', (c) => c.references('task_reports.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('author_id', 'integer', userRef)
    .addColumn('author_label', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_comments_by_task').on('task_comments').column('task_id').execute();

  await create('task_events')
    .addColumn('task_id', 'integer', taskRef)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', 'integer', userRef)
    .addColumn('actor_label', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('from_state', text)
    .addColumn('to_state', text)
    .addColumn('note', text)
    .addColumn('details', text)
    .execute();
  await db.schema.createIndex('task_events_by_task').on('task_events').columns(['task_id', 'id']).execute();

  await create('target_assessments')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('targets.id').onDelete('cascade'))
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('rating', text, (c) => c.notNull())
    .addColumn('reason', text, (c) => c.notNull())
    .addColumn('evidence', text)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('replaces_id', 'integer', (c) => c.references('target_assessments.id'))
    .addColumn('recorded_by', 'integer', userRef)
    .addColumn('recorded_label', text, (c) => c.notNull())
    .addColumn('recorded_at', text, (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('target_assessments_version', ['target_id', 'period', 'version'])
    .execute();
}
