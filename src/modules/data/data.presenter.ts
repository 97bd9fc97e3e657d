/** Rows of data collection → response shapes (never rows). */
import type { DataValue, RowStatus } from '../../contracts/data';
import { rowStatuses } from '../../contracts/data';
import type { VersionRow as ValueRow } from '../observations';

function rowStatus(status: string): RowStatus {
  return (rowStatuses as readonly string[]).includes(status) ? (status as RowStatus) : 'superseded';
}

/** One version of a value. `versionOf` maps row ids of the series to their versions. */
export interface PresentedIndicator {
  code: string;
  name: string;
  name_en: string | null;
  unit: string;
  department_code: string | null;
  department_name: string | null;
  department_name_en?: string | null;
}

export function presentValue(row: ValueRow, indicator: PresentedIndicator, versionOf: Map<number, number>): DataValue {
  return {
    indicator: indicator.code,
    department: indicator.department_code,
    period: row.period,
    value: row.value,
    source: row.source,
    note: row.note,
    status: rowStatus(row.status),
    version: row.version,
    replaces_version: row.replaces_id === null ? null : (versionOf.get(row.replaces_id) ?? null),
    recorded_by: row.recorded_by_name ?? null,
    recorded_at: row.recorded_at,
    reason: row.reason,
    preliminary: row.preliminary === 1,
    indicator_name: indicator.name,
    indicator_name_en: indicator.name_en,
    unit: indicator.unit,
    department_name: indicator.department_name,
    department_name_en: indicator.department_name_en ?? null,
    recorded_by_display: row.recorded_by_display ?? row.recorded_by_name ?? null,
    check_reason: row.check_reason ?? null,
  };
}

const compared = ['value', 'source', 'note', 'status'] as const;

/** Fields of `row` that differ from `previous` (all of them for the first version). */
export function changesFrom(row: ValueRow, previous: ValueRow | undefined) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of compared) {
    const before = previous ? previous[field] : null;
    if (before !== row[field]) changes[field] = { before, after: row[field] };
  }
  return changes;
}

function parseJson(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** One audit row about a value as a history event: who did what, when and why. */
export function presentEvent(a: {
  at: string;
  actor_label: string;
  actor_display: string | null;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}) {
  const before = parseJson(a.before);
  const after = parseJson(a.after);
  return {
    at: a.at,
    actor: a.actor_label,
    actor_name: a.actor_display,
    action: a.action,
    version: int(after.version),
    from_status: str(before.status),
    to_status: str(after.status),
    reason: a.reason,
  };
}
