/**
 * The only SQL on tasks, task_milestones, task_reports and the task tables of migration 0005
 * (links, extensions, report parts, report evidence, comments, events, target assessments).
 * Plan structure (departments, actions, targets) comes from the plans module, not from here.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  storedFileListed,
  type TaskCommentTable,
  type TaskEventTable,
  type TaskExtensionTable,
  type TaskReportEvidenceTable,
  type TaskReportPartTable,
  type TaskReportTable,
  type TaskTable,
  type TargetAssessmentTable,
  type Executor,
} from '../../db';

export type Q = Executor;
export type TaskRow = Selectable<TaskTable>;
export type ReportRow = Selectable<TaskReportTable>;
export type ExtensionRow = Selectable<TaskExtensionTable>;
export type AssessmentRow = Selectable<TargetAssessmentTable>;

const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

// ── tasks ────────────────────────────────────────────────────────────────────────────────────

export async function listTasks(db: Q, planId: number) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findTask(db: Q, planId: number, code: string) {
  return db
    .selectFrom('tasks')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findTaskById(db: Q, id: number) {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
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

/**
 * Writes `set` and bumps the version when the task is still at `version`: false when someone
 * else changed it first (the caller answers 409).
 */
export async function updateTaskAtVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<TaskTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable('tasks')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  );
}

/** Takes the task's row lock for the rest of the transaction (PostgreSQL; SQLite writes serially). */
export async function lockTask(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('tasks').set({ updated_at: at }).where('id', '=', id).execute();
}

// ── milestones and links ─────────────────────────────────────────────────────────────────────

export async function milestonesOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_milestones as m')
    .innerJoin('tasks as t', 't.id', 'm.task_id')
    .select(['m.task_id', 'm.name', 'm.due_date', 'm.done_at'])
    .where('t.plan_id', '=', planId)
    .orderBy('m.task_id')
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
}

export async function milestonesOf(db: Q, taskId: number) {
  return db
    .selectFrom('task_milestones')
    .select(['task_id', 'name', 'due_date', 'done_at'])
    .where('task_id', '=', taskId)
    .orderBy('position')
    .orderBy('id')
    .execute();
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

export async function linksOf(db: Q, taskId: number) {
  const [targets, indicators] = await Promise.all([
    db
      .selectFrom('task_targets')
      .select('target_id')
      .where('task_id', '=', taskId)
      .orderBy('target_id')
      .execute(),
    db
      .selectFrom('task_indicators')
      .select('indicator_id')
      .where('task_id', '=', taskId)
      .orderBy('indicator_id')
      .execute(),
  ]);
  return { targetIds: targets.map((t) => t.target_id), indicatorIds: indicators.map((i) => i.indicator_id) };
}

/** Target and indicator links of every task of a plan. */
export async function linksOfPlan(db: Q, planId: number) {
  const [targets, indicators] = await Promise.all([
    db
      .selectFrom('task_targets as l')
      .innerJoin('tasks as t', 't.id', 'l.task_id')
      .select(['l.task_id', 'l.target_id'])
      .where('t.plan_id', '=', planId)
      .orderBy('l.task_id')
      .orderBy('l.target_id')
      .execute(),
    db
      .selectFrom('task_indicators as l')
      .innerJoin('tasks as t', 't.id', 'l.task_id')
      .select(['l.task_id', 'l.indicator_id'])
      .where('t.plan_id', '=', planId)
      .orderBy('l.task_id')
      .orderBy('l.indicator_id')
      .execute(),
  ]);
  return { targets, indicators };
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

/** Tasks linked to a target, with their state and percent. */
export async function tasksOfTarget(db: Q, targetId: number) {
  return db
    .selectFrom('task_targets as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .select([
      't.id',
      't.code',
      't.title',
      't.state',
      't.percent',
      't.lead_department_id',
      't.co_department_ids',
    ])
    .where('l.target_id', '=', targetId)
    .orderBy('t.position')
    .execute();
}

// ── reports ──────────────────────────────────────────────────────────────────────────────────

/** What the rules need of every report of a plan's tasks. */
export async function reportFactsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .select(['r.task_id', 'r.period', 'r.submitted_at', 'r.percent', 'r.status'])
    .where('t.plan_id', '=', planId)
    .orderBy('r.task_id')
    .orderBy('r.period')
    .execute();
}

/** Every report of a plan's tasks (for the plan file export). */
export async function reportsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_reports as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .selectAll('r')
    .where('t.plan_id', '=', planId)
    .orderBy('r.task_id')
    .orderBy('r.period')
    .execute();
}

export async function reportsOf(db: Q, taskId: number) {
  return db.selectFrom('task_reports').selectAll().where('task_id', '=', taskId).orderBy('period').execute();
}

export async function findReport(db: Q, taskId: number, period: string) {
  return db
    .selectFrom('task_reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function insertReport(db: Q, row: Insertable<TaskReportTable>): Promise<number> {
  return (await db.insertInto('task_reports').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateReportAtVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<TaskReportTable>,
): Promise<boolean> {
  return changed(
    await db
      .updateTable('task_reports')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst(),
  );
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
  if (changed(updated)) return 'replaced';
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
    .select([
      'e.id',
      'e.file_name',
      'e.content_type',
      'e.content',
      't.lead_department_id',
      't.co_department_ids',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

// ── comments, events, extensions ─────────────────────────────────────────────────────────────

export async function insertComment(db: Q, row: Insertable<TaskCommentTable>): Promise<void> {
  await db.insertInto('task_comments').values(row).execute();
}

export async function commentsOf(db: Q, taskId: number) {
  return db.selectFrom('task_comments').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function insertEvent(db: Q, row: Insertable<TaskEventTable>): Promise<void> {
  await db.insertInto('task_events').values(row).execute();
}

export async function eventsOf(db: Q, taskId: number) {
  return db.selectFrom('task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function insertExtension(db: Q, row: Insertable<TaskExtensionTable>): Promise<void> {
  await db.insertInto('task_extensions').values(row).execute();
}

export async function pendingExtension(db: Q, taskId: number) {
  return db
    .selectFrom('task_extensions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('decision', '=', 'pending')
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
  return changed(
    await db
      .updateTable('task_extensions')
      .set(set)
      .where('id', '=', id)
      .where('decision', '=', 'pending')
      .executeTakeFirst(),
  );
}

export async function extensionsOf(db: Q, taskId: number) {
  return db.selectFrom('task_extensions').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

// ── target assessments ───────────────────────────────────────────────────────────────────────

export async function assessmentsOf(db: Q, targetId: number) {
  return db
    .selectFrom('target_assessments')
    .selectAll()
    .where('target_id', '=', targetId)
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
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    .select([
      'r.task_id',
      'r.period',
      'r.percent',
      'r.progress',
      'r.version',
      'r.illustrative',
      'r.submitted_by',
      'r.submitted_label',
      'r.submitted_at',
      'u.display_name as submitted_display',
    ])
    .where('t.plan_id', '=', planId)
    .where('r.status', '=', 'submitted')
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .execute();
}

/** Pending extension requests of a plan's tasks, with the requester's display name. */
export async function pendingExtensionsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('task_extensions as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .leftJoin('users as u', 'u.id', 'e.requested_by')
    .select([
      'e.task_id',
      'e.previous_due',
      'e.requested_due',
      'e.reason',
      'e.requested_label',
      'e.requested_at',
      'u.display_name as requested_display',
    ])
    .where('t.plan_id', '=', planId)
    .where('e.decision', '=', 'pending')
    .orderBy('e.requested_at')
    .orderBy('e.id')
    .execute();
}
