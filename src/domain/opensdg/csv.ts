// The CSV reader of Open SDG data files (csv-parse's synchronous parser: no I/O). It keeps every
// field as raw text: typing (NA tokens, numbers) is the job of table.ts, because it is decided per
// column, as pandas does.
import { CsvError, parse } from 'csv-parse/sync';

/** Raw CSV content: a header and the data rows, every row as long as the header. */
export interface CsvText {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Either the parsed value or why it could not be produced. */
export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly reason: string };

/**
 * Parse CSV text with csv-parse (RFC 4180: comma separator, `"` quoting with `""` escapes, CRLF or
 * LF line ends). A leading UTF-8 byte order mark is dropped and blank lines are skipped. Rows
 * shorter than the header are padded with empty fields (pandas reads the missing cells as NA);
 * longer rows, an unterminated quote or text after a closing quote are errors, reported with their
 * line number.
 */
export function parseCsv(text: string): Outcome<CsvText> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends (the typings do not follow the option).
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      return { ok: false, reason: `line ${String(error.lines)}: ${reasonOf(error.code)}` };
    throw error;
  }
  const [head, ...body] = records;
  if (head === undefined) return { ok: false, reason: 'the file is empty (no header line)' };
  const header = head.record;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) return { ok: false, reason: `duplicate column "${name}" in the header` };
    seen.add(name);
  }
  const rows: string[][] = [];
  for (const { record, info } of body) {
    if (record.length > header.length) {
      return {
        ok: false,
        reason: `line ${info.lines}: ${record.length} fields, the header has ${header.length}`,
      };
    }
    while (record.length < header.length) record.push('');
    rows.push(record);
  }
  return { ok: true, header, rows };
}

function reasonOf(code: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'unterminated quoted field';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'unexpected text after a closing quote';
  if (code === 'INVALID_OPENING_QUOTE') return 'a quote inside an unquoted field';
  return code;
}
