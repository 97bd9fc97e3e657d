/**
 * The task workflow (CONTRACT.md): 交办 assigned → 签收 accepted → 推进中 in progress → 申请办结
 * completion requested → 办结 completed, 退回 returned by the supervisor, 申请延期 with a new date
 * and a reason, approved or refused by the supervisor. Which step is legal from which state is the
 * domain's state machine; here who may take it, under which version, recorded in the timeline.
 */
import type { TaskDetail } from '../../contracts/tasks';
import type { Db } from '../../db';
import type { TaskState } from '../../domain/tasks/types';
import { fieldError, labelOf, loadTask, record, today, userIdOf, type Caller } from './tasks.context';
import { conflict, requireLeadDepartment, requireSupervisor, requireVersion } from './tasks.policy';
import * as repo from './tasks.repository';
import { detailOf } from './tasks.service';
import { nextState, type TaskTransition } from './rules';

export type SimpleStep = 'accept' | 'start' | 'request_completion' | 'complete' | 'return';

const stepNames: Record<TaskTransition, string> = {
  accept: '签收',
  start: '开始推进',
  request_completion: '申请办结',
  complete: '办结',
  return: '退回',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  refuse_extension: '不予延期',
};
const stateNames: Record<TaskState, string> = {
  assigned: '已交办',
  accepted: '已签收',
  in_progress: '推进中',
  completion_requested: '已申请办结',
  completed: '已办结',
  returned: '已退回',
  extension_requested: '已申请延期',
};

/** The next state, or a 409 saying in both languages why the step is not possible now. */
function requireStep(state: TaskState, step: TaskTransition, resume?: TaskState): TaskState {
  const next = nextState(state, step, resume);
  if (!next.ok)
    throw conflict(`任务${stateNames[state]}，不能${stepNames[step]}。`, `Cannot do this: ${next.reason}.`);
  return next.state;
}

const supervisorSteps: readonly TaskTransition[] = [
  'complete',
  'return',
  'approve_extension',
  'refuse_extension',
];

interface StepInput {
  if_version: number;
  comment?: string;
}

/** Runs one step on a task in a transaction; `extra` adds the step's own writes. */
async function runStep(
  db: Db,
  caller: Caller,
  ref: { plan: string; task: string },
  step: TaskTransition,
  input: StepInput,
  extra: (
    trx: repo.Q,
    task: repo.TaskRow,
  ) => Promise<{ state: TaskState; set?: { due_date?: string }; after?: object }>,
): Promise<TaskDetail> {
  const { ctx, task } = await loadTask(db, caller, ref.plan, ref.task);
  if (supervisorSteps.includes(step)) requireSupervisor(caller.actor);
  else requireLeadDepartment(caller.actor, task);
  requireVersion('task', task.version, input.if_version);
  await db.kysely.transaction().execute(async (trx) => {
    const outcome = await extra(trx, task);
    const at = caller.now.toISOString();
    const moved = await repo.updateTaskAtVersion(trx, task.id, task.version, {
      state: outcome.state,
      ...outcome.set,
      updated_at: at,
    });
    if (!moved) requireVersion('task', (await repo.findTaskById(trx, task.id)).version, input.if_version);
    if (input.comment) {
      await repo.insertComment(trx, {
        tenant_id: caller.actor.tenantId,
        task_id: task.id,
        report_id: null,
        kind: step,
        body: input.comment,
        author_id: userIdOf(caller),
        author_label: labelOf(caller),
        created_at: at,
      });
    }
    await record(trx, caller, {
      task,
      kind: step,
      fromState: task.state,
      toState: outcome.state,
      note: input.comment ?? null,
      before: { state: task.state, due: task.due_date },
      after: { state: outcome.state, ...outcome.after },
    });
  });
  return detailOf(db, ctx, task.id, today(caller));
}

/** 签收, 开始推进, 申请办结 (lead department); 办结, 退回 (supervisor). */
export async function stepTask(
  db: Db,
  caller: Caller,
  ref: { plan: string; task: string },
  step: SimpleStep,
  input: StepInput,
): Promise<TaskDetail> {
  return runStep(db, caller, ref, step, input, (_trx, task) =>
    Promise.resolve({ state: requireStep(task.state as TaskState, step) }),
  );
}

/** 申请延期: the lead department asks for a later due date, with a reason. */
export async function requestExtension(
  db: Db,
  caller: Caller,
  ref: { plan: string; task: string },
  input: { if_version: number; new_due: string; reason: string },
): Promise<TaskDetail> {
  return runStep(
    db,
    caller,
    ref,
    'request_extension',
    { if_version: input.if_version, comment: input.reason },
    async (trx, task) => {
      const state = requireStep(task.state as TaskState, 'request_extension');
      const due = task.due_date ?? '';
      if (input.new_due <= due) {
        throw fieldError(
          'new_due',
          `新的截止日期须晚于当前截止日期${due}。`,
          `new_due must be after the current due date ${due}`,
        );
      }
      await repo.insertExtension(trx, {
        tenant_id: caller.actor.tenantId,
        task_id: task.id,
        previous_due: due,
        requested_due: input.new_due,
        reason: input.reason,
        resume_state: task.state,
        requested_by: userIdOf(caller),
        requested_label: labelOf(caller),
        requested_at: caller.now.toISOString(),
        decision: 'pending',
      });
      return { state, after: { requested_due: input.new_due } };
    },
  );
}

/** The supervisor approves (the due date moves) or refuses a pending extension request. */
export async function decideExtension(
  db: Db,
  caller: Caller,
  ref: { plan: string; task: string },
  decision: 'approve_extension' | 'refuse_extension',
  input: StepInput,
): Promise<TaskDetail> {
  return runStep(db, caller, ref, decision, input, async (trx, task) => {
    const pending = await repo.pendingExtension(trx, task.id);
    const state = requireStep(
      task.state as TaskState,
      decision,
      (pending?.resume_state ?? 'in_progress') as TaskState,
    );
    if (!pending) throw conflict('没有待审批的延期申请。', 'There is no pending extension request.');
    const decided = await repo.decideExtension(trx, pending.id, {
      decision: decision === 'approve_extension' ? 'approved' : 'refused',
      decided_by: userIdOf(caller),
      decided_label: labelOf(caller),
      decided_at: caller.now.toISOString(),
      decision_note: input.comment ?? null,
    });
    if (!decided) throw conflict('延期申请已被他人处理。', 'Someone else decided this request already.');
    return decision === 'approve_extension'
      ? { state, set: { due_date: pending.requested_due }, after: { due: pending.requested_due } }
      : { state };
  });
}
