import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeDocument, MAX_DOCUMENT_BYTES } from './decode';

const sample = '经济实力显著提升，地区生产总值迈上2100亿元台阶。\n全区空气质量优良天数每年达305天以上。\n';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

describe('decodeDocument', () => {
  it('reads UTF-8 with and without a BOM', async () => {
    assert.deepEqual(await decodeDocument(utf8(sample), 'a.md'), {
      ok: true,
      text: sample,
      encoding: 'utf-8',
    });
    const withBom = await decodeDocument(cat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(sample)), 'a.txt');
    assert.deepEqual(withBom, { ok: true, text: sample, encoding: 'utf-8' });
  });

  it('reads GB18030/GBK without a hint', async () => {
    for (const enc of ['gb18030', 'gbk']) {
      const r = await decodeDocument(iconv.encode(sample, enc), 'a.txt');
      assert.deepEqual(r, { ok: true, text: sample, encoding: 'gb18030' }, enc);
    }
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const le = await decodeDocument(iconv.encode(sample, 'utf-16le', { addBOM: true }), 'a.txt');
    assert.deepEqual(le, { ok: true, text: sample, encoding: 'utf-16le' });
    const be = await decodeDocument(iconv.encode(sample, 'utf-16be', { addBOM: true }), 'a.txt');
    assert.deepEqual(be, { ok: true, text: sample, encoding: 'utf-16be' });
  });

  it('refuses empty, binary and undecodable input with a one-line reason', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(0), 'a.txt', /^empty file$/],
      [utf8('  \n\t\n'), 'a.txt', /empty file/],
      [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'a.md', /PNG/],
      [new Uint8Array(64), 'a.txt', /NUL byte/],
      [utf8('abc\x01\x02\x03\x04\x05\x06def'), 'a.txt', /control characters/],
      [Uint8Array.of(0x61, 0xff, 0xff, 0xfe, 0x80, 0x62), 'a.txt', /cannot decode/],
      [utf8('hello'), 'a.docx', /not a Word .docx/],
      [cat(Uint8Array.of(0x50, 0x4b, 0x03, 0x04), new Uint8Array(40)), 'a.docx', /cannot read the .docx/],
    ];
    for (const [bytes, name, re] of cases) {
      const r = await decodeDocument(bytes, name);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.reason, re);
        assert.ok(!r.reason.includes('\n'), r.reason);
      }
    }
  });

  it('refuses Latin-1 text that only looks like bytes of some encoding', async () => {
    const latin1 = Uint8Array.from(Buffer.from('Café résumé naïve — déjà vu, façade élan.', 'latin1'));
    const r = await decodeDocument(latin1, 'a.txt');
    assert.equal(r.ok, false);
  });

  it('refuses a document over the size limit', async () => {
    const r = await decodeDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'a.txt');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /too large/);
  });
});
