/**
 * The error report of an upload as .xlsx: every uploaded row (with its row number in the file),
 * bad cells filled red with a comment giving the reason, and an `errors` column listing them.
 * Text cells are neutralised so that a spreadsheet never runs them as formulas (SECURITY.md).
 */
import type { ImportProblem } from '../../contracts/imports';
import { neutraliseCell, type RawRow } from '../../domain/data-import';

const columns = ['indicator', 'period', 'value', 'unit', 'source', 'note'] as const;
const red = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

export async function errorReportXlsx(raw: RawRow[], errors: ImportProblem[]): Promise<Uint8Array> {
  const byRow = new Map<number, ImportProblem[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('errors', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'row', width: 8 },
    ...columns.map((c) => ({ header: c, width: c === 'note' || c === 'source' ? 24 : 14 })),
    { header: 'errors', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  const text = (s: string | null | undefined) => neutraliseCell(s ?? '');
  // A problem about the whole file (row 0) comes first.
  for (const e of byRow.get(0) ?? []) ws.addRow([0, '', '', '', '', '', '', e.reason]);
  for (const r of raw) {
    const problems = byRow.get(r.row) ?? [];
    const row = ws.addRow([
      r.row,
      text(r.indicator),
      text(r.period),
      text(r.value),
      text(r.unit),
      text(r.source),
      text(r.note),
      problems.map((p) => `${p.column}: ${p.reason}`).join('; '),
    ]);
    for (const p of problems) {
      const at = columns.indexOf(p.column as (typeof columns)[number]);
      const cell = row.getCell(at >= 0 ? at + 2 : 8);
      cell.fill = red;
      cell.note = p.reason;
    }
    if (problems.length > 0) row.getCell(8).font = { color: { argb: 'FF9C0006' } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
