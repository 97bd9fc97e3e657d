/**
 * The one shape of a new observation version, written by plan import, data entry, web upload and
 * bulk import alike. Columns a writer leaves out take the table's defaults (no text, main
 * series, not illustrative, not preliminary, position 0).
 */
import type { Insertable } from 'kysely';
import type { Database } from '../../db';

export interface NewObservation {
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  status: string;
  version: number;
  /** The row this version replaces (the series' current version), if any. */
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  qualifier?: string | null;
  source?: string | null;
  source_url?: string | null;
  note?: string | null;
  illustrative?: number;
  alternate?: number;
  published_on?: string | null;
  position?: number;
  preliminary?: number;
  check_reason?: string | null;
}

type Row = Required<NewObservation>;

/** Every column of a new row, in the order the bulk inserter binds them. */
export const insertColumns: readonly (keyof Row)[] = [
  'tenant_id',
  'indicator_id',
  'period',
  'value',
  'status',
  'version',
  'replaces_id',
  'recorded_by',
  'recorded_at',
  'reason',
  'qualifier',
  'source',
  'source_url',
  'note',
  'illustrative',
  'alternate',
  'published_on',
  'position',
  'preliminary',
  'check_reason',
];

/** The row with every default filled in. */
export function insertValues(r: NewObservation): Row & Insertable<Database['observations']> {
  // Column by column, so a caller's object with more fields never reaches the INSERT.
  return {
    tenant_id: r.tenant_id,
    indicator_id: r.indicator_id,
    period: r.period,
    value: r.value,
    status: r.status,
    version: r.version,
    replaces_id: r.replaces_id,
    recorded_by: r.recorded_by,
    recorded_at: r.recorded_at,
    reason: r.reason,
    qualifier: r.qualifier ?? null,
    source: r.source ?? null,
    source_url: r.source_url ?? null,
    note: r.note ?? null,
    illustrative: r.illustrative ?? 0,
    alternate: r.alternate ?? 0,
    published_on: r.published_on ?? null,
    position: r.position ?? 0,
    preliminary: r.preliminary ?? 0,
    check_reason: r.check_reason ?? null,
  };
}

/**
 * Appends the row's values in `insertColumns` order (the bulk writer's hot path: no intermediate
 * object per row). Kept beside insertValues, whose defaults it repeats; a test holds them equal.
 */
export function pushValues(out: unknown[], r: NewObservation): void {
  out.push(
    r.tenant_id,
    r.indicator_id,
    r.period,
    r.value,
    r.status,
    r.version,
    r.replaces_id,
    r.recorded_by,
    r.recorded_at,
    r.reason,
    r.qualifier ?? null,
    r.source ?? null,
    r.source_url ?? null,
    r.note ?? null,
    r.illustrative ?? 0,
    r.alternate ?? 0,
    r.published_on ?? null,
    r.position ?? 0,
    r.preliminary ?? 0,
    r.check_reason ?? null,
  );
}
