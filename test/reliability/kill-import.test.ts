/**
 * Reliability (SECURITY.md, issue 15): `shixiao import-data` of a 100,000-row CSV, run as a user
 * runs it, is killed with SIGKILL at seeded random moments. After every kill the database is whole
 * (SQLite `PRAGMA integrity_check`) and the import is all or nothing: the observations are exactly
 * those before it, or those plus every row of the file, with one `data.import` audit row per
 * import that completed. A normal import then succeeds.
 * Each attempt carries other values than the one before, so every import has 100,000 rows to
 * write (corrections are new versions), not "unchanged" rows.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DialectName } from '../../src/db';
import { runCli } from '../cli/run-cli';
import { createTestDatabase, type TestDatabase } from '../databases';
import { demoPlanFile } from '../fixtures';
import { cliEntry } from '../helpers/cli-entry';
import { importState } from '../helpers/import-state';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'shixiao-kill-import-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const kills: Record<DialectName, number> = { sqlite: 15, postgres: 15 };
const importArgs = ['--as-of', '2027-06-30', '--allow-outliers'];

/** Annual indicators of the demo plan that are entered, not computed. */
const annual = (
  'gdp gdp_growth resident_population area_land area_total area_construction_land ' +
  'modern_services_va tertiary_va tertiary_va_growth fai fai_growth urbanization_rate retail_sales ' +
  'retail_rank deposits_loans software_enterprises software_info_enterprises software_revenue rd_spend ' +
  'high_tech_enterprises invention_patents_per_10k old_housing_renovation urban_renewal_pilots ' +
  'major_projects_completed mountain_walkways consulates fortune500_share civic_units ' +
  'civilised_city_years ridgeline_restored riverbank_upgraded slope_greening new_jobs ' +
  'livelihood_projects elderly_facility_coverage community_complexes community_satisfaction insurance_coverage'
).split(' ');

/** 24,000 months of good_air_days from 0001-01 and 2,000 years of 38 annual indicators: 100,000 rows. */
function bigCsv(attempt: number): string {
  const y = (n: number) => String(n).padStart(4, '0');
  // Values cycle through 7, shifted by attempt k and carrying k/100, so no row equals what any
  // earlier attempt stored.
  const v = (n: number) => 23 + ((n + attempt) % 7) + attempt / 100;
  const lines = ['indicator,period,value'];
  for (let k = 0; k < 24_000; k++)
    lines.push(`good_air_days,${y(1 + Math.floor(k / 12))}-${String((k % 12) + 1).padStart(2, '0')},${v(k)}`);
  for (const id of annual) for (let year = 1; year <= 2000; year++) lines.push(`${id},${y(year)},${v(year)}`);
  return lines.join('\n') + '\n';
}
const rowsPerFile = 24_000 + annual.length * 2000;

/** mulberry32: a small seeded generator, so the kill moments are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A probe that answers whether another process has a write transaction open: on SQLite, whether
 * BEGIN IMMEDIATE is refused (busy); on PostgreSQL, whether a backend of the database holds a
 * transaction id (it has written).
 */
async function writeProbe(dialect: DialectName, location: string) {
  if (dialect === 'sqlite') {
    const handle = new SQLite(location, { timeout: 0 });
    return {
      open: () => {
        try {
          handle.exec('BEGIN IMMEDIATE');
          handle.exec('ROLLBACK');
          return Promise.resolve(false);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return Promise.resolve(true);
          throw error;
        }
      },
      close: () => Promise.resolve(void handle.close()),
    };
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  return {
    open: async () => {
      const r = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
           AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
      );
      return (r.rows[0]?.n ?? 0) > 0;
    },
    close: () => client.end(),
  };
}

/**
 * Starts the real CLI, waits until its write transaction is open, and SIGKILLs it `ms` later.
 * Resolves whether the write was seen open and whether the CLI finished before the kill.
 */
async function importKilledInWrite(
  dialect: DialectName,
  file: string,
  location: string,
  ms: number,
): Promise<{ seen: boolean; finished: boolean; output: string }> {
  const probe = await writeProbe(dialect, location);
  const child = spawn(process.execPath, [...cliEntry, 'import-data', file, '--db', location, ...importArgs], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const closed = new Promise<boolean>((resolve) =>
    child.on('close', (code, signal) => resolve(signal === null && code === 0)),
  );
  let exited = false;
  void closed.then(() => (exited = true));
  let seen = false;
  try {
    while (!exited && !(seen = await probe.open())) await delay(20);
  } finally {
    await probe.close();
  }
  if (seen) {
    await delay(ms);
    child.kill('SIGKILL');
  }
  return { seen, finished: await closed, output };
}

function killSuite(dialect: DialectName) {
  describe(`kill -9 during a large import [${dialect}]`, () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDatabase(dialect);
      const r = await runCli(['import-plan', demoPlanFile, '--db', test.location], { timeoutMs: 60_000 });
      assert.equal(r.code, 0, r.stderr);
    });
    after(async () => test?.drop());

    it(`${kills[dialect]} SIGKILLs at random moments of the write: the database stays whole, each import all or nothing`, async () => {
      const random = seeded(dialect === 'sqlite' ? 15 : 1015);
      let attempt = 0;
      const moments: string[] = [];
      let killedInWrite = 0;
      for (let k = 0; k < kills[dialect]; k++) {
        attempt++;
        const file = join(scratch, `${dialect}-${attempt}.csv`);
        writeFileSync(file, bigCsv(attempt));
        const was = await importState(test.location);
        // 0–800 ms into the write transaction: from the first insert to past the COMMIT.
        const ms = Math.round(random() * 800);
        const { seen, finished, output } = await importKilledInWrite(dialect, file, test.location, ms);
        assert.ok(seen, `attempt ${attempt}: the import's write transaction was never seen open: ${output}`);
        const now = await importState(test.location);
        const kept = now.observations - was.observations;
        if (!finished) killedInWrite++;
        moments.push(`${ms} ms into the write: ${finished ? 'finished first' : `killed, ${kept} rows kept`}`);
        assert.equal(now.integrity, 'ok', `after the kill at ${ms} ms`);
        assert.ok(kept === 0 || kept === rowsPerFile, `kill at ${ms} ms kept ${kept} of ${rowsPerFile} rows`);
        assert.equal(now.imports - was.imports, kept === 0 ? 0 : 1, `audit rows after the kill at ${ms} ms`);
        if (finished) assert.equal(kept, rowsPerFile);
      }
      console.log(`[${dialect}] ${moments.join('; ')}`);
      assert.ok(killedInWrite > 0, 'no kill landed before the commit: the test showed nothing');

      attempt++;
      const file = join(scratch, `${dialect}-${attempt}.csv`);
      writeFileSync(file, bigCsv(attempt));
      const was = await importState(test.location);
      const r = await runCli(['import-data', file, '--db', test.location, ...importArgs], {
        timeoutMs: 120_000,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`${rowsPerFile} rows read`));
      const now = await importState(test.location);
      assert.equal(now.observations - was.observations, rowsPerFile);
      assert.equal(now.imports - was.imports, 1);
      assert.equal(now.integrity, 'ok');
    });
  });
}

for (const dialect of ['sqlite', 'postgres'] as const) killSuite(dialect);
