/**
 * The bulletin as one HTML page laid out like the .docx (GB/T 9704-2012): @page A4 with the same
 * margins, 28.95 pt lines (22 to the page), 三号 body, page numbers `— 1 —` in the outer corner
 * through @page margin boxes. Chromium prints it to PDF (pdf.ts). Every text is escaped.
 */
import type { Block, OfficialDocument, TableBlock } from '../../../domain/reports';
import { cssFonts, linePitchTwips, mm, pt } from './layout';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const line = `${linePitchTwips / 20}pt`;

const css = `
@page { size: A4; margin: ${mm.top}mm ${mm.right}mm ${mm.bottom}mm ${mm.left}mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: ${pt.pageNumber}pt ${cssFonts.pageNumber}; padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: ${pt.pageNumber}pt ${cssFonts.pageNumber}; padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { font-family: ${cssFonts.body}; font-size: ${pt.body}pt; line-height: ${line}; color: #000; }
body { margin: 0; }
h1 { font-family: ${cssFonts.title}; font-size: ${pt.title}pt; font-weight: normal; text-align: center; line-height: 1.4; margin: 0 0 ${line}; }
h2 { font-family: ${cssFonts.heading1}; font-size: ${pt.body}pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
h3 { font-family: ${cssFonts.heading2}; font-size: ${pt.body}pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.caption { font-family: ${cssFonts.heading1}; font-size: ${pt.table + 2}pt; text-align: center; text-indent: 0; break-after: avoid; }
.unit { font-size: ${pt.table}pt; text-align: right; text-indent: 0; line-height: 1.5; break-after: avoid; }
.source { font-size: ${pt.table}pt; text-indent: 0; line-height: 1.5; margin-bottom: 0.5em; }
table { width: 100%; border-collapse: collapse; font-size: ${pt.table}pt; line-height: 1.4; }
th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; }
th { font-family: ${cssFonts.heading1}; font-weight: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.signature { text-align: right; text-indent: 0; padding-right: 4em; }
`;

function tableHtml(t: TableBlock): string {
  const head = t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return (
    `<p class="caption">${escapeHtml(t.caption)}</p>` +
    (t.unit ? `<p class="unit">${escapeHtml(t.unit)}</p>` : '') +
    `<table>${t.widths ? `<colgroup>${t.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : ''}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="source">${escapeHtml(t.source)}</p>`
  );
}

const blocks = (list: Block[]) =>
  list.map((b) => (b.kind === 'paragraph' ? `<p>${escapeHtml(b.text)}</p>` : tableHtml(b))).join('');

/** The whole page, self-contained (no external resources). */
export function bulletinHtml(b: OfficialDocument): string {
  const sections = b.sections
    .map(
      (s) =>
        `<h2>${escapeHtml(s.heading)}</h2>${blocks(s.blocks)}` +
        s.subsections.map((x) => `<h3>${escapeHtml(x.heading)}</h3>${blocks(x.blocks)}`).join(''),
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(b.title)}</title><style>${css}</style></head><body><h1>${escapeHtml(b.title)}</h1>${sections}<p>&nbsp;</p><p class="signature">${escapeHtml(b.office)}</p><p class="signature">${escapeHtml(b.issuedText)}</p></body></html>`;
}
