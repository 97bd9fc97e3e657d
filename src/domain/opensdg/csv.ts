// A small RFC 4180 CSV reader for Open SDG data files. It keeps every field as raw text: typing
// (NA tokens, numbers) is the job of table.ts, because it is decided per column, as pandas does.

/** Raw CSV content: a header and the data rows, every row as long as the header. */
export interface CsvText {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Either the parsed value or why it could not be produced. */
export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly reason: string };

/**
 * Parse CSV text (RFC 4180: comma separator, `"` quoting with `""` escapes, CRLF or LF line ends).
 * A leading UTF-8 byte order mark is dropped and blank lines are skipped. Rows shorter than the
 * header are padded with empty fields (pandas reads the missing cells as NA); longer rows, an
 * unterminated quote or text after a closing quote are errors, reported with their line number.
 */
export function parseCsv(text: string): Outcome<CsvText> {
  const records = splitRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  if (!records.ok) return records;
  const [header, ...body] = records.records;
  if (header === undefined) return { ok: false, reason: 'the file is empty (no header line)' };
  const seen = new Set<string>();
  for (const name of header.fields) {
    if (seen.has(name)) return { ok: false, reason: `duplicate column "${name}" in the header` };
    seen.add(name);
  }
  const rows: string[][] = [];
  for (const record of body) {
    if (record.fields.length > header.fields.length) {
      return {
        ok: false,
        reason: `line ${record.line}: ${record.fields.length} fields, the header has ${header.fields.length}`,
      };
    }
    const row = [...record.fields];
    while (row.length < header.fields.length) row.push('');
    rows.push(row);
  }
  return { ok: true, header: header.fields, rows };
}

interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** Split the text into records of fields, honouring quotes (which may contain separators and newlines). */
function splitRecords(text: string): Outcome<{ records: CsvRecord[] }> {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // Whether the current record has any content; a bare line end on an empty record is a blank line.
  let started = false;
  const endRecord = (): void => {
    fields.push(field);
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: read up to the closing quote; "" stands for one quote.
      const quoteLine = line;
      started = true;
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      if (!closed) return { ok: false, reason: `line ${quoteLine}: unterminated quoted field` };
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, reason: `line ${line}: unexpected text after a closing quote` };
      }
      continue;
    }
    if (ch === ',') {
      started = true;
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      started = true;
      field += ch;
      i++;
    }
  }
  if (started || fields.length > 0) endRecord();
  return { ok: true, records };
}
