/**
 * An incremental RFC 4180 CSV parser: quoted fields (with `""` escapes, commas and line breaks
 * inside), CRLF or LF line ends, a UTF-8 BOM. Text is pushed chunk by chunk as a file streams in;
 * only the record being read is held, so memory does not grow with the file.
 */

/** A parsed record and its number in the file (the first record, usually the header, is 1). */
export interface CsvRecord {
  row: number;
  fields: string[];
}

/** Malformed CSV: a quote in the middle of an unquoted field, or an unclosed quote at the end. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * A push parser. `push` returns the records completed by the chunk; `end` returns the last one.
 * Records are counted as a spreadsheet counts rows: a quoted line break does not start a row.
 * Blank lines are skipped (they are not rows of data) but still counted.
 */
export function createCsvParser() {
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  /** The previous chunk ended just after a quote inside a quoted field: `""` or the closing one? */
  let quotePending = false;
  let afterCr = false;
  let started = false;
  let row = 1;
  let first = true;

  const finishRecord = (out: CsvRecord[]) => {
    fields.push(field);
    const blank = !started && fields.length === 1 && fields[0] === '';
    if (!blank) out.push({ row, fields });
    field = '';
    fields = [];
    started = false;
    row++;
  };

  function push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let i = 0;
    const n = text.length;
    if (quotePending) {
      quotePending = false;
      if (text.charCodeAt(0) === QUOTE) {
        field += '"';
        i = 1;
      } else inQuotes = false;
    }
    while (i < n) {
      if (inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          break;
        }
        field += text.slice(i, q);
        if (q + 1 >= n) {
          quotePending = true;
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      if (afterCr) {
        afterCr = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (c === COMMA) {
        fields.push(field);
        field = '';
        started = true;
        i++;
      } else if (c === LF || c === CR) {
        finishRecord(out);
        afterCr = c === CR;
        i++;
      } else if (c === QUOTE) {
        if (field !== '') throw new CsvSyntaxError(row, 'a quote inside an unquoted field');
        inQuotes = true;
        started = true;
        i++;
      } else {
        // Copy a run of ordinary characters at once: most of a file is plain text.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR || d === QUOTE) break;
          j++;
        }
        field += text.slice(i, j);
        started = true;
        i = j;
      }
    }
    return out;
  }

  function end(): CsvRecord[] {
    if (quotePending) {
      quotePending = false;
      inQuotes = false;
    }
    if (inQuotes) throw new CsvSyntaxError(row, 'a quoted field is not closed before the end of the file');
    const out: CsvRecord[] = [];
    if (started || field !== '' || fields.length > 0) finishRecord(out);
    return out;
  }

  return { push, end };
}
