// Turns raw CSV text into a typed table the way sdg-build sees it after `pandas.read_csv`: NA
// tokens become missing, a column whose every present cell is numeric becomes a number column,
// and the Year column is reduced to a number (ranges such as "2005-2007" or "2014/2015" count as
// their first year, as sdg-build does by keeping the first four characters). Open SDG translation
// keys ("data.Women", a column "data.Sex") are read as their label (the key without "data."), as
// sdg-build measures progress on translated data; such columns are flagged for select.ts.
import { parseCsv, type Outcome } from './csv';

/** A typed cell: null is pandas' NaN/None. */
export type Cell = string | number | boolean | null;

/** An indicator's data: the column names and typed rows; `years[i]` is row i's year. */
export interface IndicatorTable {
  readonly columns: readonly string[];
  /** Whether column i's name or cells were translation keys (their labels are only approximated). */
  readonly translated: readonly boolean[];
  readonly rows: readonly (readonly Cell[])[];
  readonly years: readonly number[];
}

// pandas.read_csv's default NA tokens: a disaggregation cell reading "None" or "NA" is missing there too.
const NA_TOKENS = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INFINITY = /^\s*([+-]?)inf(?:inity)?\s*$/i;
const TRUE_TOKENS = new Set(['True', 'TRUE', 'true']);
const FALSE_TOKENS = new Set(['False', 'FALSE', 'false']);

/** The number a text denotes (decimal, exponent, inf), or null when it is not numeric. */
export function parseNumber(text: string): number | null {
  if (NUMBER.test(text)) return Number(text);
  const inf = INFINITY.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return null;
}

const KEY_PREFIX = 'data.';

function isKey(text: string): boolean {
  return text.startsWith(KEY_PREFIX) && text.length > KEY_PREFIX.length;
}

/** The label of a translation key ("data.Women" → "Women"); other text is unchanged. */
export function keyLabel(text: string): string {
  return isKey(text) ? text.slice(KEY_PREFIX.length) : text;
}

/** Type one column's raw cells as pandas would: all-numeric → numbers, all-boolean → booleans, else text. */
function typeColumn(raw: readonly string[]): Cell[] {
  const present = raw.filter((text) => !NA_TOKENS.has(text));
  if (present.length > 0 && present.every((text) => parseNumber(text) !== null)) {
    return raw.map((text) => (NA_TOKENS.has(text) ? null : parseNumber(text)));
  }
  if (present.length > 0 && present.every((text) => TRUE_TOKENS.has(text) || FALSE_TOKENS.has(text))) {
    return raw.map((text) => (NA_TOKENS.has(text) ? null : TRUE_TOKENS.has(text)));
  }
  return raw.map((text) => (NA_TOKENS.has(text) ? null : text));
}

/**
 * Read the years. sdg-build looks at the whole column: when any year label is longer than four
 * characters, every label is cut to its first four characters ("2015 Q4", "2017-18" → 2015, 2017).
 */
export function parseYears(labels: readonly string[]): Outcome<{ years: number[] }> {
  const cut = labels.some((label) => label.length > 4);
  const years: number[] = [];
  for (const [index, label] of labels.entries()) {
    const text = cut ? label.slice(0, 4) : label;
    const year = /^\s*\d+\s*$/.test(text) ? Number(text) : null;
    if (year === null) return { ok: false, reason: `row ${index + 1}: Year "${label}" is not a year` };
    years.push(year);
  }
  return { ok: true, years };
}

/** Build a typed table from rows of raw text. Needs a `Year` and a `Value` column. */
export function typeTable(
  header: readonly string[],
  rawRows: readonly (readonly string[])[],
): Outcome<IndicatorTable> {
  const yearAt = header.indexOf('Year');
  if (yearAt < 0) return { ok: false, reason: 'no "Year" column' };
  if (!header.includes('Value')) return { ok: false, reason: 'no "Value" column' };
  const years = parseYears(rawRows.map((row) => (row[yearAt] ?? '').trim()));
  if (!years.ok) return years;
  const typed = header.map((_, at) => typeColumn(rawRows.map((row) => row[at] ?? '')));
  const translated = header.map(
    (name, at) => isKey(name) || (typed[at] ?? []).some((cell) => typeof cell === 'string' && isKey(cell)),
  );
  const rows = rawRows.map((_, r) =>
    typed.map((column) => {
      const cell = column[r] ?? null;
      return typeof cell === 'string' ? keyLabel(cell) : cell;
    }),
  );
  return { ok: true, columns: header.map(keyLabel), translated, rows, years: years.years };
}

/** Parse an Open SDG indicator CSV file's text into a typed table. */
export function parseIndicatorCsv(text: string): Outcome<IndicatorTable> {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  return typeTable(csv.header, csv.rows);
}
