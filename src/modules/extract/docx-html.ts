/**
 * Text of a .docx from mammoth's HTML: one line per paragraph or heading, and a Word table as
 * one line per row with its cells separated by tabs — the shape the task-division reader knows
 * from a table copied out of Word. A cell merged down several rows (rowspan, the usual 牵头单位
 * shared by a block of tasks) is repeated on each of them; one merged across columns (colspan)
 * keeps its place so the columns stay aligned. Pure.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return entities[e.toLowerCase()] ?? m;
  });
}

/** Inline text of an HTML fragment: tags dropped, <br> a space, whitespace folded. */
function inline(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

const span = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}="(\\d+)"`, 'i').exec(attrs);
  return m ? Math.max(1, Math.min(1000, Number(m[1]))) : 1;
};

function tableText(html: string): string[] {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) => m[1] ?? '');
  // Cells still owed to later rows by a rowspan: column → [text, rows left].
  const carried = new Map<number, [string, number]>();
  return rows.map((row) => {
    const out: string[] = [];
    let col = 0;
    const fill = () => {
      for (let c = carried.get(col); c; c = carried.get(col)) {
        out[col] = c[0];
        if (--c[1] === 0) carried.delete(col);
        col++;
      }
    };
    for (const cell of row.matchAll(/<t[dh]([^>]*)>([\s\S]*?)<\/t[dh]>/gi)) {
      fill();
      const attrs = cell[1] ?? '';
      const text = inline((cell[2] ?? '').replace(/<\/p>\s*<p[^>]*>/gi, ' '));
      const across = span(attrs, 'colspan');
      const down = span(attrs, 'rowspan');
      for (let k = 0; k < across; k++) {
        out[col] = k === 0 ? text : '';
        if (down > 1) carried.set(col, [k === 0 ? text : '', down - 1]);
        col++;
      }
    }
    fill();
    return Array.from(out, (c) => c ?? '').join('\t');
  });
}

/** The document's text: paragraphs, headings and list items one per line; tables row by row. */
export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  const blocks = /<table[^>]*>[\s\S]*?<\/table>|<(p|h[1-6]|li)[^>]*>([\s\S]*?)<\/\1>/gi;
  for (const m of html.matchAll(blocks)) {
    if (m[0].toLowerCase().startsWith('<table')) lines.push(...tableText(m[0]));
    else lines.push(inline(m[2] ?? ''));
  }
  return lines.join('\n');
}
