/**
 * Row sources: a file streamed into batches of raw rows (every cell still text) for the
 * validator. CSV and Open SDG CSV are read here; XLSX in xlsx-source.ts. Structural problems
 * (a missing column, broken quoting) stop the load with an ImportFileError naming row and column.
 */
import { createReadStream } from 'node:fs';
import type { RawRow } from '../../domain/data-import';
import { createCsvParser, CsvSyntaxError, type CsvRecord } from './csv-parser';

/** A problem with the file as a whole: nothing can be read past it. */
export class ImportFileError extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a source reports besides its rows. */
export interface SourceStats {
  /** Rows left out on purpose (e.g. empty Open SDG values), with why. */
  skipped: number;
  skippedWhy: string;
  /** Open SDG: disaggregated rows kept as alternate series. */
  breakdownRows: number;
}

/** Rows in batches, plus counters filled in while they stream. */
export interface RowSource {
  batches: AsyncIterable<RawRow[]>;
  stats: SourceStats;
}

/** Streams CSV records from a file in batches (one per read chunk); `onBytes` reports progress. */
export async function* csvRecords(file: string, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  const parser = createCsvParser();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 16 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      onBytes?.(Buffer.byteLength(chunk));
      // Invalid UTF-8 decodes to U+FFFD: refuse rather than store mangled notes (Excel's
      // "CSV UTF-8" format, or a GB18030 file converted first, both load).
      if (chunk.includes('\ufffd'))
        throw new ImportFileError(0, '', 'the file is not UTF-8 text (save it as "CSV UTF-8")');
      const records = parser.push(chunk);
      if (records.length > 0) yield records;
    }
    const last = parser.end();
    if (last.length > 0) yield last;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ImportFileError(error.row, '', error.message);
    throw error;
  } finally {
    stream.destroy();
  }
}

const required = ['indicator', 'period', 'value'] as const;
const optional = ['unit', 'source', 'note'] as const;
/** Columns that export-data and the Excel template write and import-data reads past. */
const ignored = new Set([
  'status',
  'version',
  'recorded_at',
  'name',
  'last_period',
  'last_value',
  'preliminary',
]);
/** The department template's second row: the column names people read (指标代码, 期间, 数值 …). */
const templateLabel = '指标代码';

/** Maps a header row (`indicator,period,value[,unit,source,note]`) to column positions. */
export function tabularHeader(
  header: string[],
): Record<(typeof required)[number] | (typeof optional)[number] | 'alternate' | 'template', number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  for (const name of required)
    if (at(name) < 0)
      throw new ImportFileError(
        1,
        name,
        `missing column '${name}' (the header must name indicator, period, value)`,
      );
  names.forEach((name, i) => {
    if (![...required, ...optional, 'alternate'].includes(name) && !ignored.has(name) && name !== '')
      throw new ImportFileError(
        1,
        header[i] ?? '',
        `unknown column '${header[i] ?? ''}' (expected indicator, period, value, unit, source, note)`,
      );
  });
  return {
    indicator: at('indicator'),
    period: at('period'),
    value: at('value'),
    unit: at('unit'),
    source: at('source'),
    note: at('note'),
    alternate: at('alternate'),
    // The department template (data-template) carries `last_value`: its blank rows are skipped.
    template: at('last_value'),
  };
}

/**
 * Rows of a plain CSV (or any table of text cells with a header). Rows marked `alternate` in an
 * export are other sources' figures: they are skipped and counted, never loaded as main values.
 */
export async function* tabularRows(
  records: AsyncIterable<CsvRecord[]>,
  stats: SourceStats,
): AsyncGenerator<RawRow[]> {
  let columns: ReturnType<typeof tabularHeader> | undefined;
  for await (const batch of records) {
    const rows: RawRow[] = [];
    for (const r of batch) {
      if (!columns) {
        columns = tabularHeader(r.fields);
        continue;
      }
      const f = r.fields;
      if (columns.template >= 0 && (f[columns.indicator] ?? '').trim() === templateLabel) continue;
      if (columns.alternate >= 0 && /^(1|true|yes)$/i.test(f[columns.alternate] ?? '')) {
        stats.skipped++;
        stats.skippedWhy = 'alternate figures are not loaded by import-data';
        continue;
      }
      if (columns.template >= 0 && (f[columns.value] ?? '').trim() === '') {
        stats.skipped++;
        stats.skippedWhy = 'left blank in the template';
        continue;
      }
      rows.push({
        row: r.row,
        indicator: f[columns.indicator] ?? '',
        period: f[columns.period] ?? '',
        value: f[columns.value] ?? '',
        unit: columns.unit >= 0 ? (f[columns.unit] ?? '') : null,
        source: columns.source >= 0 ? (f[columns.source] ?? '') : null,
        note: columns.note >= 0 ? (f[columns.note] ?? '') : null,
      });
    }
    if (rows.length > 0) yield rows;
  }
  if (!columns) throw new ImportFileError(1, '', 'the file is empty (no header row)');
}

/** A plain CSV file as a row source. */
export function csvSource(file: string, onBytes?: (n: number) => void): RowSource {
  const stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
  return { batches: tabularRows(csvRecords(file, onBytes), stats), stats };
}
