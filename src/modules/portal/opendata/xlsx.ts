/** Tables as an XLSX workbook (exceljs): text cells neutralised against formulas, numbers numeric. */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../domain/data-import';
import type { Cell, Table } from './tables';

function cell(c: Cell): string | number | boolean | null {
  return typeof c === 'string' ? neutraliseCell(c) : c;
}

/** One sheet per table; the first row holds the column names. */
export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Shixiao';
  // A fixed date keeps the file the same from one export to the next.
  book.created = new Date(0);
  book.modified = new Date(0);
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.fields.map((f) => f.name));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(cell));
    sheet.columns.forEach((col) => (col.width = 16));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
