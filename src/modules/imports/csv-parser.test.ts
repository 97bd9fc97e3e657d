import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createCsvParser, CsvSyntaxError } from './csv-parser';

/** Parses `text` pushed in the given chunk sizes. */
function parse(text: string, sizes: number[] = [text.length || 1]) {
  const p = createCsvParser();
  const out = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = Math.max(1, sizes[k++ % sizes.length] ?? 1);
    out.push(...p.push(text.slice(i, i + n)));
    i += n;
  }
  out.push(...p.end());
  return out;
}

const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);

void describe('createCsvParser', () => {
  void it('reads quotes, commas, CRLF, a BOM, and numbers rows as a spreadsheet does', () => {
    const text = '\ufeffa,b\r\n"x, ""y""","line\nbreak"\r\n\r\nlast,';
    assert.deepEqual(parse(text), [
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, "y"', 'line\nbreak'] },
      { row: 4, fields: ['last', ''] },
    ]);
  });

  void it('refuses a stray quote and an unclosed one', () => {
    assert.throws(() => parse('a,b"c\n'), CsvSyntaxError);
    assert.throws(() => parse('a,"bc\n'), /not closed/);
  });

  void it('gives the same records however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '中', ' ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (rows, sizes) => {
          const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
          assert.deepEqual(
            parse(text, sizes).map((r) => r.fields),
            rows,
          );
        },
      ),
    );
  });
});
