/**
 * The bulletin as a Word document in the official layout (GB/T 9704-2012), written with the
 * `docx` library: page, grid and fonts from layout.ts; headings 黑体 (一、) and 楷体 (（一）);
 * tables with their caption, unit and source; page numbers `— 1 —` at the outer corner (odd
 * pages right, even pages left); the issuing office and date at the end.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Block, OfficialDocument, TableBlock } from '../../../domain/reports';
import { charPitchPt, fonts, linePitchTwips, mm, pt, twips } from './layout';

const textWidthMm = mm.width - mm.left - mm.right;

const font = (name: string) => ({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: name, cs: name });
const run = (text: string, name: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(name), size: size * 2, ...extra });
const exact = { line: linePitchTwips, lineRule: LineRuleType.EXACT };
/** Two characters' indent of a body paragraph (首行缩进2字). */
const indent = { firstLine: pt.body * 20 * 2 };

function body(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, fonts.body, pt.body)],
    indent,
    spacing: exact,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: [run(text, level === 1 ? fonts.heading1 : fonts.heading2, pt.body)],
    indent,
    spacing: exact,
    keepNext: true,
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, header: boolean, width?: number): TableCell {
  return new TableCell({
    borders,
    ...(width === undefined ? {} : { width: { size: width, type: WidthType.PERCENTAGE } }),
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, header ? fonts.heading1 : fonts.body, pt.table)],
      }),
    ],
  });
}

function table(t: TableBlock): (Paragraph | Table)[] {
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: exact,
    children: [run(t.caption, fonts.heading1, pt.table + 2)],
  });
  const unit = t.unit
    ? [
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          children: [run(t.unit, fonts.body, pt.table)],
        }),
      ]
    : [];
  const grid = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(t.widths ? { columnWidths: t.widths.map((w) => Math.round((w / 100) * twips(textWidthMm))) } : {}),
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c, i) => cell(c, true, t.widths?.[i])) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, t.widths?.[i])) })),
    ],
  });
  const source = new Paragraph({ children: [run(t.source, fonts.body, pt.table)], spacing: { after: 120 } });
  return [caption, ...unit, grid, source];
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.flatMap((b) => (b.kind === 'paragraph' ? [body(b.text)] : table(b)));
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  // 单页码居右空一字，双页码居左空一字 (GB/T 9704-2012 7.5).
  const side =
    alignment === AlignmentType.RIGHT ? { right: pt.pageNumber * 20 } : { left: pt.pageNumber * 20 };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: side,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(fonts.pageNumber),
            size: pt.pageNumber * 2,
          }),
        ],
      }),
    ],
  });
}

/** The bulletin's .docx bytes. */
export async function bulletinDocx(b: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: linePitchTwips },
      children: [run(b.title, fonts.title, pt.title)],
    }),
  ];
  for (const s of b.sections) {
    children.push(heading(s.heading, 1), ...blocks(s.blocks));
    for (const sub of s.subsections) children.push(heading(sub.heading, 2), ...blocks(sub.blocks));
  }
  const signature = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: pt.body * 20 * 4 },
      spacing: exact,
      children: [run(text, fonts.body, pt.body)],
    });
  children.push(
    new Paragraph({ spacing: exact, children: [] }),
    signature(b.office),
    signature(b.issuedText),
  );
  const doc = new Document({
    creator: b.office,
    title: b.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(fonts.body), size: pt.body * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(mm.width), height: twips(mm.height) },
            margin: {
              top: twips(mm.top),
              bottom: twips(mm.bottom),
              left: twips(mm.left),
              right: twips(mm.right),
              header: twips(15),
              // The number's line sits about 7 mm below the text block.
              footer: twips(mm.bottom - 12),
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: linePitchTwips,
            // Character pitch relative to the 16 pt body font, in 1/4096 pt (ECMA-376 17.6.5).
            charSpace: Math.round((charPitchPt - pt.body) * 4096),
          },
        },
        footers: {
          default: pageNumberFooter(AlignmentType.RIGHT),
          even: pageNumberFooter(AlignmentType.LEFT),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
