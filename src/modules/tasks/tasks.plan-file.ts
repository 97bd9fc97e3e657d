/**
 * Tasks and task reports of the plan file (CONTRACT.md `tasks`, `task_reports`): written inside
 * the plan import's transaction, read back for the export. Rows are matched by task code and
 * report period; a task the file does not name stays (it may have been assigned in the app), and
 * what an import changes is recorded in the task's timeline. The export leaves out what the file
 * would derive anyway (a state equal to the one its reports imply, normal priority), so a file
 * exports back to the same text.
 */
import type { Selectable } from 'kysely';
import type { TaskReportTable } from '../../db';
import type { TaskDef, TaskReportDef } from '../../domain/plan-file';
import { taskStateAsOf, type ReportStatus, type TaskState } from '../../domain/tasks';
import * as repo from './tasks.repository';

/** Code → id maps of the plan's rows, as the import just wrote them. */
export interface PlanIds {
  tenantId: number;
  planId: number;
  departments: ReadonlyMap<string, number>;
  actions: ReadonlyMap<string, number>;
  targets: ReadonlyMap<string, number>;
  indicators: ReadonlyMap<string, number>;
}

export interface TasksImported {
  tasksAdded: number;
  tasksChanged: number;
  reportsAdded: number;
  reportsChanged: number;
}

const never = '9999-12-31';
const json = (v: unknown) => JSON.stringify(v);
const ids = (codes: readonly string[] | undefined, map: ReadonlyMap<string, number>) =>
  (codes ?? []).map((c) => map.get(c)).filter((id): id is number => id !== undefined);

/** The state a file task has: the one it names, or the one its reports imply (CONTRACT.md). */
function stateOf(task: TaskDef, reports: readonly TaskReportDef[]): TaskState {
  const facts = reports.map((r) => ({
    period: r.period,
    submitted: r.submitted ?? null,
    percent: r.percent,
    status: r.status,
  }));
  const plain = { id: task.id, start: task.start, due: task.due, cycle: task.cycle, milestones: [] };
  return task.state ?? taskStateAsOf(plain, facts, never);
}

/** Percent of the latest accepted report (by period), 0 without one. */
function acceptedPercent(reports: readonly { period: string; percent: number; status: string }[]): number {
  const accepted = reports
    .filter((r) => r.status === 'accepted')
    .sort((a, b) => a.period.localeCompare(b.period));
  return accepted.at(-1)?.percent ?? 0;
}

/** Writes the file's tasks and reports in the import's transaction. */
export async function writePlanTasks(
  trx: repo.Q,
  ids_: PlanIds,
  file: { tasks: readonly TaskDef[]; task_reports: readonly TaskReportDef[] },
  at: string,
): Promise<TasksImported> {
  const out: TasksImported = { tasksAdded: 0, tasksChanged: 0, reportsAdded: 0, reportsChanged: 0 };
  const reportsOf = new Map<string, TaskReportDef[]>();
  for (const r of file.task_reports) reportsOf.set(r.task, [...(reportsOf.get(r.task) ?? []), r]);
  const existing = new Map((await repo.listTasks(trx, ids_.planId)).map((t) => [t.code, t]));
  for (const [position, t] of file.tasks.entries()) {
    const reports = reportsOf.get(t.id) ?? [];
    const row = {
      action_id: ids_.actions.get(t.action) ?? null,
      title: t.title,
      title_en: t.title_en ?? null,
      description: t.description ?? null,
      lead_department_id:
        t.lead_department === undefined ? null : (ids_.departments.get(t.lead_department) ?? null),
      co_department_ids: json(ids(t.co_departments, ids_.departments)),
      responsible_leader: t.leader ?? null,
      start_date: t.start,
      due_date: t.due,
      reporting_cycle: t.cycle,
      priority: t.priority ?? 'normal',
      state: stateOf(t, reports),
      percent: acceptedPercent(reports),
      illustrative: t.illustrative ? 1 : 0,
      position,
    };
    const before = existing.get(t.id);
    let taskId: number;
    let changedTask = false;
    if (!before) {
      taskId = await repo.insertTask(trx, {
        ...row,
        tenant_id: ids_.tenantId,
        plan_id: ids_.planId,
        code: t.id,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      out.tasksAdded++;
    } else {
      taskId = before.id;
      const same = (Object.keys(row) as (keyof typeof row)[]).every((k) => row[k] === before[k]);
      if (!same) {
        await repo.updateTaskAtVersion(trx, taskId, before.version, { ...row, updated_at: at });
        out.tasksChanged++;
        changedTask = true;
      }
    }
    await repo.replaceMilestones(trx, ids_.tenantId, taskId, t.milestones ?? []);
    await repo.replaceLinks(trx, ids_.tenantId, taskId, {
      targetIds: ids(t.targets, ids_.targets),
      indicatorIds: ids(t.indicators, ids_.indicators),
    });
    const counts = await writeReports(trx, ids_.tenantId, taskId, reports);
    out.reportsAdded += counts.added;
    out.reportsChanged += counts.changed;
    if (!before || changedTask || counts.added || counts.changed) {
      await repo.insertEvent(trx, {
        tenant_id: ids_.tenantId,
        task_id: taskId,
        at,
        actor_id: null,
        actor_label: 'import',
        kind: before ? 'import_update' : 'import',
        from_state: before?.state ?? null,
        to_state: row.state,
        note: null,
        details: json({ reports_added: counts.added, reports_changed: counts.changed }),
      });
    }
  }
  return out;
}

async function writeReports(
  trx: repo.Q,
  tenantId: number,
  taskId: number,
  reports: readonly TaskReportDef[],
): Promise<{ added: number; changed: number }> {
  const stored = new Map((await repo.reportsOf(trx, taskId)).map((r) => [r.period, r]));
  let added = 0;
  let changed = 0;
  for (const r of reports) {
    const row = {
      progress: r.progress ?? '',
      problems: r.problems ?? null,
      next_steps: r.next_steps ?? null,
      percent: r.percent,
      status: r.status,
      submitted_at: r.submitted === undefined ? null : `${r.submitted}T00:00:00.000Z`,
      review_note: r.comment ?? null,
      illustrative: r.illustrative ? 1 : 0,
    };
    const before = stored.get(r.period);
    if (!before) {
      await repo.insertReport(trx, {
        ...row,
        tenant_id: tenantId,
        task_id: taskId,
        period: r.period,
        submitted_label: 'import',
      });
      added++;
    } else if (!(Object.keys(row) as (keyof typeof row)[]).every((k) => row[k] === before[k])) {
      await repo.updateReportAtVersion(trx, before.id, before.version, row);
      changed++;
    }
  }
  return { added, changed };
}

/** Id → code maps for the export. */
export interface PlanCodes {
  planId: number;
  departments: ReadonlyMap<number, string>;
  actions: ReadonlyMap<number, string>;
  targets: ReadonlyMap<number, string>;
  indicators: ReadonlyMap<number, string>;
}

const opt = <T>(v: T | null | undefined) => v ?? undefined;
const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

/** The plan's tasks (those under an action) and their reports, in the plan file's shape. */
export async function readPlanTasks(
  db: repo.Q,
  codes: PlanCodes,
): Promise<{ tasks: TaskDef[]; task_reports: TaskReportDef[] }> {
  const rows = (await repo.listTasks(db, codes.planId)).filter(
    (t) => t.action_id !== null && codes.actions.has(t.action_id),
  );
  const [milestones, reports] = await Promise.all([
    repo.milestonesOfPlan(db, codes.planId),
    repo.reportsOfPlan(db, codes.planId),
  ]);
  const links = await repo.linksOfPlan(db, codes.planId);
  const tasks: TaskDef[] = [];
  const taskReports: TaskReportDef[] = [];
  for (const t of rows) {
    const own = reports.filter((r) => r.task_id === t.id);
    const fileReports = own.map((r) => reportDef(t.code, r));
    const base: Omit<TaskDef, 'state'> = {
      id: t.code,
      action: codes.actions.get(t.action_id!)!,
      title: t.title,
      title_en: opt(t.title_en),
      description: opt(t.description),
      lead_department:
        t.lead_department_id === null ? undefined : codes.departments.get(t.lead_department_id),
      co_departments: nonEmpty(
        (JSON.parse(t.co_department_ids) as number[])
          .map((id) => codes.departments.get(id))
          .filter((c) => c !== undefined),
      ),
      leader: opt(t.responsible_leader),
      start: t.start_date ?? t.created_at.slice(0, 10),
      due: t.due_date ?? t.created_at.slice(0, 10),
      cycle: t.reporting_cycle as TaskDef['cycle'],
      priority: t.priority === 'normal' ? undefined : (t.priority as TaskDef['priority']),
      milestones: nonEmpty(
        milestones
          .filter((m) => m.task_id === t.id)
          .map((m) => ({ title: m.name, due: m.due_date, done: opt(m.done_at) })),
      ),
      targets: nonEmpty(
        links.targets.filter((l) => l.task_id === t.id).map((l) => codes.targets.get(l.target_id) ?? ''),
      ),
      indicators: nonEmpty(
        links.indicators
          .filter((l) => l.task_id === t.id)
          .map((l) => codes.indicators.get(l.indicator_id) ?? ''),
      ),
      illustrative: t.illustrative ? true : undefined,
    };
    const implied = stateOf(base, fileReports);
    tasks.push({ ...base, state: t.state === implied ? undefined : (t.state as TaskState) });
    taskReports.push(...fileReports);
  }
  return { tasks, task_reports: taskReports };
}

function reportDef(task: string, r: Selectable<TaskReportTable>): TaskReportDef {
  return {
    task,
    period: r.period,
    submitted: r.submitted_at === null ? undefined : r.submitted_at.slice(0, 10),
    percent: r.percent,
    progress: r.progress === '' ? undefined : r.progress,
    problems: opt(r.problems),
    next_steps: opt(r.next_steps),
    status: r.status as ReportStatus,
    comment: opt(r.review_note),
    illustrative: r.illustrative ? true : undefined,
  };
}
