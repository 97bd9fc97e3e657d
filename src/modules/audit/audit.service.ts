/** Reading the audit log: the caller's tenant only, filtered, newest first, pages of at most 200. */
import { auditMaxPage, type AuditPage, type AuditQuery } from '../../contracts/audit';
import type { Db } from '../../db';
import { presentAuditEntry } from './audit.presenter';
import { listAudit } from './audit.repository';

const defaultPage = 50;
const dayMs = 24 * 60 * 60 * 1000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** `to` is inclusive: a day means up to its end, an instant up to and including it. */
function upperBound(to: string): string {
  const at = new Date(to).getTime();
  return new Date(isDay(to) ? at + dayMs : at + 1).toISOString();
}

/**
 * A page of the tenant's audit rows. A larger `limit` than 200 is served as 200 (the cap keeps
 * one request bounded); `next_cursor` is the last id when more rows may follow.
 */
export async function readAudit(db: Db, tenantId: number, query: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(query.limit ?? defaultPage, auditMaxPage);
  const rows = await listAudit(db.kysely, {
    tenantId,
    actor: query.actor,
    action: query.action,
    objectType: query.object_type,
    outcome: query.outcome,
    from: query.from === undefined ? undefined : new Date(query.from).toISOString(),
    before: query.to === undefined ? undefined : upperBound(query.to),
    belowId: query.cursor,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map(presentAuditEntry),
    next_cursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
