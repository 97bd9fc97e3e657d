/** Reads the audit log (it is written by `writeAudit` of the auth module and never changed). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

export interface AuditFilter {
  tenantId: number;
  actor?: string;
  action?: string;
  objectType?: string;
  outcome?: string;
  /** Inclusive lower bound, ISO instant. */
  from?: string;
  /** Exclusive upper bound, ISO instant. */
  before?: string;
  /** Only rows older than this id (the cursor). */
  belowId?: number;
  limit: number;
}

/** One page of a tenant's rows, newest first (ids grow with time, so id order is time order). */
export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.actor !== undefined) q = q.where('actor_label', '=', f.actor);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.objectType !== undefined) q = q.where('object_type', '=', f.objectType);
  if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.before !== undefined) q = q.where('at', '<', f.before);
  if (f.belowId !== undefined) q = q.where('id', '<', f.belowId);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
