/** `shixiao import-data` / `export-data` (CONTRACT.md) run as a user runs them, good files and bad. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../src/db';
import { createTestDatabase, type TestDatabase } from '../databases';
import { demoPlanFile, opensdgCanadaDir } from '../fixtures';
import { runCli } from './run-cli';
import { cliEntry } from '../helpers/cli-entry';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-data-'));
const asOf = ['--as-of', '2027-06-30'];
/** Files of any size parsed and validated in the import thread (large ones always are). */
const inThread = { SHIXIAO_IMPORT_THREAD_FROM: '0' };

async function countObservations(location: string): Promise<number> {
  const db = await openDatabase(location);
  try {
    const r = await db.kysely
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await db.close();
  }
}

async function demoDb(name: string): Promise<string> {
  const db = join(dir, `${name}.db`);
  const r = await runCli(['import-plan', demoPlanFile, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return db;
}

const goodCsv = [
  'indicator,period,value,source,note',
  'gdp,2026,"1,850.5",区统计局,',
  'good_air_days,2026-01,24,,首月',
  'good_air_days,2026-02,"２６",,',
  'new_jobs,2026,4.2,,',
].join('\r\n');

/** good_air_days for 1,000 months from 1900-01, all plausible (23–29 days). */
function thousandRows(bad: Map<number, string> = new Map()): string {
  const lines = ['indicator,period,value'];
  for (let k = 0; k < 1000; k++) {
    const period = `${1900 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    lines.push(bad.get(k + 2) ?? `good_air_days,${period},${23 + (k % 7)}`);
  }
  return lines.join('\n') + '\n';
}

/** A minimal zip writer (deflate), enough to build hostile .xlsx files. */
function zip(
  entries: { name: string; data: Buffer; deflated?: Buffer; crc?: number; size?: number }[],
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflated ?? deflateRawSync(e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}

/** Deflates `total` bytes of a repeated row without ever holding them. */
async function deflateRepeated(
  head: string,
  row: string,
  total: number,
): Promise<{ body: Buffer; crc: number; size: number }> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => d.on('end', r));
  const chunk = Buffer.from(row.repeat(Math.ceil((1 << 20) / row.length)));
  let crc = crc32(head);
  d.write(head);
  let size = head.length;
  while (size < total) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!d.write(chunk)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return { body: Buffer.concat(out), crc, size };
}

async function writeXlsx(file: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** Runs the CLI under /usr/bin/time -v and returns its peak RSS in MB (or null where unavailable). */
function peakRssMb(args: string[]): { code: number | null; stderr: string; rss: number | null } {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...cliEntry, ...args], {
    encoding: 'utf8',
  });
  if (r.error) return { code: null, stderr: String(r.error), rss: null };
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { code: r.status, stderr: r.stderr, rss: m ? Number(m[1]) / 1024 : null };
}

describe('shixiao import-data / export-data [sqlite]', () => {
  it('imports a good CSV (thousands separators, full-width digits, CRLF) and export-data shows it', async () => {
    const db = await demoDb('good');
    const file = join(dir, 'good.csv');
    writeFileSync(file, '\ufeff' + goodCsv);
    const r = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(r.code, 0, r.stderr);
    // The demo plan already holds some of these periods (illustrative values): those are corrections.
    assert.match(r.stdout, /4 rows read; 2 added, 2 corrected, 0 unchanged/);
    const out = await runCli(['export-data', '--db', db, '--plan', 'yuzhong-2023']);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^indicator,period,value,/);
    assert.match(out.stdout, /\ngdp,2026,1850\.5,亿元,区统计局,/);
    assert.match(out.stdout, /\ngood_air_days,2026-01,24,天,,首月,/);
    assert.match(out.stdout, /\ngood_air_days,2026-02,26,/);
  });

  it('adds nothing when the same file is loaded twice', async () => {
    const db = await demoDb('twice');
    const file = join(dir, 'twice.csv');
    writeFileSync(file, goodCsv);
    assert.equal((await runCli(['import-data', file, '--db', db, ...asOf])).code, 0);
    const before = await countObservations(db);
    const again = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 added, 0 corrected, 4 unchanged/);
    assert.equal(await countObservations(db), before);
    const handle = await openDatabase(db);
    try {
      const audit = await handle.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'data.import')
        .execute();
      assert.equal(audit.length, 2);
      assert.deepEqual(JSON.parse(audit[0]?.after ?? '{}'), {
        file: 'twice.csv',
        rows: 4,
        added: 2,
        corrected: 2,
        unchanged: 0,
        status: 'accepted',
      });
    } finally {
      await handle.close();
    }
  });

  it('writes nothing when one row of 1,000 is bad, and names row, column and reason', async () => {
    const db = await demoDb('one-bad');
    const before = await countObservations(db);
    const file = join(dir, 'one-bad.csv');
    writeFileSync(file, thousandRows(new Map([[501, 'good_air_days,1941-08,abc']])));
    const r = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /one-bad\.csv: row 501, value: not a number: "abc"/);
    assert.match(r.stderr, /1 of 1000 rows are bad; nothing was imported/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.equal(await countObservations(db), before);
    writeFileSync(file, thousandRows());
    const fixed = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(await countObservations(db), before + 1000);
  });

  it('lists every bad row', async () => {
    const db = await demoDb('many-bad');
    const file = join(dir, 'many-bad.csv');
    const bad = new Map([
      [2, 'no_such_indicator,1900-01,25'],
      [40, 'good_air_days,1903-13,25'],
      [41, 'good_air_days,1903,25'],
      [300, 'good_air_days,1924-11,250'],
      [700, 'good_air_days,1900-02,25'],
      [1001, 'good_air_days,2030-01,25'],
    ]);
    writeFileSync(file, thousandRows(bad));
    const r = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(r.code, 1);
    for (const pattern of [
      /row 2, indicator: unknown indicator 'no_such_indicator'/,
      /row 40, period: period must be YYYY, YYYY-Qn or YYYY-MM/,
      /row 41, period: good_air_days is monthly: period must be YYYY-MM, not 1903/,
      /row 300, value: 250 is outside 1\/10…10×/,
      /row 700, period: second value of good_air_days for 1900-02 in this file \(first in row 3\)/,
      /row 1001, period: period 2030-01 has not ended by 2027-06-30/,
    ])
      assert.match(r.stderr, pattern);
    assert.match(r.stderr, /6 of 1000 rows are bad/);
  });

  it('imports an .xlsx made with exceljs exactly as the same CSV (read in the import thread)', async () => {
    const csvDb = await demoDb('same-csv');
    const xlsxDb = await demoDb('same-xlsx');
    const csv = join(dir, 'same.csv');
    writeFileSync(csv, goodCsv);
    const xlsx = join(dir, 'same.xlsx');
    await writeXlsx(xlsx, [
      ['indicator', 'period', 'value', 'source', 'note'],
      ['gdp', '2026', 1850.5, '区统计局', ''],
      ['good_air_days', '2026-01', 24, '', '首月'],
      ['good_air_days', '2026-02', 26, '', ''],
      ['new_jobs', 2026, 4.2, '', ''],
    ]);
    assert.equal((await runCli(['import-data', csv, '--db', csvDb, ...asOf])).code, 0);
    // Small files are read in the importing thread; this one goes through the worker thread.
    const r = await runCli(['import-data', xlsx, '--db', xlsxDb, ...asOf], { env: inThread });
    assert.equal(r.code, 0, r.stderr);
    const strip = (s: string) => s.replace(/,[^,\n]*$/gm, '');
    const a = await runCli(['export-data', '--db', csvDb]);
    const b = await runCli(['export-data', '--db', xlsxDb]);
    assert.equal(strip(b.stdout), strip(a.stdout));
  });

  it('refuses an .xlsx zip bomb with nothing written and memory bounded', async () => {
    const db = await demoDb('bomb');
    const before = await countObservations(db);
    const ok = join(dir, 'base.xlsx');
    await writeXlsx(ok, [['indicator', 'period', 'value']]);
    const sheet = await deflateRepeated(
      '<worksheet><sheetData>',
      '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
      1 << 30,
    );
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(
      file,
      zip([
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.alloc(0),
          deflated: sheet.body,
          crc: sheet.crc,
          size: sheet.size,
        },
      ]),
    );
    const r = peakRssMb(['import-data', file, '--db', db, ...asOf]);
    if (r.code === null) {
      const plain = await runCli(['import-data', file, '--db', db, ...asOf]);
      assert.equal(plain.code, 1);
      assert.match(plain.stderr, /zip bomb/);
    } else {
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /bomb\.xlsx: refused: .*inflates past the size limit/);
      assert.ok(r.rss !== null && r.rss < 300, `peak RSS ${r.rss} MB`);
    }
    assert.equal(await countObservations(db), before);
  });

  it('refuses an .xlsx whose XML declares a DOCTYPE/ENTITY', async () => {
    const db = await demoDb('xxe');
    const before = await countObservations(db);
    const xml = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>',
    );
    const file = join(dir, 'xxe.xlsx');
    writeFileSync(
      file,
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', data: xml },
      ]),
    );
    const r = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /xxe\.xlsx: refused: xl\/worksheets\/sheet1\.xml declares a DOCTYPE or ENTITY/);
    assert.equal(await countObservations(db), before);
  });

  it('imports Open SDG CSV: headline as the series, disaggregations kept as alternates (in the import thread)', async () => {
    const plan = join(dir, 'sdg.yaml');
    writeFileSync(
      plan,
      [
        'plan: {id: sdg, title: SDG, start: 2015, end: 2030, baseline_year: 2015}',
        'indicators:',
        '  - {id: 1-1-1, name: Poverty, unit: "%", direction: down, frequency: annual, measure: ratio}',
        '',
      ].join('\n'),
    );
    const db = join(dir, 'sdg.db');
    assert.equal((await runCli(['import-plan', plan, '--db', db, '--tenant', 'canada'])).code, 0);
    const file = join(opensdgCanadaDir(), 'data/indicator_1-1-1.csv');
    const r = await runCli(
      [
        'import-data',
        file,
        '--db',
        db,
        '--tenant',
        'canada',
        '--plan',
        'sdg',
        '--format',
        'opensdg',
        ...asOf,
      ],
      { timeoutMs: 60_000, env: inThread },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /indicator_1-1-1\.csv: \d+ rows read, \d+ of them disaggregated/);
    const out = await runCli(['export-data', '--db', db, '--tenant', 'canada', '--plan', 'sdg']);
    assert.match(out.stdout, /\n1-1-1,2015,14\.5,%,,,,accepted,1,/);
    assert.match(out.stdout, /\n1-1-1,\d{4},[\d.]+,%,Open SDG: [^,]*Geography=[^,]+,"\{""Geography""/);
    const again = await runCli(
      [
        'import-data',
        file,
        '--db',
        db,
        '--tenant',
        'canada',
        '--plan',
        'sdg',
        '--format',
        'opensdg',
        ...asOf,
      ],
      { timeoutMs: 60_000 },
    );
    assert.match(again.stdout, /; 0 added, 0 corrected/);
  });

  it("writes a department's Excel template that re-imports to nothing, and loads what is filled in", async () => {
    const db = await demoDb('template');
    const file = join(dir, 'sthjj.xlsx');
    const made = await runCli([
      'data-template',
      '--department',
      'sthjj',
      '--from',
      '2023',
      '--to',
      '2026',
      '-o',
      file,
      '--db',
      db,
    ]);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /template with 48 rows for department sthjj/);
    const untouched = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(untouched.code, 0, untouched.stderr);
    assert.match(untouched.stdout, /skipped \(left blank in the template\); 0 added, 0 corrected/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('data');
    assert.ok(ws);
    assert.equal(ws.getCell('A1').protection?.locked ?? true, true);
    // Row 1 holds the codes (hidden), row 2 the Chinese column names people read.
    assert.equal(ws.getRow(1).hidden, true);
    assert.equal(ws.getCell('C2').value, '数值');
    assert.equal(ws.getCell('C3').dataValidation?.type, 'decimal');
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(3).value === null && filled === 0) {
        row.getCell(3).value = 26;
        filled = n;
      }
    });
    await wb.xlsx.writeFile(file);
    const loaded = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.match(loaded.stdout, /; 1 added, 0 corrected/);
  });

  it('neutralises a note starting with = in the export, and keeps negative values numeric', async () => {
    const db = await demoDb('inject');
    const file = join(dir, 'inject.csv');
    writeFileSync(
      file,
      'indicator,period,value,source,note\ngdp_growth,2026,-1.5,@evil,"=HYPERLINK(""http://x"")"\n',
    );
    const r = await runCli(['import-data', file, '--db', db, ...asOf]);
    assert.equal(r.code, 0, r.stderr);
    const out = await runCli(['export-data', '--db', db]);
    assert.match(out.stdout, /\ngdp_growth,2026,-1\.5,%,'@evil,"'=HYPERLINK\(""http:\/\/x""\)",/);
  });
});

describe('shixiao import-data / export-data [postgres]', () => {
  let pg: TestDatabase;
  before(async () => {
    pg = await createTestDatabase('postgres');
  });
  after(async () => {
    await pg?.drop();
  });

  it('imports, re-imports nothing, refuses a bad file whole, and exports', async () => {
    assert.equal((await runCli(['import-plan', demoPlanFile, '--db', pg.location])).code, 0);
    const file = join(dir, 'pg.csv');
    writeFileSync(file, thousandRows());
    const first = await runCli(['import-data', file, '--db', pg.location, ...asOf]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /1000 added/);
    const count = await countObservations(pg.location);
    const again = await runCli(['import-data', file, '--db', pg.location, ...asOf]);
    assert.match(again.stdout, /0 added, 0 corrected, 1000 unchanged/);
    assert.equal(await countObservations(pg.location), count);
    writeFileSync(
      file,
      thousandRows(
        new Map([
          [10, 'good_air_days,1900-09,26'],
          [11, 'gdp,1900-10,1'],
        ]),
      ),
    );
    const bad = await runCli(['import-data', file, '--db', pg.location, ...asOf]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /row 11, period: gdp is annual/);
    assert.equal(await countObservations(pg.location), count);
    const out = await runCli(['export-data', '--db', pg.location]);
    assert.match(out.stdout, /\ngood_air_days,1900-01,23,天,,,,accepted,1,/);
    assert.ok(readFileSync(file).length > 0);
  });
});
