/** Who calls a use case, when and from where: what every audited write needs. */
import type { Context } from 'hono';
import { clientAddress, type AuditEntry } from '../auth';
import { AppError } from '../errors';
import type { Actor, AppEnv } from '../http';

export type Authenticated = Exclude<Actor, { kind: 'anonymous' }>;

export interface Caller {
  actor: Authenticated;
  tenantId: number;
  now: Date;
  /** The socket's address, for audit rows. */
  address: string | null;
}

/**
 * The caller of a request. The route guard has already refused anonymous requests; the check
 * here keeps the type honest should a route be declared `public` by mistake.
 */
export function callerOf(c: Context<AppEnv>): Caller {
  const actor = c.get('actor');
  if (actor.kind === 'anonymous') throw new AppError(401, 'Unauthorized', 'Log in first.');
  return { actor, tenantId: actor.tenantId, now: c.get('now')(), address: clientAddress(c) };
}

/** The user id of a caller, or null for an API token. */
export function callerUserId(caller: Caller): number | null {
  return caller.actor.kind === 'user' ? caller.actor.userId : null;
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
    tenantId: caller.tenantId,
    actor: caller.actor,
    sourceIp: caller.address,
    at: caller.now,
    outcome: e.outcome ?? 'success',
  };
}
