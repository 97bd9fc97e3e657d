/**
 * .xlsx files as a row source: the first worksheet, header `indicator,period,value[,unit,source,
 * note]`, read with exceljs's streaming WorkbookReader after checkXlsx has refused oversized,
 * bomb-like or DOCTYPE-carrying files. Row numbers are Excel's own.
 */
import type { RawRow } from '../../domain/data-import';
import type { CsvRecord } from './csv-parser';
import { tabularRows, type RowSource, type SourceStats } from './sources';
import { checkXlsx, defaultXlsxLimits, type XlsxLimits } from './xlsx-guard';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a user typed. Excel turns `2024-05` typed into a cell into the date
 * 2024-05-01: a first-of-month date is read back as the month `2024-05`; other dates as YYYY-MM-DD
 * (which the validator then refuses as a period, naming it).
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const ym = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}`;
    return v.getUTCDate() === 1 ? ym : `${ym}-${pad(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    // A formula cell: its cached result, never the formula.
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return '';
}

async function* sheetRecords(file: string, onRows?: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  // Loaded on demand: exceljs is large, and a CSV import should not carry it in memory.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    let batch: CsvRecord[] = [];
    for await (const row of sheet) {
      const values = row.values as unknown[];
      // exceljs rows are 1-based: values[0] is always empty.
      batch.push({ row: row.number, fields: values.slice(1).map(cellText) });
      if (batch.length >= 2000) {
        onRows?.(batch.length);
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    // Only the first worksheet holds data; the template's others are help text.
    break;
  }
}

/** An .xlsx file as a row source; `prepare` must be awaited first (it refuses unsafe files). */
export function xlsxSource(
  file: string,
  onRows?: (n: number) => void,
  limits: XlsxLimits = defaultXlsxLimits,
): RowSource & { prepare(): Promise<void> } {
  const stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
  return {
    prepare: () => checkXlsx(file, limits),
    batches: tabularRows(sheetRecords(file, onRows), stats) as AsyncIterable<RawRow[]>,
    stats,
  };
}
