/**
 * Cell-level rules of bulk data files: reading a number as people type it, and writing cells that
 * a spreadsheet will not run as a formula.
 */

/** A value cell read as a number, or why not. */
export type ValueResult = { ok: true; value: number } | { ok: false; reason: string };

const plain = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Thousands separators only in whole groups of three: `1,234.5` yes, `1,23` (a decimal comma) no.
const grouped = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Full-width forms (０-９, ．, ，, －, ＋, ｅ) as typed with a Chinese input method become ASCII:
 * `１，２３４．５` is 1234.5. Only these characters are folded, so nothing else changes meaning.
 */
function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (ch === '．') out += '.';
    else if (ch === '，') out += ',';
    else if (ch === '－' || ch === '−') out += '-';
    else if (ch === '＋') out += '+';
    else if (ch === 'ｅ' || ch === 'Ｅ') out += 'e';
    else out += ch;
  }
  return out;
}

/**
 * Reads a value cell: plain decimals, scientific notation (as Excel writes large numbers),
 * thousands separators in groups of three, full-width digits. Refuses empty cells, percent signs
 * (the unit belongs in the unit column), decimal commas, NaN, infinities and numbers too large for
 * a double.
 */
export function parseValue(text: string): ValueResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'value is empty' };
  // ASCII-only text needs no folding (the fast path).
  const ascii = /^[\x00-\x7f]*$/.test(trimmed) ? trimmed : foldWidth(trimmed);
  let number: string;
  if (plain.test(ascii)) number = ascii;
  else if (grouped.test(ascii)) number = ascii.replace(/,/g, '');
  else return { ok: false, reason: `not a number: ${JSON.stringify(text.slice(0, 40))}` };
  const value = Number(number);
  if (!Number.isFinite(value)) return { ok: false, reason: `number out of range: ${text.slice(0, 40)}` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

const dangerous = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralises a text cell for CSV/Excel export (SECURITY.md V1.2.10): a cell starting with
 * `= + - @`, a tab or a carriage return gets a leading `'` so that a spreadsheet shows it as text
 * instead of running it as a formula. Numbers are not passed here: a negative value stays numeric.
 */
export function neutraliseCell(text: string): string {
  return text.length > 0 && dangerous.has(text[0] ?? '') ? `'${text}` : text;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of text cells, each neutralised, then quoted as needed. */
export function csvTextLine(cells: readonly (string | null)[]): string {
  return cells.map((c) => csvField(neutraliseCell(c ?? ''))).join(',');
}
