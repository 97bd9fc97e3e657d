/**
 * Who may do what with data values. Department scoping is the main risk: a department-scoped
 * actor (reporter, department head, department token) sees only its departments' indicators, and
 * everything else answers 404 so another department's objects are not even revealed. Reviewing
 * is tied to departments too: a department head approves only its own departments' values.
 */
import type { Permission } from '../../domain/access';
import { departmentScope, reachesDepartment, type Authenticated } from '../caller';
import { AppError, coded, notFound } from '../errors';
import type { WorkflowStatus } from '../../contracts/data';

export type Acting = Authenticated;

/** The department ids an actor's `permission` is limited to (caller.ts), null when tenant-wide. */
export function departmentFilter(actor: Acting, permission: Permission = 'data:read'): number[] | null {
  return departmentScope(actor, permission);
}

/** True when the actor's `permission` reaches objects of this department. */
export function canSeeDepartment(
  actor: Acting,
  departmentId: number | null,
  permission: Permission = 'data:read',
): boolean {
  return reachesDepartment(actor, permission, departmentId);
}

/** 404 (not 403) for an indicator of another department: its existence is not revealed. */
export function requireVisible(actor: Acting, indicator: { code: string; department_id: number | null }) {
  if (!canSeeDepartment(actor, indicator.department_id)) throw notFound(`indicator '${indicator.code}'`);
}

type Params = Record<string, string | number>;
const forbidden = (message: string, code: string, params?: Params) =>
  coded(new AppError(403, 'Forbidden', message), code, params);
/** A 409 with a stable code (+ params) the web app words. */
export const conflict = (message: string, code: string, params?: Params) =>
  coded(new AppError(409, 'Conflict', message), code, params);

function requirePermission(actor: Acting, permission: Permission, what: string) {
  if (!actor.permissions.has(permission)) {
    throw forbidden(`Only ${what} may do this.`, 'role_required', { permission });
  }
}

/**
 * Entering and editing values: data:write, and — once the indicator is known — its department
 * when data:write is department-scoped (whatever read-only roles the actor also has).
 */
export function requireWriter(actor: Acting, departmentId?: number | null) {
  requirePermission(actor, 'data:write', 'a reporter of the department');
  if (departmentId !== undefined && !canSeeDepartment(actor, departmentId, 'data:write')) {
    throw forbidden('You may enter and change values of your own departments only.', 'own_departments_only');
  }
}

/** Approving or returning a submitted value: a head of the indicator's own department. */
export function requireDepartmentReviewer(actor: Acting, departmentId: number | null) {
  requirePermission(actor, 'data:approve', 'the department head');
  if (departmentId === null || !actor.departmentIds.includes(departmentId)) {
    throw forbidden('Only a head of the indicator’s department may review it.', 'department_head_only');
  }
}

/** Accepting, returning an approved value or reopening an accepted one: the supervisor. */
export function requireSupervisor(actor: Acting) {
  requirePermission(actor, 'data:accept', 'the supervisor');
}

/** Nobody reviews a value they entered or edited in the version under review. */
export function requireNotOwn(actor: Acting, authors: (number | null)[]) {
  if (actor.kind === 'user' && authors.includes(actor.userId)) {
    throw conflict('You entered or edited this value: another person must review it.', 'review_own_value');
  }
}

const nextStep: Record<WorkflowStatus, string> = {
  draft: 'it is a draft: it must be submitted first',
  returned: 'it was returned: it must be corrected and submitted again',
  submitted: 'it is submitted: the department head must approve it first',
  approved: 'it is approved: it waits for acceptance by the supervisor',
  accepted: 'it is already accepted: reopen it or submit a correction',
};

/** 409 unless the value is in one of `from`: workflow steps cannot be skipped or repeated. */
export function requireStatus(status: string, from: readonly WorkflowStatus[], action: string) {
  if ((from as readonly string[]).includes(status)) return;
  const why = status in nextStep ? nextStep[status as WorkflowStatus] : `its status is ${status}`;
  throw conflict(`Cannot ${action} this value: ${why}.`, 'wrong_status', { status, action });
}

/** 409 when the client acted on another version than the current one. */
export function requireVersion(current: number, seen: number) {
  if (current !== seen) {
    throw conflict(
      `The value changed: you saw version ${seen}, the current one is ${current}. Reload.`,
      'value_changed',
      { seen, current },
    );
  }
}
