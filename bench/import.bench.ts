/**
 * Bulk import at scale: a 1,000,000-row CSV (100 monthly indicators × 10,000 months) loaded by
 * `shixiao import-data` in a child process into a fresh SQLite file, beside a baseline measured in
 * the same run: a bare better-sqlite3 prepared-statement insert loop of the same rows, in one
 * transaction, into a copy of the same database (same schema, indexes and pragmas).
 * Goals (issue 6): at least half the baseline's rows/s, peak RSS under 300 MB.
 *
 * Run: node --import tsx -e "import('./bench/import.bench.ts').then(m=>m.benchImport()).then(r=>console.log(r))"
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase, pgAdminUrl } from '../test/databases';
import type { BenchResult } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const INDICATORS = 100;
const MONTHS = 10_000;
const FIRST_YEAR = 1000;
let built = false;

const period = (m: number) => `${FIRST_YEAR + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
const value = (i: number, m: number) => Math.round((100 + i + (m % 97) * 0.37) * 100) / 100;

function planFile(): string {
  const lines = [
    'plan: {id: bench, title: Bench, start: 2020, end: 2030, baseline_year: 2020}',
    'indicators:',
  ];
  for (let i = 0; i < INDICATORS; i++)
    lines.push(`  - {id: i${i}, name: I${i}, unit: 亿元, direction: up, frequency: monthly, measure: flow}`);
  return lines.join('\n') + '\n';
}

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('indicator,period,value\n');
  for (let i = 0; i < INDICATORS; i++) {
    let chunk = '';
    for (let m = 0; m < MONTHS; m++) chunk += `i${i},${period(m)},${value(i, m)}\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/**
 * Runs the `shixiao` executable as a user runs it (the compiled build, made fresh before the first
 * run), returning wall seconds, CPU seconds and peak RSS (MB; NaN where /usr/bin/time is missing).
 */
function cli(args: string[]): { seconds: number; cpuSeconds: number; rssMb: number; stdout: string } {
  if (!built) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs', '--server-only', '--if-stale'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (b.status !== 0) throw new Error(`npm run build failed: ${b.stderr.slice(-2000)}`);
    built = true;
  }
  const timed = existsSync('/usr/bin/time');
  const cmd = timed ? '/usr/bin/time' : process.execPath;
  const argv = [...(timed ? ['-v', process.execPath] : []), 'bin/shixiao.mjs', ...args];
  const start = performance.now();
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`shixiao ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const cpu = (label: string) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return {
    seconds,
    cpuSeconds: cpu('User') + cpu('System'),
    rssMb: m ? Number(m[1]) / 1024 : NaN,
    stdout: r.stdout,
  };
}

/** The baseline: the same rows, one prepared INSERT per row, one transaction. */
function baseline(dbFile: string): number {
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const ids = db.prepare('select id, code from indicators order by position').all() as {
    id: number;
    code: string;
  }[];
  const tenant = (db.prepare('select id from tenants limit 1').get() as { id: number }).id;
  const rows: [number, string, number][] = [];
  for (let i = 0; i < INDICATORS; i++)
    for (let m = 0; m < MONTHS; m++) rows.push([ids[i]?.id ?? 0, period(m), value(i, m)]);
  const insert = db.prepare(
    `insert into observations (tenant_id, indicator_id, period, value, source, note, alternate, status, version,
       replaces_id, recorded_by, recorded_at, reason, position) values (?, ?, ?, ?, null, null, 0, 'accepted', 1, null, null, ?, null, ?)`,
  );
  const now = new Date().toISOString();
  const start = performance.now();
  db.transaction(() => {
    for (const [k, r] of rows.entries()) insert.run(tenant, r[0], r[1], r[2], now, k + 2);
  })();
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows.length / seconds;
}

/**
 * PostgreSQL: the same CSV through `import-data`, beside PostgreSQL's own bulk path — COPY of the
 * same rows (as observation rows) into a copy of the same database, by psql.
 */
async function postgresFigures(dir: string, plan: string, csv: string, rows: number): Promise<BenchResult[]> {
  const ours = await createTestDatabase('postgres');
  const name = (u: string) => new URL(u).pathname.slice(1);
  const copyDb = `${name(ours.location)}_copy`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  try {
    cli(['import-plan', plan, '--db', ours.location]);
    await admin.query(`CREATE DATABASE ${copyDb} TEMPLATE ${name(ours.location)}`);
    const run = cli(['import-data', csv, '--db', ours.location, '--plan', 'bench', '--as-of', '2026-01-01']);
    if (!run.stdout.includes(`${rows} added`)) throw new Error(`unexpected import result: ${run.stdout}`);
    const copyUrl = new URL(ours.location);
    copyUrl.pathname = `/${copyDb}`;
    const target = new pg.Client({ connectionString: copyUrl.toString() });
    await target.connect();
    const ids = (await target.query<{ id: number }>('select id from indicators order by position')).rows;
    const tenant = (await target.query<{ id: number }>('select id from tenants limit 1')).rows[0]?.id ?? 0;
    await target.end();
    const rowsFile = join(dir, 'copy.csv');
    const now = new Date().toISOString();
    const out = createWriteStream(rowsFile);
    for (let i = 0; i < INDICATORS; i++) {
      let chunk = '';
      for (let m = 0; m < MONTHS; m++)
        chunk += `${tenant},${ids[i]?.id ?? 0},${period(m)},${value(i, m)},0,accepted,1,${now},${i * MONTHS + m + 2}\n`;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const columns =
      'tenant_id, indicator_id, period, value, alternate, status, version, recorded_at, position';
    const start = performance.now();
    const copy = spawnSync(
      'psql',
      [
        copyUrl.toString(),
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy observations (${columns}) from '${rowsFile}' csv`,
      ],
      { encoding: 'utf8' },
    );
    const copySeconds = (performance.now() - start) / 1000;
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
    const rate = rows / run.seconds;
    const copyRate = rows / copySeconds;
    return [
      {
        name: 'import-data: 1,000,000-row CSV into PostgreSQL (whole CLI run)',
        value: Math.round(rate),
        unit: 'rows/s',
        baseline: Math.round(copyRate),
        note: `${(rate / copyRate).toFixed(2)}× COPY of the same rows by psql (goal: within 2×, i.e. ≥ 0.5×); ${run.seconds.toFixed(1)} s vs ${copySeconds.toFixed(1)} s; peak RSS ${Math.round(run.rssMb)} MB`,
      },
    ];
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${copyDb} WITH (FORCE)`);
    await admin.end();
    await ours.drop();
  }
}

/** Imports 1,000,000 rows through the CLI and compares with the bare insert loop. */
export async function benchImport(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-bench-import-'));
  try {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, planFile());
    const csv = join(dir, 'data.csv');
    await writeCsv(csv);
    const fresh = join(dir, 'fresh.db');
    cli(['import-plan', plan, '--db', fresh]);
    const rows = INDICATORS * MONTHS;
    // Three runs of each, alternated, each into its own copy of the same fresh database: the
    // median is the figure (one run moved ±10 % on this machine), the peak RSS the largest seen.
    const runs: ReturnType<typeof cli>[] = [];
    const baselines: number[] = [];
    for (let k = 0; k < 3; k++) {
      const db = join(dir, `import-${k}.db`);
      copyFileSync(fresh, db);
      const run = cli(['import-data', csv, '--db', db, '--plan', 'bench', '--as-of', '2026-01-01']);
      if (!run.stdout.includes(`${rows} added`)) throw new Error(`unexpected import result: ${run.stdout}`);
      runs.push(run);
      const base = join(dir, `baseline-${k}.db`);
      copyFileSync(fresh, base);
      baselines.push(baseline(base));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? NaN;
    const run = runs.find((r) => r.seconds === median(runs.map((x) => x.seconds))) ?? runs[0];
    const rssMb = Math.max(...runs.map((r) => r.rssMb));
    const again = cli([
      'import-data',
      csv,
      '--db',
      join(dir, 'import-0.db'),
      '--plan',
      'bench',
      '--as-of',
      '2026-01-01',
    ]);
    const baselineRate = median(baselines);
    const rate = rows / run.seconds;
    return [
      {
        name: 'import-data: 1,000,000-row CSV into SQLite (whole CLI run: start, parse, validate, write)',
        value: Math.round(rate),
        unit: 'rows/s',
        baseline: Math.round(baselineRate),
        note: `${(rate / baselineRate).toFixed(2)}× the bare prepared-insert loop (goal ≥ 0.7×); median of 3 runs each: ${runs.map((r) => r.seconds.toFixed(1)).join(' / ')} s vs ${baselines.map((b) => (rows / b).toFixed(1)).join(' / ')} s`,
      },
      {
        name: 'import-data: peak RSS of the 1,000,000-row import',
        value: Math.round(rssMb),
        unit: 'MB',
        baseline: 250,
        note: `baseline column = the limit (goal < 250 MB); the largest of 3 runs: ${runs.map((r) => Math.round(r.rssMb)).join(' / ')} MB`,
      },
      {
        name: 'import-data: the same file again (nothing to write)',
        value: Math.round(rows / again.seconds),
        unit: 'rows/s',
        baseline: Math.round(baselineRate),
        note: `peak RSS ${Math.round(again.rssMb)} MB; ${again.seconds.toFixed(1)} s`,
      },
      ...(await postgresFigures(dir, plan, csv, rows)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
