/**
 * Task supervision (督查督办) beyond the tables of 0001: a task's description, priority and links
 * to targets and indicators; extension requests with their decision; co-operating departments'
 * parts of a report; evidence files of a report (kept in the database like data evidence); review
 * comments; a task's timeline; and the supervisor's assessments of qualitative and milestone
 * targets, versioned like data (a new assessment adds a version, nothing is overwritten).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import {
  bytes,
  createIndex,
  createTenantTable,
  optional,
  optionalRef,
  ref,
  required,
  text,
  type Modifier,
} from './columns';

const taskRow = ref('tasks', 'cascade');
const reportRow = ref('task_reports', 'cascade');
const userRef = optionalRef('users');

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const tenantTable = (name: string, withId = true) => createTenantTable(db, dialect, name, withId);
  // SQLite adds one column per ALTER TABLE.
  const addColumns = async (table: string, columns: [string, string, Modifier?][]) => {
    for (const [name, type, modifier] of columns) {
      await db.schema
        .alterTable(table)
        .addColumn(name, type as 'text', modifier ?? ((c) => c))
        .execute();
    }
  };
  const zero: Modifier = (c) => c.notNull().defaultTo(0);

  await addColumns('tasks', [
    ['title_en', text],
    ['description', text],
    ['priority', text, (c) => c.notNull().defaultTo('normal')],
    ['illustrative', 'integer', zero],
    ['position', 'integer', zero],
  ]);
  await createIndex(db, 'tasks_by_plan', 'tasks', ['plan_id', 'position']);
  await addColumns('task_milestones', [['position', 'integer', zero]]);
  await createIndex(db, 'task_milestones_by_task', 'task_milestones', ['task_id']);
  await addColumns('task_reports', [
    ['version', 'integer', (c) => c.notNull().defaultTo(1)],
    ['illustrative', 'integer', zero],
    ['submitted_label', text],
    ['reviewed_label', text],
  ]);
  await db.schema
    .createIndex('task_reports_period')
    .on('task_reports')
    .columns(['task_id', 'period'])
    .unique()
    .execute();

  /** A link of a task to a row of another table: one row per pair. */
  const taskLink = (name: string, column: string, table: string) =>
    tenantTable(name, false)
      .addColumn('task_id', 'integer', taskRow)
      .addColumn(column, 'integer', ref(table, 'cascade'))
      .addPrimaryKeyConstraint(`${name}_pk`, ['task_id', column])
      .execute();
  await taskLink('task_targets', 'target_id', 'targets');
  await taskLink('task_indicators', 'indicator_id', 'indicators');

  await tenantTable('task_extensions')
    .addColumn('task_id', 'integer', taskRow)
    .$call(required(text, 'previous_due', 'requested_due', 'reason'))
    .addColumn('requested_by', 'integer', userRef)
    .$call(required(text, 'requested_label', 'requested_at', 'decision'))
    .addColumn('decided_by', 'integer', userRef)
    .$call(optional(text, 'decided_label', 'decided_at', 'decision_note'))
    .execute();
  await createIndex(db, 'task_extensions_by_task', 'task_extensions', ['task_id']);

  await tenantTable('task_report_parts')
    .addColumn('report_id', 'integer', reportRow)
    .addColumn('department_id', 'integer', ref('departments'))
    .$call(required(text, 'content'))
    .addColumn('submitted_by', 'integer', userRef)
    .$call(required(text, 'submitted_label', 'submitted_at'))
    .addUniqueConstraint('task_report_parts_department', ['report_id', 'department_id'])
    .execute();

  await tenantTable('task_report_evidence')
    .addColumn('report_id', 'integer', reportRow)
    .$call(required(text, 'file_name', 'content_type'))
    .$call(required('integer', 'size_bytes'))
    .$call(required(text, 'sha256'))
    .addColumn('content', bytes(dialect), (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', userRef)
    .$call(required(text, 'uploaded_at'))
    .execute();
  await createIndex(db, 'task_report_evidence_by_report', 'task_report_evidence', ['report_id']);

  await tenantTable('task_comments')
    .addColumn('task_id', 'integer', taskRow)
    .addColumn('report_id', 'integer', optionalRef('task_reports', 'cascade'))
    .$call(required(text, 'kind', 'body'))
    .addColumn('author_id', 'integer', userRef)
    .$call(required(text, 'author_label', 'created_at'))
    .execute();
  await createIndex(db, 'task_comments_by_task', 'task_comments', ['task_id']);

  await tenantTable('task_events')
    .addColumn('task_id', 'integer', taskRow)
    .$call(required(text, 'at'))
    .addColumn('actor_id', 'integer', userRef)
    .$call(required(text, 'actor_label', 'kind'))
    .$call(optional(text, 'from_state', 'to_state', 'note', 'details'))
    .execute();
  await createIndex(db, 'task_events_by_task', 'task_events', ['task_id', 'id']);

  await tenantTable('target_assessments')
    .addColumn('target_id', 'integer', ref('targets', 'cascade'))
    .$call(required(text, 'period', 'rating', 'reason'))
    .$call(optional(text, 'evidence'))
    .$call(required('integer', 'version'))
    .addColumn('replaces_id', 'integer', optionalRef('target_assessments'))
    .addColumn('recorded_by', 'integer', userRef)
    .$call(required(text, 'recorded_label', 'recorded_at'))
    .addColumn('illustrative', 'integer', zero)
    .addUniqueConstraint('target_assessments_version', ['target_id', 'period', 'version'])
    .execute();
}
