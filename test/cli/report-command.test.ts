/**
 * `shixiao report bulletin --month YYYY-MM -o FILE` (CONTRACT.md): a good run writes the format of
 * the extension; bad input — a month that is not YYYY-MM, a month before the plan starts, an
 * unknown extension, an output path that cannot be written — is one line on stderr, exit 1, and
 * no file (not even a partial or temporary one) left behind.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { demoPlanFile } from '../fixtures';
import { runCli } from './run-cli';

describe('shixiao report bulletin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-report-'));
  const db = join(dir, 'demo.db');
  const out = join(dir, 'out');
  before(async () => {
    const r = await runCli(['import-plan', demoPlanFile, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the .docx of a month (a zip with the document part)', async () => {
    const file = join(dir, 'b.docx');
    const r = await runCli(['report', 'bulletin', '--month', '2026-10', '--db', db, '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /b\.docx: bulletin of 2026-10 written/);
    assert.equal(readFileSync(file).subarray(0, 2).toString(), 'PK');
  });

  it('writes an indicator fact sheet and the plan summary, and names an unknown indicator', async () => {
    const sheet = join(dir, 'air.docx');
    const r = await runCli([
      'report',
      'factsheet',
      '--indicator',
      'good_air_days',
      '--month',
      '2026-10',
      '--db',
      db,
      '-o',
      sheet,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      execFileSync('unzip', ['-p', sheet, 'word/document.xml'], { encoding: 'utf8' }),
      /空气质量优良天数指标情况/,
    );
    const summary = await runCli([
      'report',
      'summary',
      '--month',
      '2026-10',
      '--db',
      db,
      '-o',
      join(dir, 's.docx'),
    ]);
    assert.equal(summary.code, 0, summary.stderr);
    const unknown = await runCli([
      'report',
      'factsheet',
      '--indicator',
      'nope',
      '--month',
      '2026-10',
      '--db',
      db,
      '-o',
      join(dir, 'n.docx'),
    ]);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr, "shixiao: --indicator nope: no such indicator in plan 'yuzhong-2023'\n");
    assert.equal(existsSync(join(dir, 'n.docx')), false);
  });

  it('writes the fact sheet and the plan summary as .xlsx too (read back with exceljs)', async () => {
    const texts = async (file: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const all: string[] = [];
      book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => all.push(c.text))));
      return { names: book.worksheets.map((w) => w.name), all };
    };
    const sheet = join(dir, 'air.xlsx');
    const month = ['--month', '2026-10', '--db', db, '-o'];
    const r = await runCli(['report', 'factsheet', '--indicator', 'good_air_days', ...month, sheet]);
    assert.equal(r.code, 0, r.stderr);
    const f = await texts(sheet);
    assert.equal(f.names[0], '说明');
    assert.ok(f.names.length > 1, `a sheet per table: ${f.names.join(', ')}`);
    assert.ok(
      f.all.some((t) => /空气质量优良天数指标情况/.test(t)),
      'the title',
    );
    const summary = join(dir, 's.xlsx');
    const s = await runCli(['report', 'summary', ...month, summary]);
    assert.equal(s.code, 0, s.stderr);
    const p = await texts(summary);
    assert.equal(p.names[0], '说明');
    for (const heading of ['一、总体情况', '二、需要关注的事项', '三、部门排名'])
      assert.ok(p.all.includes(heading), `${heading} in ${p.all.join(' | ')}`);
  });

  const bad: [string, string[], RegExp][] = [
    ['a month that is not YYYY-MM', ['--month', '2026-13', '-o', 'x.docx'], /--month 2026-13: use YYYY-MM/],
    ['a short month', ['--month', '26-10', '-o', 'x.docx'], /--month 26-10: use YYYY-MM/],
    [
      'a month before the plan starts',
      ['--month', '2022-12', '-o', 'x.docx'],
      /--month 2022-12: before the plan starts \(2023\)/,
    ],
    [
      'an unknown extension',
      ['--month', '2026-10', '-o', 'x.txt'],
      /-o .*x\.txt: unknown extension, use \.docx, \.pdf or \.xlsx/,
    ],
    [
      'a folder that does not exist',
      ['--month', '2026-10', '-o', 'missing/x.pdf'],
      /-o .*missing\/x\.pdf: cannot write \(ENOENT\)/,
    ],
    [
      'a path that is a folder',
      ['--month', '2026-10', '-o', 'folder.xlsx'],
      /-o .*folder\.xlsx: cannot write \(E(ISDIR|EXIST|NOTEMPTY|PERM)\)/,
    ],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name} with one line and no file`, async () => {
      rmSync(out, { recursive: true, force: true });
      mkdirSync(join(out, 'folder.xlsx'), { recursive: true });
      const target = args.map((a, i) => (args[i - 1] === '-o' ? join(out, a) : a));
      const r = await runCli(['report', 'bulletin', '--db', db, ...target]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/, 'no stack trace');
      assert.deepEqual(readdirSync(out), ['folder.xlsx'], 'nothing written, no temporary file');
      assert.deepEqual(readdirSync(join(out, 'folder.xlsx')), []);
      assert.equal(existsSync(join(out, 'x.docx')), false);
    });
  }
});
