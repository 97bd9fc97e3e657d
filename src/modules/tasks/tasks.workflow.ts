/**
 * The task workflow (CONTRACT.md): 交办 assigned → 签收 accepted → 推进中 in progress → 申请办结
 * completion requested → 办结 completed, 退回 returned, 申请延期 with a new date and a reason,
 * approved or refused by the supervisor. Which step is legal from which state, and who takes it,
 * is the domain's state machine (src/domain/tasks/workflow.ts); here the department check, the
 * version, the transaction and the timeline.
 */
import type { TaskDetail } from '../../contracts/tasks';
import type { Db } from '../../db';
import {
  transition,
  transitionRules,
  type TaskAction,
  type TaskState,
  type TransitionRequest,
} from '../../domain/tasks';
import { AppError, coded } from '../errors';
import { fieldError, labelOf, loadTask, record, today, userIdOf, type Caller } from './tasks.context';
import { conflict, requireLeadDepartment, requireSupervisor, requireVersion } from './tasks.policy';
import * as repo from './tasks.repository';
import { detailOf } from './tasks.service';

/** Steps without input of their own (extensions carry a date: see below). */
export type SimpleStep = Exclude<TaskAction, 'request_extension' | 'approve_extension' | 'refuse_extension'>;

interface StepInput {
  if_version: number;
  comment?: string;
}

type Ref = { plan: string; task: string };

/** The domain's answer, or the HTTP problem for its refusal (state 409, actor 403, input 422). */
function apply(task: repo.TaskRow, request: TransitionRequest): { state: TaskState; due?: string } {
  const actor = transitionRules[request.action].actor;
  const result = transition({ state: task.state as TaskState, due: task.due_date ?? '' }, request, actor);
  if (result.ok) return result;
  const [zh, en] = result.reason.split(' / ');
  switch (result.refusal) {
    case 'state':
      throw conflict(zh ?? result.reason, en ?? '');
    case 'actor':
      throw coded(new AppError(403, 'Forbidden', result.reason), 'task_refused', {
        zh: zh ?? '',
        en: en ?? '',
      });
    case 'input':
      throw fieldError('new_due', zh ?? result.reason, en ?? '');
  }
}

/**
 * Runs one step in a transaction under the task's version: who may (lead department or
 * supervisor, from the domain's table), the new state, an optional comment, the timeline.
 */
async function runStep(
  db: Db,
  caller: Caller,
  ref: Ref,
  action: TaskAction,
  input: StepInput,
  decide: (trx: repo.Q, task: repo.TaskRow) => Promise<{ state: TaskState; due?: string; after?: object }>,
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  if (transitionRules[action].actor === 'supervisor') requireSupervisor(caller.actor);
  else requireLeadDepartment(caller.actor, task);
  requireVersion('task', task.version, input.if_version);
  await db.kysely.transaction().execute(async (trx) => {
    const outcome = await decide(trx, task);
    const at = caller.now.toISOString();
    const set = { state: outcome.state, updated_at: at, ...(outcome.due ? { due_date: outcome.due } : {}) };
    if (!(await repo.updateTaskAtVersion(trx, task.id, task.version, set))) {
      requireVersion('task', (await repo.findTaskById(trx, task.id)).version, input.if_version);
    }
    if (input.comment) {
      await repo.insertComment(trx, {
        tenant_id: caller.actor.tenantId,
        task_id: task.id,
        report_id: null,
        kind: action,
        body: input.comment,
        author_id: userIdOf(caller),
        author_label: labelOf(caller),
        created_at: at,
      });
    }
    await record(trx, caller, {
      task,
      kind: action,
      fromState: task.state,
      toState: outcome.state,
      note: input.comment ?? null,
      before: { state: task.state, due: task.due_date },
      after: { state: outcome.state, due: outcome.due ?? task.due_date, ...outcome.after },
    });
  });
  return detailOf(db, ctx, task.id, today(caller));
}

/**
 * 签收, 退回交办 (decline), 开始推进, 申请办结 (lead department); 办结 (approve_completion),
 * 退回, 重新交办 (reassign), 重新打开 (reopen) (supervisor).
 */
export async function stepTask(
  db: Db,
  caller: Caller,
  ref: Ref,
  step: SimpleStep,
  input: StepInput,
): Promise<TaskDetail> {
  return runStep(db, caller, ref, step, input, (_trx, task) =>
    Promise.resolve(apply(task, { action: step })),
  );
}

/** 申请延期: the lead department asks for a later due date, with a reason. */
export async function requestExtension(
  db: Db,
  caller: Caller,
  ref: Ref,
  input: { if_version: number; new_due: string; reason: string },
): Promise<TaskDetail> {
  const stepInput = { if_version: input.if_version, comment: input.reason };
  return runStep(db, caller, ref, 'request_extension', stepInput, async (trx, task) => {
    const next = apply(task, { action: 'request_extension', new_due: input.new_due, reason: input.reason });
    await repo.insertExtension(trx, {
      tenant_id: caller.actor.tenantId,
      task_id: task.id,
      previous_due: task.due_date ?? '',
      requested_due: input.new_due,
      reason: input.reason,
      requested_by: userIdOf(caller),
      requested_label: labelOf(caller),
      requested_at: caller.now.toISOString(),
      decision: 'pending',
    });
    return { state: next.state, after: { requested_due: input.new_due } };
  });
}

/** The supervisor approves (the due date moves to the one asked for) or refuses a pending request. */
export async function decideExtension(
  db: Db,
  caller: Caller,
  ref: Ref,
  decision: 'approve_extension' | 'refuse_extension',
  input: StepInput,
): Promise<TaskDetail> {
  return runStep(db, caller, ref, decision, input, async (trx, task) => {
    const pending = await repo.pendingExtension(trx, task.id);
    const next =
      decision === 'approve_extension'
        ? apply(task, { action: 'approve_extension', new_due: pending?.requested_due ?? '' })
        : apply(task, { action: 'refuse_extension' });
    if (!pending) throw conflict('没有待审批的延期申请。', 'There is no pending extension request.');
    const decided = await repo.decideExtension(trx, pending.id, {
      decision: decision === 'approve_extension' ? 'approved' : 'refused',
      decided_by: userIdOf(caller),
      decided_label: labelOf(caller),
      decided_at: caller.now.toISOString(),
      decision_note: input.comment ?? null,
    });
    if (!decided) throw conflict('延期申请已被他人处理。', 'Someone else decided this request already.');
    return next;
  });
}
