/** Audit rows → entries: before/after parsed back from their JSON text. */
import type { AuditEntryView } from '../../contracts/audit';
import type { AuditLogTable } from '../../db';

type Row = Omit<AuditLogTable, 'id'> & { id: number };

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Rows are written as JSON; a hand-made one is shown as it is rather than failing the page.
    return text;
  }
}

export function presentAuditEntry(row: Row): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_label,
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    before: parse(row.before),
    after: parse(row.after),
    reason: row.reason,
    source_ip: row.source_ip,
    outcome: row.outcome,
  };
}
