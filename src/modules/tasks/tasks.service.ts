/**
 * Task use cases: the supervisor's board (list with lights, filtered, paged), one task with its
 * milestones, reports and timeline, and assigning tasks — one at a time, edited under a version,
 * or one per plan action in bulk. Each write is one transaction with its audit row and event.
 */
import type {
  BulkCreate,
  TaskCreate,
  TaskDetail,
  TaskEdit,
  TaskList,
  TaskListQuery,
} from '../../contracts/tasks';
import type { Db } from '../../db';
import { planBoard } from './tasks.board';
import { evaluateOne } from './tasks.evaluate';
import {
  fieldError,
  isUniqueViolation,
  loadPlanContext,
  loadTask,
  record,
  today,
  type Caller,
  type PlanContext,
} from './tasks.context';
import { canSeeTask, coDepartmentIds, conflict, requireSupervisor, requireVersion } from './tasks.policy';
import { presentDetail, presentSummary } from './tasks.presenter';
import * as repo from './tasks.repository';
import { resolveTask, type ResolvedTask, type TaskFields } from './tasks.validate';

const defaultPageSize = 50;

/** The tasks of a plan the caller may see, lit as of a day, filtered and paged. */
export async function listTasks(
  db: Db,
  caller: Caller,
  planCode: string,
  query: TaskListQuery,
): Promise<TaskList> {
  const ctx = await loadPlanContext(db, caller, planCode);
  const asOf = query.as_of ?? today(caller);
  // The whole plan's evaluation is cached; the caller's scope is applied to it here, per request.
  const board = await planBoard(db, caller.actor.tenantId, ctx, asOf);
  const all = board.tasks.filter((t) => canSeeTask(caller.actor, t));
  const department = query.department === undefined ? undefined : ctx.departmentByCode.get(query.department);
  const programme =
    query.programme === undefined
      ? undefined
      : ctx.structure.programmes.find((p) => p.code === query.programme);
  const filtered = all.filter((t) => {
    if (query.department !== undefined) {
      if (!department) return false;
      if (t.lead_department_id !== department.id && !coDepartmentIds(t).includes(department.id)) return false;
    }
    if (query.programme !== undefined) {
      const action = t.action_id === null ? undefined : ctx.actionById.get(t.action_id);
      if (!programme || action?.programme_id !== programme.id) return false;
    }
    if (
      query.action !== undefined &&
      (t.action_id === null || ctx.actionById.get(t.action_id)?.code !== query.action)
    ) {
      return false;
    }
    if (query.leader !== undefined && t.responsible_leader !== query.leader) return false;
    if (query.state !== undefined && t.state !== query.state) return false;
    return true;
  });
  const evaluations = board.evaluations;
  // Counts by light from the evaluations; only the page is presented (reasons formatted).
  const counts = { red: 0, yellow: 0, green: 0, blue: 0 };
  for (const t of filtered) counts[evaluations.get(t.id)!.light] += 1;
  const lit = filtered.filter(
    (t) => query.light === undefined || evaluations.get(t.id)?.light === query.light,
  );
  const page = query.page ?? 1;
  const pageSize = query.page_size ?? defaultPageSize;
  return {
    as_of: asOf,
    total: lit.length,
    page,
    page_size: pageSize,
    counts,
    // The board of 5,000 tasks shows 50: only those are presented.
    tasks: lit
      .slice((page - 1) * pageSize, page * pageSize)
      .map((t) => presentSummary(ctx, t, evaluations.get(t.id)!)),
  };
}

/** One task with everything about it, lit as of a day (default today). */
export async function getTask(
  db: Db,
  caller: Caller,
  planCode: string,
  taskCode: string,
  asOf = today(caller),
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, planCode, taskCode);
  return detailOf(db, ctx, task.id, asOf);
}

/** The detail of a task by id (after a write: the row as it now is). */
export async function detailOf(db: Db, ctx: PlanContext, taskId: number, asOf: string): Promise<TaskDetail> {
  const k = db.kysely;
  const task = await repo.findTaskById(k, taskId);
  const [milestones, links, reports, comments, extensions, events] = await Promise.all([
    repo.milestonesOf(k, taskId),
    repo.linksOf(k, taskId),
    repo.reportsOf(k, taskId),
    repo.commentsOf(k, taskId),
    repo.extensionsOf(k, taskId),
    repo.eventsOf(k, taskId),
  ]);
  const reportIds = reports.map((r) => r.id);
  const [parts, evidence] = await Promise.all([repo.partsOf(k, reportIds), repo.evidenceOf(k, reportIds)]);
  const evaluation = evaluateOne(
    ctx,
    task,
    milestones,
    reports.map((r) => ({ ...r, task_id: taskId })),
    asOf,
  );
  return presentDetail(ctx, task, evaluation, {
    milestones,
    links,
    reports,
    parts,
    evidence,
    comments,
    extensions,
    events,
  });
}

const snapshot = (r: ResolvedTask) => ({
  title: r.title,
  lead_department_id: r.lead_department_id,
  co_department_ids: r.co_department_ids,
  leader: r.leader,
  start: r.start,
  due: r.due,
  cycle: r.cycle,
  priority: r.priority,
  milestones: r.milestones.length,
});

const columns = (r: ResolvedTask) => ({
  title: r.title,
  description: r.description,
  action_id: r.action_id,
  lead_department_id: r.lead_department_id,
  co_department_ids: JSON.stringify(r.co_department_ids),
  responsible_leader: r.leader,
  start_date: r.start,
  due_date: r.due,
  reporting_cycle: r.cycle,
  priority: r.priority,
});

/** A code for a new task of an action: `<action>-t<n>`, the first n not taken. */
export function newCode(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${base}-t${n}`)) return `${base}-t${n}`;
}

/** Inserts a resolved task (assigned, version 1) with its milestones and links, recorded. */
export async function insertResolved(
  trx: repo.Q,
  caller: Caller,
  ctx: PlanContext,
  code: string,
  r: ResolvedTask,
  kind: 'create' | 'bulk_create' | 'upload',
  percent = 0,
): Promise<number> {
  const at = caller.now.toISOString();
  const id = await repo.insertTask(trx, {
    tenant_id: caller.actor.tenantId,
    plan_id: ctx.structure.plan.id,
    code,
    ...columns(r),
    state: 'assigned',
    percent,
    version: 1,
    position: await repo.nextPosition(trx, ctx.structure.plan.id),
    created_at: at,
    updated_at: at,
  });
  await repo.replaceMilestones(trx, caller.actor.tenantId, id, r.milestones);
  await repo.replaceLinks(trx, caller.actor.tenantId, id, {
    targetIds: r.targetIds,
    indicatorIds: r.indicatorIds,
  });
  await record(trx, caller, { task: { id, code }, kind, toState: 'assigned', after: snapshot(r) });
  return id;
}

/** Assigns a new task (交办): the supervisor only. */
export async function createTask(
  db: Db,
  caller: Caller,
  planCode: string,
  input: TaskCreate,
): Promise<TaskDetail> {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const resolved = resolveTask(ctx, input);
  try {
    const id = await db.kysely.transaction().execute(async (trx) => {
      const taken = await repo.taskCodes(trx, ctx.structure.plan.id);
      const code = input.id ?? newCode(taken, input.action ?? 'task');
      if (taken.has(code)) throw fieldError('id', `任务编号“${code}”已存在。`, `a task '${code}' exists`);
      return insertResolved(trx, caller, ctx, code, resolved, 'create');
    });
    return detailOf(db, ctx, id, today(caller));
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('id', '任务编号已存在。', 'that task id exists');
    throw error;
  }
}

/** Edits a task's assignment under its version: the supervisor, while the task is not completed. */
export async function editTask(
  db: Db,
  caller: Caller,
  planCode: string,
  taskCode: string,
  input: TaskEdit,
): Promise<TaskDetail> {
  requireSupervisor(caller.actor);
  const { ctx, task } = await loadTask(db, caller, planCode, taskCode);
  requireVersion('task', task.version, input.if_version);
  if (task.state === 'completed')
    throw conflict('任务已办结，不能修改。', 'The task is completed: it cannot be edited.');
  const k = db.kysely;
  const [milestones, links] = await Promise.all([repo.milestonesOf(k, task.id), repo.linksOf(k, task.id)]);
  const codesOf = (ids: number[], map: Map<number, { code: string }>) =>
    ids.map((id) => map.get(id)?.code ?? '');
  const current: TaskFields = {
    title: task.title,
    description: task.description,
    action: task.action_id === null ? null : (ctx.actionById.get(task.action_id)?.code ?? null),
    lead_department:
      task.lead_department_id === null ? '' : (ctx.departmentById.get(task.lead_department_id)?.code ?? ''),
    co_departments: codesOf(coDepartmentIds(task), ctx.departmentById),
    leader: task.responsible_leader,
    start: task.start_date ?? task.created_at.slice(0, 10),
    due: task.due_date ?? task.created_at.slice(0, 10),
    cycle: task.reporting_cycle as TaskFields['cycle'],
    priority: task.priority as TaskFields['priority'],
    milestones: milestones.map((m) => ({ title: m.name, due: m.due_date, done: m.done_at })),
    targets: codesOf(links.targetIds, ctx.targetById),
    indicators: codesOf(links.indicatorIds, ctx.indicatorById),
  };
  const defined = Object.fromEntries(
    Object.entries(input).filter(([key, v]) => v !== undefined && key !== 'if_version'),
  ) as Partial<TaskFields>;
  const before = resolveTask(ctx, current);
  const after = resolveTask(ctx, { ...current, ...defined });
  await db.kysely.transaction().execute(async (trx) => {
    if (
      !(await repo.updateTaskAtVersion(trx, task.id, task.version, {
        ...columns(after),
        updated_at: caller.now.toISOString(),
      }))
    ) {
      requireVersion('task', (await repo.findTaskById(trx, task.id)).version, input.if_version);
    }
    if (input.milestones !== undefined)
      await repo.replaceMilestones(trx, caller.actor.tenantId, task.id, after.milestones);
    await repo.replaceLinks(trx, caller.actor.tenantId, task.id, {
      targetIds: input.targets === undefined ? undefined : after.targetIds,
      indicatorIds: input.indicators === undefined ? undefined : after.indicatorIds,
    });
    await record(trx, caller, { task, kind: 'edit', before: snapshot(before), after: snapshot(after) });
  });
  return detailOf(db, ctx, task.id, today(caller));
}

/**
 * 任务分解 to start from: one task per plan action that has none yet (or per named action), with
 * the action's name, lead and co-operating departments, and the dates and cycle given.
 */
export async function bulkCreateTasks(
  db: Db,
  caller: Caller,
  planCode: string,
  input: BulkCreate,
): Promise<{ created: string[]; skipped: string[] }> {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const actions = input.actions ?? ctx.structure.actions.map((a) => a.code);
  const unknown = actions.findIndex((code) => !ctx.actionByCode.has(code));
  if (unknown >= 0)
    throw fieldError(
      `actions.${unknown}`,
      `未知工作举措“${actions[unknown]}”。`,
      `unknown action '${actions[unknown]}'`,
    );
  if (input.due < input.start) {
    throw fieldError(
      'due',
      `截止日期${input.due}早于开始日期${input.start}。`,
      `due ${input.due} is before start ${input.start}`,
    );
  }
  return db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.listTasks(trx, ctx.structure.plan.id);
    const withTask = new Set(existing.map((t) => t.action_id));
    const taken = new Set(existing.map((t) => t.code));
    const created: string[] = [];
    const skipped: string[] = [];
    for (const code of actions) {
      const action = ctx.actionByCode.get(code)!;
      if (withTask.has(action.id)) {
        skipped.push(code);
        continue;
      }
      if (action.lead_department_id === null) {
        throw fieldError(
          `actions`,
          `工作举措“${code}”没有牵头单位。`,
          `action '${code}' has no lead department`,
        );
      }
      const taskCode = newCode(taken, code);
      taken.add(taskCode);
      await insertResolved(
        trx,
        caller,
        ctx,
        taskCode,
        {
          title: action.name,
          description: null,
          action_id: action.id,
          lead_department_id: action.lead_department_id,
          co_department_ids: action.co_department_ids,
          leader: null,
          start: input.start,
          due: input.due,
          cycle: input.cycle,
          priority: input.priority ?? 'normal',
          milestones: [],
          targetIds: [],
          indicatorIds: [],
        },
        'bulk_create',
      );
      created.push(taskCode);
    }
    return { created, skipped };
  });
}
