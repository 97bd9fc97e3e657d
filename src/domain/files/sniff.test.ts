import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table } from '../test-support';
import { nameForType, safeFileName, type SniffedType, sniffType } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffType', () => {
  const cases: [string, Uint8Array, string | null][] = [
    ['pdf', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [
      'docx',
      bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['a plain zip', bytes([0x50, 0x4b, 0x03, 0x04], 'payload.exe'), null],
    ['html named .pdf', bytes('<html><script>alert(1)</script>'), null],
    ['an executable', bytes([0x7f, 0x45, 0x4c, 0x46]), null],
    ['empty', new Uint8Array(), null],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(sniffType(input), expected));
  }
});

describe('safeFileName', () => {
  it('keeps Chinese names and strips paths, quotes and control characters', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('统计公报 2025.pdf'), '统计公报_2025.pdf');
    assert.equal(safeFileName('a"b\r\nc.pdf'), 'a_b_c.pdf');
    assert.equal(safeFileName('...'), 'file');
  });
});

describe('nameForType', () => {
  it('gives a file the extension of its detected type (issue 9)', () => {
    // name | detected type | name given
    const names = table`
      x.html    | application/pdf           | x.pdf
      report    | application/pdf           | report.pdf
      照片.JPEG | image/jpeg                | 照片.JPEG
      a.svg     | image/png                 | a.png
      old.xls   | application/x-ole-storage | old.xls
      old.exe   | application/x-ole-storage | old.bin
    `;
    for (const [name = '', type = '', given] of names)
      assert.equal(nameForType(name, type as SniffedType), given);
  });
});
