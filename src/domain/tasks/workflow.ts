/**
 * The task workflow (CONTRACT.md states): 交办 assigned → 签收 accepted → 推进中 in_progress →
 * 申请办结 completion_requested → 办结 completed, with 退回 returned and 申请延期
 * extension_requested. Each step names the actor who may take it; an illegal step is a result,
 * not an exception (the HTTP layer answers 409 for a wrong state, 403/404 for a wrong actor).
 */
import { isIsoDate } from '../periods';
import type { TaskState } from './types';

/** Who acts: the lead department (牵头单位) or the supervision office (督查室). */
export const taskActors = ['lead_department', 'supervisor'] as const;
export type TaskActor = (typeof taskActors)[number];

export const taskActions = [
  'accept', // 签收
  'decline', // 退回交办: not this department's task
  'reassign', // 重新交办
  'start', // 开始推进
  'request_completion', // 申请办结
  'approve_completion', // 同意办结
  'return', // 退回办结申请
  'request_extension', // 申请延期
  'approve_extension', // 同意延期
  'refuse_extension', // 不同意延期
  'reopen', // 重新打开
] as const;
export type TaskAction = (typeof taskActions)[number];

interface TransitionRule {
  readonly actor: TaskActor;
  readonly from: readonly TaskState[];
  readonly to: TaskState;
  readonly zh: string;
}

/** The table the workflow follows; the API and docs read it too. */
export const transitionRules: Readonly<Record<TaskAction, TransitionRule>> = {
  accept: { actor: 'lead_department', from: ['assigned'], to: 'accepted', zh: '签收' },
  decline: { actor: 'lead_department', from: ['assigned'], to: 'returned', zh: '退回交办' },
  reassign: { actor: 'supervisor', from: ['returned'], to: 'assigned', zh: '重新交办' },
  start: { actor: 'lead_department', from: ['accepted', 'returned'], to: 'in_progress', zh: '开始推进' },
  request_completion: {
    actor: 'lead_department',
    from: ['accepted', 'in_progress', 'returned'],
    to: 'completion_requested',
    zh: '申请办结',
  },
  approve_completion: {
    actor: 'supervisor',
    from: ['completion_requested'],
    to: 'completed',
    zh: '同意办结',
  },
  return: { actor: 'supervisor', from: ['completion_requested'], to: 'returned', zh: '退回' },
  request_extension: {
    actor: 'lead_department',
    from: ['accepted', 'in_progress', 'returned'],
    to: 'extension_requested',
    zh: '申请延期',
  },
  // After the decision the work goes on, with the new date or the old one.
  approve_extension: {
    actor: 'supervisor',
    from: ['extension_requested'],
    to: 'in_progress',
    zh: '同意延期',
  },
  refuse_extension: {
    actor: 'supervisor',
    from: ['extension_requested'],
    to: 'in_progress',
    zh: '不同意延期',
  },
  reopen: { actor: 'supervisor', from: ['completed'], to: 'in_progress', zh: '重新打开' },
};

/** A step asked for; an extension request carries its new date and reason. */
export type TransitionRequest =
  | { readonly action: Exclude<TaskAction, 'request_extension' | 'approve_extension'> }
  | { readonly action: 'request_extension'; readonly new_due: string; readonly reason: string }
  | { readonly action: 'approve_extension'; readonly new_due: string };

/** Why a step was refused: `state` (409), `actor` (403), `input` (400). */
export type TransitionRefusal = 'state' | 'actor' | 'input';

export type TransitionResult =
  | { readonly ok: true; readonly state: TaskState; readonly due?: string }
  | { readonly ok: false; readonly refusal: TransitionRefusal; readonly reason: string };

const stateZh: Record<TaskState, string> = {
  assigned: '交办',
  accepted: '签收',
  in_progress: '推进中',
  completion_requested: '申请办结',
  completed: '办结',
  returned: '退回',
  extension_requested: '申请延期',
};
const actorZh: Record<TaskActor, string> = { lead_department: '牵头单位', supervisor: '督查室' };

/** What the task is now: its state and due date. */
export interface TaskNow {
  readonly state: TaskState;
  readonly due: string;
}

/** Applies `request` by `actor` to a task; returns the new state (and due date when it moves). */
export function transition(task: TaskNow, request: TransitionRequest, actor: TaskActor): TransitionResult {
  const rule = transitionRules[request.action];
  if (rule.actor !== actor) {
    return {
      ok: false,
      refusal: 'actor',
      reason: `只有${actorZh[rule.actor]}可以${rule.zh} / only the ${rule.actor.replaceAll('_', ' ')} may ${request.action.replaceAll('_', ' ')}`,
    };
  }
  if (!rule.from.includes(task.state)) {
    return {
      ok: false,
      refusal: 'state',
      reason: `任务处于“${stateZh[task.state]}”状态，不能${rule.zh} / cannot ${request.action.replaceAll('_', ' ')} a task that is ${task.state}`,
    };
  }
  if (request.action === 'request_extension' || request.action === 'approve_extension') {
    const problem = checkNewDue(task.due, request.new_due);
    if (problem) return { ok: false, refusal: 'input', reason: problem };
  }
  if (request.action === 'request_extension' && request.reason.trim() === '') {
    return {
      ok: false,
      refusal: 'input',
      reason: '申请延期须说明理由 / an extension request needs a reason',
    };
  }
  if (request.action === 'approve_extension') return { ok: true, state: rule.to, due: request.new_due };
  return { ok: true, state: rule.to };
}

function checkNewDue(due: string, newDue: string): string | null {
  if (!isIsoDate(newDue))
    return `新的截止日期${newDue}不是有效日期 / new due date ${newDue} is not a date (YYYY-MM-DD)`;
  if (newDue <= due)
    return `新的截止日期${newDue}须晚于${due} / the new due date ${newDue} must be after ${due}`;
  return null;
}

/** The actions `actor` may take on a task in `state` (for buttons and the API's `allowed`). */
export function allowedActions(state: TaskState, actor: TaskActor): TaskAction[] {
  return taskActions.filter(
    (a) => transitionRules[a].actor === actor && transitionRules[a].from.includes(state),
  );
}

/** Filing a progress report puts an assigned or accepted task in progress (filing implies 签收). */
export function stateAfterReportFiled(state: TaskState): TaskState {
  return state === 'assigned' || state === 'accepted' ? 'in_progress' : state;
}

/** Accepting a report at 100% completes the task (CONTRACT.md). */
export function stateAfterReportAccepted(state: TaskState, percent: number): TaskState {
  return percent === 100 ? 'completed' : state;
}
