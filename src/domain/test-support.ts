// Shared by the domain's unit tests only (no code outside *.test.ts imports it): case tables
// written one case a line, so that a table reads as data rather than as repeated code.
import { it } from 'node:test';

/** The rows of a table written one case a line, cells split by `|` and trimmed; blank lines skipped. */
export function table(strings: TemplateStringsArray): string[][] {
  return strings
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split('|').map((cell) => cell.trim()));
}

/** Words split by blanks: a compact list of single-word cases. */
export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** One test a case, named after it. */
export function eachCase<C extends readonly unknown[]>(
  cases: readonly C[],
  name: (...c: C) => string,
  check: (...c: C) => void,
): void {
  for (const c of cases) void it(name(...c), () => check(...c));
}
