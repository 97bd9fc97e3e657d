// Shared by the domain's unit tests only (no code outside *.test.ts imports it): case tables
// written one case a line, so that a table reads as data rather than as repeated code.
import assert from 'node:assert/strict';
import { it } from 'node:test';

/** A row of `table`: up to eight cells, the missing ones empty, so that a case destructures to strings. */
export type Row = [string, string, string, string, string, string, string, string];

/** The rows of a table written one case a line, cells split by `|` and trimmed; blank lines skipped. */
export function table(strings: TemplateStringsArray): Row[] {
  return strings
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      if (cells.length > 8) throw new Error(`more than eight cells: ${line}`);
      return Array.from({ length: 8 }, (_, i) => cells[i] ?? '') as Row;
    });
}

/** Words split by blanks: a compact list of single-word cases. */
export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** One test a case, named after it. */
export function eachCase<C>(
  cases: readonly C[],
  name: (c: NoInfer<C>) => string,
  check: (c: NoInfer<C>) => void,
): void {
  for (const c of cases) void it(name(c), () => check(c));
}

/** A cell of `tuples`: a number, null, or the word itself. */
const cell = (word: string): string | number | null =>
  word === 'null' ? null : word !== '' && !Number.isNaN(Number(word)) ? Number(word) : word;

/** Tuples written compactly: `;` between tuples, blanks between cells; numbers and `null` read as such. */
export const tuples = (text: string): (string | number | null)[][] =>
  text
    .split(';')
    .filter((tuple) => tuple.trim() !== '')
    .map((tuple) => words(tuple).map(cell));

/** A table cell, with `-` standing for null. */
export const orNull = (cell: string | undefined): string | null => (cell === '-' ? null : (cell ?? null));

/**
 * A document written as an indented template literal: the line break after the opening backtick,
 * the blanks that indent each line and the last line break are dropped (tabs stay: write `\t`).
 */
export function doc(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((all, part, i) => all + String(values[i - 1]) + part);
  return text.replace(/^\n/, '').replace(/^ +/gm, '').replace(/\n$/, '');
}

/** One test a case, `rejects: <name>`: `parse` refuses `text` with a reason that matches. */
export function eachRejected(
  parse: (text: string) => { ok: true } | { ok: false; reason: string },
  cases: readonly (readonly [name: string, text: string, reason: RegExp])[],
): void {
  for (const [name, text, reason] of cases) {
    void it(`rejects: ${name}`, () => {
      const result = parse(text);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }
}
