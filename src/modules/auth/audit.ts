/** Audit rows: one per change and per security event; the table itself refuses UPDATE/DELETE. */
import type { Executor } from '../../db';
import type { Actor } from '../http';

export interface AuditEntry {
  tenantId: number | null;
  actor: Actor | { kind: 'system' };
  action: string;
  objectType?: string;
  objectId?: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string;
  sourceIp?: string | null;
  outcome: 'success' | 'failure' | 'denied';
  at: Date;
  /** For failed logins: the name that was tried. */
  label?: string;
}

function actorLabel(actor: AuditEntry['actor'], label?: string): { id: number | null; label: string } {
  switch (actor.kind) {
    case 'user':
      return { id: actor.userId, label: actor.username };
    case 'token':
      return { id: null, label: `token:${actor.tokenId}` };
    case 'anonymous':
      return { id: null, label: label ? `anonymous (${label})` : 'anonymous' };
    case 'system':
      return { id: null, label: 'system' };
  }
}

/** Appends one audit row. Secrets never reach here: callers pass shapes without passwords. */
export async function writeAudit(db: Executor, e: AuditEntry): Promise<void> {
  const who = actorLabel(e.actor, e.label);
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: e.tenantId,
      at: e.at.toISOString(),
      actor_user_id: who.id,
      actor_label: who.label.slice(0, 200),
      action: e.action,
      object_type: e.objectType ?? null,
      object_id: e.objectId === undefined ? null : String(e.objectId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      source_ip: e.sourceIp ?? null,
      outcome: e.outcome,
    })
    .execute();
}
