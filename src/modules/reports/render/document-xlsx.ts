/**
 * A short document (fact sheet, plan summary) as a workbook: a first sheet with the title, office,
 * date and the paragraphs in order, then one sheet per table (caption, unit and source kept).
 * Text cells are neutralised against formula injection (SECURITY.md V1.2.10); a cell that is a
 * plain number is written as a number so it sums in Excel.
 */
import type ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../domain/data-import';
import type { OfficialDocument, TableBlock } from '../../../domain/reports';

const plainNumber = /^-?\d+(\.\d+)?$/;
const cell = (text: string): string | number =>
  plainNumber.test(text) ? Number(text) : neutraliseCell(text);

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(caption: string, taken: Set<string>, n: number): string {
  const base =
    caption
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 26) || `表${n}`;
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}(${k})`;
  taken.add(name);
  return name;
}

function tableSheet(book: ExcelJS.Workbook, t: TableBlock, name: string): void {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([neutraliseCell(t.unit ? `${t.caption}（单位：${t.unit}）` : t.caption)]).font = { bold: true };
  ws.addRow(t.columns.map(neutraliseCell)).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map(cell));
  ws.addRow([]);
  ws.addRow([neutraliseCell(t.source)]);
  t.columns.forEach(
    (c, i) => (ws.getColumn(i + 1).width = Math.max(10, (t.widths?.[i] ?? 0) * 0.8, c.length * 2 + 2)),
  );
}

export async function documentXlsx(doc: OfficialDocument): Promise<Buffer> {
  // Loaded on first use, not at start-up (as the imports module does).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = doc.office;
  book.title = doc.title;
  const front = book.addWorksheet('说明');
  front.addRow([neutraliseCell(doc.title)]).font = { bold: true, size: 14 };
  front.addRow([neutraliseCell(`${doc.office}　${doc.issuedText}`)]);
  front.getColumn(1).width = 100;
  const taken = new Set(['说明']);
  let n = 0;
  const blocks = doc.sections.flatMap((s) => [
    { heading: s.heading, blocks: s.blocks },
    ...s.subsections.map((u) => ({ heading: u.heading, blocks: u.blocks })),
  ]);
  for (const part of blocks) {
    front.addRow([]);
    front.addRow([neutraliseCell(part.heading)]).font = { bold: true };
    for (const b of part.blocks) {
      if (b.kind === 'paragraph') {
        front.addRow([neutraliseCell(b.text)]).alignment = { wrapText: true };
      } else {
        const name = sheetName(b.caption, taken, ++n);
        front.addRow([neutraliseCell(`见工作表“${name}”`)]);
        tableSheet(book, b, name);
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
