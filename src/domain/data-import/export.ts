/** The CSV that `export-data` prints: one current observation per line, safe to open in Excel. */
import { csvField, neutraliseCell } from './values';

/** Columns of an export; `import-data` reads the first six and ignores the rest. */
export const exportColumns = [
  'indicator',
  'period',
  'value',
  'unit',
  'source',
  'note',
  'alternate',
  'status',
  'version',
  'recorded_at',
] as const;

/** One exported observation. */
export interface ExportRow {
  indicator: string;
  period: string;
  value: number;
  unit: string;
  source: string | null;
  note: string | null;
  alternate: boolean;
  status: string;
  version: number;
  recorded_at: string;
}

const text = (s: string | null) => csvField(neutraliseCell(s ?? ''));

/**
 * A CSV line (no line break). Text cells are neutralised against formula injection; the value is
 * written as a plain number so that `-3.5` stays a negative number, not the text `'-3.5`.
 */
export function exportLine(r: ExportRow): string {
  return [
    text(r.indicator),
    text(r.period),
    String(r.value),
    text(r.unit),
    text(r.source),
    text(r.note),
    r.alternate ? '1' : '',
    text(r.status),
    String(r.version),
    text(r.recorded_at),
  ].join(',');
}

/** The header line. */
export function exportHeader(): string {
  return exportColumns.join(',');
}
