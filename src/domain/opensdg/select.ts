// Picks the one time series a progress configuration points at, following sdg-build's filter_data:
// drop attribute columns, let a `Progress` column stand in for `Value`, keep the chosen unit,
// series and disaggregation values (a value that matches nothing is ignored, with a warning), or
// else the headline rows (every disaggregation cell blank), and insist that one series remains.
// For columns read from translation keys, whose translated labels we do not have, a configured
// name or value that matches nothing exactly may match a label without its trailing code
// qualifier ("Malignant neoplasms" for "Malignant neoplasms [C00-C97]"), when that is unambiguous.
import type { Outcome } from './csv';
import type { FieldValue, SeriesConfig } from './options';
import { parseNumber, type Cell, type IndicatorTable } from './table';

/** Columns that are not disaggregations (Open SDG's default indicator options). */
export const NON_DISAGGREGATION_COLUMNS: readonly string[] = [
  'Year',
  'Units',
  'Series',
  'Value',
  'GeoCode',
  'Observation status',
  'Unit multiplier',
  'Unit measure',
  'UNIT_MEASURE',
  'SERIES',
  'COMMENT_TS',
  'DATA_LAST_UPDATE',
];
const OBSERVATION_ATTRIBUTES: readonly string[] = ['COMMENT_OBS', 'SOURCE_DETAIL'];
/** Columns the filter needs: everything else that is not a disaggregation is dropped first. */
const KEPT_COLUMNS = new Set(['Year', 'Series', 'Units', 'Progress', 'Value']);
const DROPPED_COLUMNS = new Set(
  [...NON_DISAGGREGATION_COLUMNS, ...OBSERVATION_ATTRIBUTES].filter((c) => !KEPT_COLUMNS.has(c)),
);

/** A year and its value. */
export interface Point {
  readonly year: number;
  readonly value: number;
}

interface Rows {
  readonly columns: readonly string[];
  readonly translated: readonly boolean[];
  readonly rows: readonly (readonly Cell[])[];
  readonly years: readonly number[];
}

/** Python equality between a pandas cell and a YAML value (NaN and None never equal anything). */
export function cellEquals(cell: Cell, value: FieldValue): boolean {
  if (cell === null || value === null) return false;
  if (typeof cell === 'string' || typeof value === 'string') return cell === value;
  return Number(cell) === Number(value);
}

/** pandas' unique(): NaN counts as one value. */
function distinctCount(cells: readonly Cell[]): number {
  return new Set(cells.map((cell) => (cell === null ? 'NaN' : `${typeof cell}:${String(cell)}`))).size;
}

function keepRows(data: Rows, keep: (row: readonly Cell[]) => boolean): Rows {
  const indexes = data.rows.map((row, index) => (keep(row) ? index : -1)).filter((index) => index >= 0);
  return {
    columns: data.columns,
    translated: data.translated,
    rows: indexes.map((index) => data.rows[index] ?? []),
    years: indexes.map((index) => data.years[index] ?? Number.NaN),
  };
}

/** A label without one trailing "[…]" or "(…)" qualifier, e.g. a classification code. */
export function withoutQualifier(label: string): string {
  return label.replace(/\s*(?:\[[^\]]*\]|\([^)]*\))$/, '');
}

/** The only distinct label whose unqualified form is `wanted`, if there is exactly one. */
function uniqueUnqualified(labels: readonly string[], wanted: string): string | undefined {
  const found = [...new Set(labels.filter((label) => withoutQualifier(label) === wanted))];
  return found.length === 1 ? found[0] : undefined;
}

function findColumn(data: Rows, name: string): number {
  const exact = data.columns.indexOf(name);
  if (exact >= 0) return exact;
  const keyed = data.columns.filter((_, index) => data.translated[index] === true);
  const label = uniqueUnqualified(keyed, name);
  return label === undefined ? -1 : data.columns.indexOf(label);
}

function filterColumn(data: Rows, column: string, value: FieldValue, warnings: string[]): Rows {
  const at = findColumn(data, column);
  if (at < 0) {
    warnings.push(`column ${column} not found`);
    return data;
  }
  let wanted: FieldValue = value;
  if (!data.rows.some((row) => cellEquals(row[at] ?? null, wanted)) && data.translated[at] === true) {
    const labels = data.rows.map((row) => row[at] ?? null).filter((cell) => typeof cell === 'string');
    wanted = typeof value === 'string' ? (uniqueUnqualified(labels, value) ?? value) : value;
  }
  if (!data.rows.some((row) => cellEquals(row[at] ?? null, wanted))) {
    warnings.push(`${String(value)} not found in column ${column}`);
    return data;
  }
  return keepRows(data, (row) => cellEquals(row[at] ?? null, wanted));
}

/** Drop the attribute columns and put any Progress column in Value's place. */
function prepareColumns(table: IndicatorTable): Rows {
  const valueAt = table.columns.indexOf('Value');
  const progressAt = table.columns.indexOf('Progress');
  const kept = table.columns
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !DROPPED_COLUMNS.has(name) && name !== 'Progress');
  return {
    columns: kept.map(({ name }) => name),
    translated: kept.map(({ index }) => table.translated[index] === true),
    rows: table.rows.map((row) =>
      kept.map(({ index }) => row[index === valueAt && progressAt >= 0 ? progressAt : index] ?? null),
    ),
    years: table.years,
  };
}

/**
 * Select the points of one series. Returns the (possibly empty) list of year/value points with
 * warnings, or an error where sdg-build stops: no headline, several series left, duplicate years.
 */
export function selectSeries(
  table: IndicatorTable,
  config: SeriesConfig,
): Outcome<{ points: Point[]; warnings: string[] }> {
  const warnings: string[] = [];
  let data: Rows = table;
  if (table.columns.length > 2) {
    data = prepareColumns(table);
    if (config.unit !== undefined && config.unit !== null)
      data = filterColumn(data, 'Units', config.unit, warnings);
    if (config.series !== undefined && config.series !== null) {
      data = filterColumn(data, 'Series', config.series, warnings);
    }
    if (config.disaggregation.length > 0) {
      for (const { field, value } of config.disaggregation) data = filterColumn(data, field, value, warnings);
    } else {
      const disaggregations = data.columns
        .map((name, index) => ({ name, index }))
        .filter(({ name }) => !NON_DISAGGREGATION_COLUMNS.includes(name));
      const headline = keepRows(data, (row) => disaggregations.every(({ index }) => row[index] === null));
      if (headline.rows.length === 0 && data.rows.length > 0)
        return { ok: false, reason: 'no headline found' };
      data = headline;
    }
    for (const [index, name] of data.columns.entries()) {
      if (name === 'Year' || name === 'Value') continue;
      if (distinctCount(data.rows.map((row) => row[index] ?? null)) > 1) {
        return { ok: false, reason: `several sub-series left in column ${name}` };
      }
    }
  }
  const points = toPoints(data);
  return points.ok ? { ok: true, points: points.points, warnings } : points;
}

/** Keep years with a value, as numbers; a year given twice is an error. */
function toPoints(data: Rows): Outcome<{ points: Point[] }> {
  const valueAt = data.columns.indexOf('Value');
  const points: Point[] = [];
  const seen = new Set<number>();
  for (const [index, row] of data.rows.entries()) {
    const cell = row[valueAt] ?? null;
    if (cell === null) continue;
    const value = typeof cell === 'string' ? parseNumber(cell) : Number(cell);
    const year = data.years[index] ?? Number.NaN;
    if (value === null) return { ok: false, reason: `year ${year}: value "${String(cell)}" is not a number` };
    if (seen.has(year)) return { ok: false, reason: `duplicate value for year ${year}` };
    seen.add(year);
    points.push({ year, value });
  }
  return { ok: true, points };
}
