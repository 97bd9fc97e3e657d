/**
 * The only SQL on tasks, task_milestones, task_reports and the task tables of migration 0005
 * (links, extensions, report parts, report evidence, comments, events, target assessments).
 * Plan structure (departments, actions, targets) comes from the plans module, not from here.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import {
  aliased,
  rowsWhere,
  storedFileListed,
  updatedAny,
  type TaskCommentTable,
  type TaskEventTable,
  type TaskExtensionTable,
  type TaskReportEvidenceTable,
  type TaskReportPartTable,
  type TaskReportTable,
  type TaskTable,
  type TargetAssessmentTable,
  type Database,
  type Executor,
} from '../../db';

export type Q = Executor;
export type TaskRow = Selectable<TaskTable>;
export type ReportRow = Selectable<TaskReportTable>;
export type ExtensionRow = Selectable<TaskExtensionTable>;
export type AssessmentRow = Selectable<TargetAssessmentTable>;

/** The ids of a plan's tasks: rows of the task tables belong to a plan through their task. */
const tasksOfPlan = (db: Q, planId: number) =>
  db.selectFrom('tasks').select('id').where('plan_id', '=', planId);
type TaskIds = number[] | ReturnType<typeof tasksOfPlan>;

/**
 * Writes `set` and bumps the version when the row is still at `version`: false when someone else
 * changed it first (the caller answers 409).
 */
async function updateAtVersion<T extends 'tasks' | 'task_reports'>(
  db: Q,
  table: T,
  id: number,
  version: number,
  set: Updateable<Database[T]>,
): Promise<boolean> {
  // Both tables have the same id and version columns; kysely cannot follow a table type parameter.
  const versioned = db as unknown as Kysely<{ row: { id: number; version: number } }>;
  const result = await versioned
    .updateTable(table as unknown as 'row')
    .set({ ...(set as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return updatedAny(result);
}

// ── tasks ────────────────────────────────────────────────────────────────────────────────────

export async function listTasks(db: Q, planId: number) {
  return rowsWhere(db, 'tasks', { plan_id: planId }).orderBy('position').orderBy('id').execute();
}

export async function findTask(db: Q, planId: number, code: string) {
  return rowsWhere(db, 'tasks', { plan_id: planId, code }).executeTakeFirst();
}

export async function findTaskById(db: Q, id: number) {
  return rowsWhere(db, 'tasks', { id }).executeTakeFirstOrThrow();
}

export async function taskCodes(db: Q, planId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('tasks').select('code').where('plan_id', '=', planId).execute();
  return new Set(rows.map((r) => r.code));
}

export async function nextPosition(db: Q, planId: number): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('position').as('top'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (row?.top ?? -1) + 1;
}

export async function insertTask(db: Q, row: Insertable<TaskTable>): Promise<number> {
  return (await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Writes `set` when the task is still at `version` (see updateAtVersion). */
export async function updateTaskAtVersion(db: Q, id: number, version: number, set: Updateable<TaskTable>) {
  return updateAtVersion(db, 'tasks', id, version, set);
}

/** Takes the task's row lock for the rest of the transaction (PostgreSQL; SQLite writes serially). */
export async function lockTask(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('tasks').set({ updated_at: at }).where('id', '=', id).execute();
}

// ── milestones and links ─────────────────────────────────────────────────────────────────────

/** The milestones of some tasks, in each task's order. */
function milestonesOfTasks(db: Q, taskIds: TaskIds) {
  return db
    .selectFrom('task_milestones')
    .select(['task_id', 'name', 'due_date', 'done_at'])
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function milestonesOfPlan(db: Q, planId: number) {
  return milestonesOfTasks(db, tasksOfPlan(db, planId));
}

export async function milestonesOf(db: Q, taskId: number) {
  return milestonesOfTasks(db, [taskId]);
}

export async function replaceMilestones(
  db: Q,
  tenantId: number,
  taskId: number,
  milestones: readonly { title: string; due: string; done?: string | null }[],
): Promise<void> {
  await db.deleteFrom('task_milestones').where('task_id', '=', taskId).execute();
  if (milestones.length === 0) return;
  await db
    .insertInto('task_milestones')
    .values(
      milestones.map((m, position) => ({
        tenant_id: tenantId,
        task_id: taskId,
        name: m.title,
        due_date: m.due,
        done_at: m.done ?? null,
        position,
      })),
    )
    .execute();
}

/** The links of some tasks to targets or to indicators (a table keyed by task and linked id). */
async function linksTo<C extends 'target_id' | 'indicator_id'>(
  db: Q,
  table: 'task_targets' | 'task_indicators',
  column: C,
  taskIds: TaskIds,
) {
  // Both link tables have the same shape; kysely cannot follow a column type parameter.
  const links = db as unknown as Kysely<{ link: { task_id: number; linked: number } }>;
  const rows = await links
    .selectFrom(table as unknown as 'link')
    .select(['task_id', `${column} as linked` as 'linked'])
    .where('task_id', 'in', taskIds as number[])
    .orderBy('task_id')
    .orderBy('linked')
    .execute();
  return rows.map(
    (r) => ({ task_id: r.task_id, [column]: r.linked }) as { task_id: number } & Record<C, number>,
  );
}

/** Target and indicator links of some tasks, by task and linked id. */
async function linksOfTasks(db: Q, taskIds: TaskIds) {
  const [targets, indicators] = await Promise.all([
    linksTo(db, 'task_targets', 'target_id', taskIds),
    linksTo(db, 'task_indicators', 'indicator_id', taskIds),
  ]);
  return { targets, indicators };
}

export async function linksOf(db: Q, taskId: number) {
  const { targets, indicators } = await linksOfTasks(db, [taskId]);
  return { targetIds: targets.map((t) => t.target_id), indicatorIds: indicators.map((i) => i.indicator_id) };
}

/** Target and indicator links of every task of a plan. */
export async function linksOfPlan(db: Q, planId: number) {
  return linksOfTasks(db, tasksOfPlan(db, planId));
}

export async function replaceLinks(
  db: Q,
  tenantId: number,
  taskId: number,
  links: { targetIds?: readonly number[]; indicatorIds?: readonly number[] },
): Promise<void> {
  if (links.targetIds) {
    await db.deleteFrom('task_targets').where('task_id', '=', taskId).execute();
    if (links.targetIds.length) {
      await db
        .insertInto('task_targets')
        .values(links.targetIds.map((target_id) => ({ tenant_id: tenantId, task_id: taskId, target_id })))
        .execute();
    }
  }
  if (links.indicatorIds) {
    await db.deleteFrom('task_indicators').where('task_id', '=', taskId).execute();
    if (links.indicatorIds.length) {
      await db
        .insertInto('task_indicators')
        .values(
          links.indicatorIds.map((indicator_id) => ({ tenant_id: tenantId, task_id: taskId, indicator_id })),
        )
        .execute();
    }
  }
}

/** What the department check reads of a task (as `t`): its lead and co-operating departments. */
const taskDepartments = ['t.lead_department_id', 't.co_department_ids'] as const;

/** Tasks linked to a target, with their state and percent. */
export async function tasksOfTarget(db: Q, targetId: number) {
  return db
    .selectFrom('task_targets as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .select(['t.id', 't.code', 't.title', 't.state', 't.percent', ...taskDepartments])
    .where('l.target_id', '=', targetId)
    .orderBy('t.position')
    .execute();
}

// ── reports ──────────────────────────────────────────────────────────────────────────────────

/** The reports of a plan's tasks, by task and period. */
const reportsOfPlanQuery = (db: Q, planId: number) =>
  db
    .selectFrom('task_reports')
    .where('task_id', 'in', tasksOfPlan(db, planId))
    .orderBy('task_id')
    .orderBy('period');

/** What the rules need of every report of a plan's tasks. */
export async function reportFactsOfPlan(db: Q, planId: number) {
  return reportsOfPlanQuery(db, planId)
    .select(['task_id', 'period', 'submitted_at', 'percent', 'status'])
    .execute();
}

/** Every report of a plan's tasks (for the plan file export). */
export async function reportsOfPlan(db: Q, planId: number) {
  return reportsOfPlanQuery(db, planId).selectAll().execute();
}

export async function reportsOf(db: Q, taskId: number) {
  return rowsWhere(db, 'task_reports', { task_id: taskId }).orderBy('period').execute();
}

export async function findReport(db: Q, taskId: number, period: string) {
  return rowsWhere(db, 'task_reports', { task_id: taskId, period }).executeTakeFirst();
}

export async function insertReport(db: Q, row: Insertable<TaskReportTable>): Promise<number> {
  return (await db.insertInto('task_reports').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Writes `set` when the report is still at `version` (see updateAtVersion). */
export async function updateReportAtVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<TaskReportTable>,
) {
  return updateAtVersion(db, 'task_reports', id, version, set);
}

export async function partsOf(db: Q, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('task_report_parts')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('id')
    .execute();
}

/** A co-operating department's part: one per department and report, replaced when sent again. */
export async function upsertPart(
  db: Q,
  part: Omit<Selectable<TaskReportPartTable>, 'id'>,
): Promise<'added' | 'replaced'> {
  const updated = await db
    .updateTable('task_report_parts')
    .set({
      content: part.content,
      submitted_by: part.submitted_by,
      submitted_label: part.submitted_label,
      submitted_at: part.submitted_at,
    })
    .where('report_id', '=', part.report_id)
    .where('department_id', '=', part.department_id)
    .executeTakeFirst();
  if (updatedAny(updated)) return 'replaced';
  await db.insertInto('task_report_parts').values(part).execute();
  return 'added';
}

// ── evidence ─────────────────────────────────────────────────────────────────────────────────

const evidenceListed = ['id', 'report_id', ...storedFileListed] as const;

export async function evidenceOf(db: Q, reportIds: readonly number[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('task_report_evidence')
    .select([...evidenceListed])
    .where('report_id', 'in', [...reportIds])
    .orderBy('id')
    .execute();
}

export async function insertEvidence(db: Q, row: Insertable<TaskReportEvidenceTable>): Promise<number> {
  return (await db.insertInto('task_report_evidence').values(row).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** One evidence file with its task (for the department check). */
export async function findEvidence(db: Q, tenantId: number, id: number) {
  return db
    .selectFrom('task_report_evidence as e')
    .innerJoin('task_reports as r', 'r.id', 'e.report_id')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select(['e.id', 'e.file_name', 'e.content_type', 'e.content', ...taskDepartments])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

// ── comments, events, extensions ─────────────────────────────────────────────────────────────

export async function insertComment(db: Q, row: Insertable<TaskCommentTable>): Promise<void> {
  await db.insertInto('task_comments').values(row).execute();
}

export async function commentsOf(db: Q, taskId: number) {
  return rowsWhere(db, 'task_comments', { task_id: taskId }).orderBy('id').execute();
}

export async function insertEvent(db: Q, row: Insertable<TaskEventTable>): Promise<void> {
  await db.insertInto('task_events').values(row).execute();
}

export async function eventsOf(db: Q, taskId: number) {
  return rowsWhere(db, 'task_events', { task_id: taskId }).orderBy('id').execute();
}

export async function insertExtension(db: Q, row: Insertable<TaskExtensionTable>): Promise<void> {
  await db.insertInto('task_extensions').values(row).execute();
}

export async function pendingExtension(db: Q, taskId: number) {
  return rowsWhere(db, 'task_extensions', { task_id: taskId, decision: 'pending' })
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function decideExtension(
  db: Q,
  id: number,
  set: Pick<
    Updateable<TaskExtensionTable>,
    'decision' | 'decided_by' | 'decided_label' | 'decided_at' | 'decision_note'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('task_extensions')
    .set(set)
    .where('id', '=', id)
    .where('decision', '=', 'pending')
    .executeTakeFirst();
  return updatedAny(result);
}

export async function extensionsOf(db: Q, taskId: number) {
  return rowsWhere(db, 'task_extensions', { task_id: taskId }).orderBy('id').execute();
}

// ── target assessments ───────────────────────────────────────────────────────────────────────

export async function assessmentsOf(db: Q, targetId: number) {
  return rowsWhere(db, 'target_assessments', { target_id: targetId })
    .orderBy('period')
    .orderBy('version')
    .execute();
}

export async function insertAssessment(db: Q, row: Insertable<TargetAssessmentTable>): Promise<number> {
  return (await db.insertInto('target_assessments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// ── board revision ───────────────────────────────────────────────────────────────────────────

/**
 * A cheap fingerprint of everything the board's evaluation reads: the tenant's newest audit row
 * (every task, report and review write adds one), and the plan's tasks, reports and milestones
 * (so a write that skipped the audit — a plan-file import — still changes it). Index lookups and
 * one aggregate over the plan's tasks: milliseconds, against reading 60,000 reports.
 */
export async function boardRevision(db: Q, tenantId: number, planId: number): Promise<string> {
  const row = await db
    .selectFrom('tasks')
    .where('plan_id', '=', planId)
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.max('updated_at').as('updated'),
      eb.fn.sum('version').as('versions'),
      eb.fn.max('id').as('top'),
      eb
        .selectFrom('audit_log')
        .select((a) => a.fn.max('id').as('id'))
        .where('tenant_id', '=', tenantId)
        .as('audit'),
      eb
        .selectFrom('task_reports')
        .select((a) => a.fn.max('id').as('id'))
        .as('reports'),
      eb
        .selectFrom('task_milestones')
        .select((a) => a.fn.max('id').as('id'))
        .as('milestones'),
    ])
    .executeTakeFirstOrThrow();
  return [row.n, row.updated, row.versions, row.top, row.audit, row.reports, row.milestones]
    .map((v) => String(v ?? 0))
    .join(':');
}

// ── the supervisor's review queue ────────────────────────────────────────────────────────────

/** Submitted (not yet reviewed) reports of a plan's tasks, with the submitter's display name. */
export async function pendingReportsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_reports as r')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    .select(aliased('r', ['task_id', 'period', 'percent', 'progress', 'version', 'illustrative']))
    .select(aliased('r', ['submitted_by', 'submitted_label', 'submitted_at']))
    .select('u.display_name as submitted_display')
    .where('r.task_id', 'in', tasksOfPlan(db, planId))
    .where('r.status', '=', 'submitted')
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .execute();
}

/** Pending extension requests of a plan's tasks, with the requester's display name. */
export async function pendingExtensionsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_extensions as e')
    .leftJoin('users as u', 'u.id', 'e.requested_by')
    .select(
      aliased('e', ['task_id', 'previous_due', 'requested_due', 'reason', 'requested_label', 'requested_at']),
    )
    .select('u.display_name as requested_display')
    .where('e.task_id', 'in', tasksOfPlan(db, planId))
    .where('e.decision', '=', 'pending')
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
}
