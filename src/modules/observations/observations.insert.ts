/**
 * The one shape of a new observation version, written by plan import, data entry, web upload and
 * bulk import alike. Columns a writer leaves out take the table's defaults (no text, main
 * series, not illustrative, not preliminary, position 0).
 */
import type { Insertable, Selectable } from 'kysely';
import type { Database, ObservationTable } from '../../db';

type Columns = Omit<Selectable<ObservationTable>, 'id'>;

/** The columns every writer names (`replaces_id`: the series' current version, if any). */
const namedColumns = [
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
] as const satisfies readonly (keyof Columns)[];
type Named = (typeof namedColumns)[number];

export type NewObservation = Pick<Columns, Named> & Partial<Omit<Columns, Named>>;

type Row = Required<NewObservation>;

/** The columns a writer may leave out, with the value they then take. */
const defaults: Omit<Row, Named> = {
  qualifier: null,
  source: null,
  source_url: null,
  note: null,
  illustrative: 0,
  alternate: 0,
  published_on: null,
  position: 0,
  preliminary: 0,
  check_reason: null,
};
const defaultedColumns = Object.keys(defaults) as (keyof typeof defaults)[];

/** Every column of a new row, in the order the bulk inserter binds them. */
export const insertColumns: readonly (keyof Row)[] = [...namedColumns, ...defaultedColumns];

/**
 * Appends the row's values in `insertColumns` order, defaults filled in (the bulk writer's hot
 * path: no intermediate object per row). Only these columns: a caller's object with more fields
 * never reaches the INSERT.
 */
export function pushValues(out: unknown[], r: NewObservation): void {
  for (const c of namedColumns) out.push(r[c]);
  for (const c of defaultedColumns) out.push(r[c] ?? defaults[c]);
}

/**
 * The columns a bulk load sets row by row. The others are the same for every row of one load
 * (tenant, status, recorder, time, and the columns it leaves at their defaults): they are bound
 * once per statement, which halves what SQLite binds per row.
 */
export const bulkRowColumns = [
  'indicator_id',
  'period',
  'value',
  'version',
  'replaces_id',
  'reason',
  'source',
  'note',
  'alternate',
  'position',
] as const satisfies readonly (keyof Row)[];

/** One row of a bulk load. */
export type BulkRow = Pick<Row, (typeof bulkRowColumns)[number]>;
/** What every row of a bulk load has in common. */
export type BulkShared = Omit<NewObservation, keyof BulkRow>;

/** The shared columns of a bulk load and their values, defaults filled in. */
export function bulkSharedValues(shared: BulkShared): { columns: (keyof Row)[]; values: unknown[] } {
  const row = insertValues({ ...shared, ...emptyBulkRow }) as Record<string, unknown>;
  const columns = insertColumns.filter((c) => !(bulkRowColumns as readonly string[]).includes(c));
  return { columns, values: columns.map((c) => row[c]) };
}
const emptyBulkRow: BulkRow = {
  indicator_id: 0,
  period: '',
  value: 0,
  version: 0,
  replaces_id: null,
  reason: null,
  source: null,
  note: null,
  alternate: 0,
  position: 0,
};

/**
 * Appends a bulk row's values in `bulkRowColumns` order. Written out column by column because it
 * is the bulk writer's hot path; a test checks it against `bulkRowColumns`.
 */
export function pushBulkRow(out: unknown[], r: BulkRow): void {
  out.push(
    r.indicator_id,
    r.period,
    r.value,
    r.version,
    r.replaces_id,
    r.reason,
    r.source,
    r.note,
    r.alternate,
    r.position,
  );
}

/** The row with every default filled in. */
export function insertValues(r: NewObservation): Row & Insertable<Database['observations']> {
  const values: unknown[] = [];
  pushValues(values, r);
  return Object.fromEntries(insertColumns.map((c, i) => [c, values[i]])) as Row &
    Insertable<Database['observations']>;
}
