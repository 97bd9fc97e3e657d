/**
 * Who may do what with tasks. Routes already demand task:read, task:write or task:supervise;
 * here the object rules: a department-scoped actor sees only tasks its departments lead or
 * co-operate on (any other task answers 404, so it is not even revealed); the lead department's
 * own people take the department's steps and file reports; co-operating departments add their
 * part; the supervisor assigns, reviews, completes, returns and decides extensions.
 */
import type { Permission } from '../../domain/access';
import { reachesDepartment, type Authenticated } from '../caller';
import { AppError, coded, notFound } from '../errors';

export type Acting = Authenticated;

/** The department fields of a task row. */
export interface TaskDepartments {
  code: string;
  lead_department_id: number | null;
  co_department_ids: string;
}

export const coDepartmentIds = (task: { co_department_ids: string }): number[] =>
  (JSON.parse(task.co_department_ids) as unknown[]).filter((d): d is number => typeof d === 'number');

// The task rules word their refusals here in both languages; the web app shows the user's one.
const forbidden = (zh: string, en: string) =>
  coded(new AppError(403, 'Forbidden', `${zh} ${en}`), 'task_refused', { zh, en });
export const conflict = (zh: string, en: string) =>
  coded(new AppError(409, 'Conflict', `${zh} ${en}`), 'task_conflict', { zh, en });

/** True when the actor may see the task at all. */
export function canSeeTask(actor: Acting, task: TaskDepartments): boolean {
  // Reading is scoped by the roles that grant task:read (a reporter who is also a leader reads all).
  const mine = (id: number | null) => reachesDepartment(actor, 'task:read', id);
  return mine(task.lead_department_id) || coDepartmentIds(task).some(mine);
}

/** 404 for a task of another department. */
export function requireVisible(actor: Acting, task: TaskDepartments): void {
  if (!canSeeTask(actor, task)) throw notFound(`task '${task.code}'`);
}

function requirePermission(actor: Acting, permission: Permission, zh: string, en: string) {
  if (!actor.permissions.has(permission)) throw forbidden(zh, en);
}

/** A step of the lead department (签收, 开始, 申请办结, 申请延期, reports): its own people only. */
export function requireLeadDepartment(actor: Acting, task: TaskDepartments): void {
  requireVisible(actor, task);
  requirePermission(actor, 'task:write', '无任务办理权限。', 'You may not act on tasks.');
  if (task.lead_department_id === null || !actor.departmentIds.includes(task.lead_department_id)) {
    throw forbidden('只有牵头单位可以办理此步骤。', 'Only the lead department may take this step.');
  }
}

/** The co-operating department of the actor that adds a part (the one named, if several). */
export function requireCoDepartment(actor: Acting, task: TaskDepartments, named: number | null): number {
  requireVisible(actor, task);
  requirePermission(actor, 'task:write', '无任务办理权限。', 'You may not act on tasks.');
  const mine = coDepartmentIds(task).filter((d) => actor.departmentIds.includes(d));
  if (named !== null) {
    if (!mine.includes(named)) {
      throw forbidden('该部门不是此任务的配合单位。', 'That department does not co-operate on this task.');
    }
    return named;
  }
  const only = mine[0];
  if (only === undefined) {
    throw forbidden('只有配合单位可以补充配合情况。', 'Only a co-operating department may add its part.');
  }
  if (mine.length > 1) {
    throw new AppError(
      422,
      'Unprocessable Content',
      '请指明部门。 Name the department: you belong to several.',
      [{ field: 'department', message: 'name one of your co-operating departments' }],
    );
  }
  return only;
}

/** Assigning, reviewing, completing, returning and deciding extensions: the supervisor. */
export function requireSupervisor(actor: Acting): void {
  requirePermission(
    actor,
    'task:supervise',
    '只有督查室可以办理此步骤。',
    'Only the supervisor may do this.',
  );
}

/** Nobody reviews their own report. */
export function requireNotOwn(actor: Acting, authorId: number | null): void {
  if (actor.kind === 'user' && authorId !== null && authorId === actor.userId) {
    throw conflict('不能审核自己填报的报告。', 'You filed this report: another person must review it.');
  }
}

/** 409 when the client acted on another version than the current one. */
export function requireVersion(what: 'task' | 'report' | 'assessment', current: number, seen: number): void {
  if (current !== seen) {
    throw conflict(
      `内容已被他人修改（您看到的是第${seen}版，当前为第${current}版），请刷新。`,
      `The ${what} changed: you saw version ${seen}, the current one is ${current}. Reload.`,
    );
  }
}
