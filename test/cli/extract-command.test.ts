/** `shixiao extract` as CONTRACT.md fixes it, run as a child process, on every input it reads. */
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { parsePlanFile } from '../../src/domain/plan-file';
import { seedFile } from '../fixtures';
import { runCli } from './run-cli';

const seed = readFileSync(seedFile, 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'shixiao-extract-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes bytes under scratch/<dir>/<name> and returns the path. */
function put(dir: string, name: string, bytes: Uint8Array | string): string {
  mkdirSync(join(scratch, dir), { recursive: true });
  const path = join(scratch, dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('shixiao extract', () => {
  it('gives the same JSON for the seed in UTF-8, GB18030 and UTF-16 LE/BE with BOM', async () => {
    const files = [
      seedFile,
      put('gb18030', 'seed.md', iconv.encode(seed, 'gb18030')),
      put('utf16le', 'seed.md', iconv.encode(seed, 'utf-16le', { addBOM: true })),
      put('utf16be', 'seed.md', iconv.encode(seed, 'utf-16be', { addBOM: true })),
    ];
    const results = await Promise.all(
      files.map((f) => runCli(['extract', f, '--json', '--year', '2023'], { timeoutMs: 120_000 })),
    );
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const first = results[0]?.stdout ?? '';
    const rows = JSON.parse(first) as Record<string, unknown>[];
    assert.ok(rows.length >= 40, `only ${rows.length} statements`);
    for (const key of ['text', 'subject', 'value', 'unit', 'kind', 'qualifier', 'period', 'target_year']) {
      assert.ok(key in (rows[0] ?? {}), key);
    }
    const gdp = rows.find((r) => r.subject === '地区生产总值' && r.period === 'target');
    assert.deepEqual(
      [gdp?.value, gdp?.unit, gdp?.kind, gdp?.target_year],
      [210000000000, '元', 'level', 2027],
    );
    for (const r of results.slice(1)) assert.equal(r.stdout, first);
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['extract', seedFile, '--year', '2023']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /目标\s+2027\s+地区生产总值\s+≥2100亿元/);
  });

  it('reads a .docx file', async () => {
    const paragraphs = seed
      .split('\n')
      .filter((l) => /地区生产总值|空气质量优良天数每年|新增就业4万人/.test(l))
      .map((l) => new Paragraph(l.replace(/\*\*/g, '')));
    const doc = new Document({
      sections: [{ children: [new Paragraph('未来五年 工作目标举措'), ...paragraphs] }],
    });
    const file = put('docx', 'goals.docx', await Packer.toBuffer(doc));
    const r = await runCli(['extract', file, '--json', '--year', '2023']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { subject: string; value: number }[];
    assert.ok(rows.some((s) => s.subject === '地区生产总值' && s.value === 210000000000));
    assert.ok(rows.some((s) => s.value === 305));
  });

  it('refuses empty, binary, oversized and undecodable files with one line and no stdout', async () => {
    const big = join(scratch, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 21 * 1024 * 1024); // sparse: no 21 MB written to disk
    closeSync(fd);
    const png = Uint8Array.of(
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
    );
    const cases: [string, RegExp][] = [
      [put('bad', 'empty.md', ''), /empty file/],
      [put('bad', 'image.md', png), /binary file/],
      [put('bad', 'nuls.txt', new Uint8Array(100)), /binary file/],
      [big, /too large/],
      [put('bad', 'latin1.txt', Uint8Array.of(0x61, 0xff, 0xfe, 0x80, 0xff, 0x62, 0x0a)), /cannot decode/],
      [join(scratch, 'missing.md'), /no such file/],
    ];
    // One after another: six CLI processes at once outlast any timeout on a loaded machine.
    const results = [];
    for (const [f] of cases) results.push(await runCli(['extract', f, '--json'], { timeoutMs: 120_000 }));
    results.forEach((r, i) => {
      const [file, re] = cases[i] ?? ['', /./];
      assert.equal(r.code, 1, file);
      assert.equal(r.stdout, '', file);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.ok(r.stderr.includes(file), r.stderr);
      assert.match(r.stderr, re);
    });
  });

  it('refuses a .docx that is no zip, an encrypted one and a 21 MB one with one line and writes no draft', async () => {
    const big = join(scratch, 'big.docx');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 21 * 1024 * 1024); // sparse
    closeSync(fd);
    // An encrypted .docx is an OLE compound file (the encrypted package inside), not a zip.
    const ole = Uint8Array.of(
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    );
    const cases: [string, RegExp][] = [
      [put('baddocx', 'notes.docx', '牵头单位：区发改委\n'), /not a Word \.docx file \(not a ZIP archive\)/],
      [put('baddocx', 'secret.docx', ole), /password-protected \(encrypted\)/],
      [big, /too large/],
    ];
    for (const [file, re] of cases) {
      const out = `${file}.plan.yaml`;
      const r = await runCli(['extract', file, '--plan', '-o', out], { timeoutMs: 120_000 });
      assert.equal(r.code, 1, file);
      assert.equal(r.stdout, '', file);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
      assert.throws(() => readFileSync(out), /ENOENT/, `${out} must not be written`);
    }
  });

  it('drafts a plan file from the seed that parses and imports', async () => {
    const planFile = join(scratch, 'draft.yaml');
    const made = await runCli(['extract', seedFile, '--plan', '-o', planFile]);
    assert.equal(made.code, 0, made.stderr);
    const yaml = readFileSync(planFile, 'utf8');
    const parsed = parsePlanFile(yaml);
    assert.ok(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.problems));
    const plan = parsed.plan;
    assert.deepEqual(
      [plan.plan.id, plan.plan.start, plan.plan.end, plan.plan.baseline_year],
      ['yuzhong-plenary-2023', 2023, 2027, 2022],
    );
    assert.equal(plan.goal_areas.length, 6);
    assert.equal(plan.programmes.length, 12);
    for (const p of plan.programmes) assert.ok(p.actions.length >= 3, p.name);
    const gdp = plan.targets.find((t) => t.value === 2100);
    assert.equal(plan.indicators.find((i) => i.id === gdp?.indicator)?.unit, '亿元');
    const air = plan.targets.find((t) => t.value === 305);
    assert.equal(air?.kind, 'annual_floor');
    assert.equal(plan.indicators.find((i) => i.id === air?.indicator)?.unit, '天');

    const stdout = await runCli(['extract', seedFile, '--plan']);
    assert.equal(stdout.stdout, yaml);

    const db = join(scratch, 'import.db');
    const imported = await runCli(['import-plan', planFile, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /created as version 1/);
  });

  it('gives the links with --plan --json', async () => {
    const r = await runCli(['extract', seedFile, '--plan', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const draft = JSON.parse(r.stdout) as {
      links: { kind: string; id: string; start: number; end: number }[];
    };
    const t = draft.links.find((l) => l.kind === 'target');
    assert.ok(t && seed.slice(t.start, t.end).length > 0);
    assert.equal(draft.links.filter((l) => l.kind === 'programme').length, 12);
  });
});
