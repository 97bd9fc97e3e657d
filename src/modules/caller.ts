/**
 * The caller of a use case: who (roles, permissions, the permissions scoped to departments, the
 * departments, the tenant), when and from where. The authentication middleware builds it once per
 * request; every service takes it. The department-scope rule lives here and nowhere else.
 */
import type { Context } from 'hono';
import type { Permission } from '../domain/access';
import type { AuditEntry } from './auth';
import { AppError } from './errors';
import type { Actor, AppEnv } from './http';

export type Authenticated = Exclude<Actor, { kind: 'anonymous' }>;

export interface Caller {
  /** Who, with the tenant (`actor.tenantId`), roles, permissions and departments. */
  actor: Authenticated;
  now: Date;
  /** The socket's address, for audit rows. */
  sourceIp: string | null;
}

/**
 * A caller inside the server, with no request behind it (a public page, a generated report): it
 * reads the whole tenant with `permissions` and nothing else, at `now`.
 */
export function internalReader(tenantId: number, permissions: readonly Permission[], now: Date): Caller {
  const actor: Authenticated = {
    kind: 'token',
    tokenId: 0,
    tenantId,
    permissions: new Set(permissions),
    departmentIds: [],
    scopedPermissions: new Set(),
  };
  return { actor, now, sourceIp: null };
}

/** The caller of a request (null when anonymous), as the authentication middleware builds it. */
export function callerFor(actor: Actor, now: Date, sourceIp: string | null): Caller | null {
  return actor.kind === 'anonymous' ? null : { actor, now, sourceIp };
}

/**
 * The caller of a guarded request. The route guard has already refused anonymous requests; the
 * check here keeps the type honest should a route be declared `public` by mistake.
 */
export function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (!caller) throw new AppError(401, 'Unauthorized', 'Log in first.');
  return caller;
}

/** The user id of a caller, or null for an API token. */
export function callerUserId(caller: Caller): number | null {
  return caller.actor.kind === 'user' ? caller.actor.userId : null;
}

/**
 * The department ids an actor's `permission` is limited to, or null when it is tenant-wide.
 * Each permission has its own scope: a reporter who is also a leader reads the whole tenant but
 * writes only its own departments.
 */
export function departmentScope(actor: Authenticated, permission: Permission): number[] | null {
  return actor.scopedPermissions.has(permission) ? actor.departmentIds : null;
}

/** True when the actor's `permission` reaches objects of this department (null: no department). */
export function reachesDepartment(
  actor: Authenticated,
  permission: Permission,
  departmentId: number | null,
): boolean {
  const scope = departmentScope(actor, permission);
  return scope === null || (departmentId !== null && scope.includes(departmentId));
}

/** The audit row of a caller's action; the caller adds what changed (never a secret). */
export function auditOf(
  caller: Caller,
  e: Omit<AuditEntry, 'tenantId' | 'actor' | 'sourceIp' | 'at' | 'outcome'> & {
    outcome?: AuditEntry['outcome'];
  },
): AuditEntry {
  return {
    ...e,
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    sourceIp: caller.sourceIp,
    at: caller.now,
    outcome: e.outcome ?? 'success',
  };
}
