/**
 * Reliability (SECURITY.md, issue 15): the disk fills up during a write, on PostgreSQL. The test's
 * database keeps its `observations` table in a tablespace on a 2 MB tmpfs the test mounts (it runs
 * as root; the write-ahead log stays on the server's own disk, as a production server keeps it
 * apart, so PostgreSQL answers `53100 disk_full` instead of stopping). A 38,000-row import needs
 * ~5 MB there: `shixiao import-data` must end with one clear line and exit 1, nothing of the file
 * may be written, reads and writes elsewhere go on, and once space is freed (the tmpfs grown, as
 * an operator would) the same import succeeds.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db';
import { runCli } from '../cli/run-cli';
import { createTestDatabase, pgAdminUrl, type TestDatabase } from '../databases';
import { demoPlanFile } from '../fixtures';
import { diskFullLine, importState, thirtyEightThousandRows } from '../helpers/import-state';

const scratch = mkdtempSync(join(tmpdir(), 'shixiao-pg-disk-full-'));
const disk = join(scratch, 'disk');
const tablespace = `shixiao_small_${process.pid}`;
const args = ['--as-of', '2027-06-30', '--allow-outliers'];

const mount = (options: string) =>
  spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', disk], { encoding: 'utf8' });

describe('disk full during an import [postgres, observations on a 2 MB tmpfs]', () => {
  let test: TestDatabase;
  let mounted = false;
  let admin: pg.Client | undefined;
  let spaceMade = false;

  before(async () => {
    // The server runs as `postgres`: it must be able to reach the mount point.
    chmodSync(scratch, 0o755);
    mkdirSync(disk);
    const [, , uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':');
    const r = mount(`size=2m,uid=${uid},gid=${gid},mode=0700`);
    assert.equal(
      r.status,
      0,
      `this test mounts a small tmpfs and must run as root (mount said: ${r.stderr || String(r.error)})`,
    );
    mounted = true;
    chownSync(disk, Number(uid), Number(gid));
    admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query(`CREATE TABLESPACE ${tablespace} LOCATION '${disk}'`);
    spaceMade = true;
    test = await createTestDatabase('postgres');
  });

  after(async () => {
    await test?.drop();
    if (spaceMade) await admin?.query(`DROP TABLESPACE IF EXISTS ${tablespace}`);
    await admin?.end();
    if (mounted) spawnSync('umount', [disk]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('fails with one clear line, writes nothing, keeps serving, and loads the file once space is freed', async () => {
    const plan = await runCli(['import-plan', demoPlanFile, '--db', test.location], { timeoutMs: 60_000 });
    assert.equal(plan.code, 0, plan.stderr);
    const db = await openDatabase(test.location);
    try {
      await sql`ALTER TABLE observations SET TABLESPACE ${sql.raw(tablespace)}`.execute(db.kysely);
    } finally {
      await db.close();
    }
    const was = await importState(test.location);

    const big = join(scratch, 'big.csv');
    writeFileSync(big, thirtyEightThousandRows());
    const r = await runCli(['import-data', big, '--db', test.location, ...args], { timeoutMs: 120_000 });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.stderr, diskFullLine);
    assert.doesNotMatch(r.stderr, /\n\s+at |DatabaseError|node_modules/);
    assert.equal(r.stdout, '');
    assert.deepEqual(await importState(test.location), was, 'something of the failed import was kept');

    // The server goes on: a read of the plan and a write outside the full tablespace succeed.
    const status = await runCli(['export-plan', 'yuzhong-2023', '--db', test.location]);
    assert.equal(status.code, 0, status.stderr);
    const tenant = await runCli([
      'tenants',
      'add',
      'after-full',
      '--name',
      '满盘之后',
      '--db',
      test.location,
    ]);
    assert.equal(tenant.code, 0, tenant.stderr);

    // Space is freed: the same file now loads whole.
    assert.equal(mount(`remount,size=64m`).status, 0);
    const again = await runCli(['import-data', big, '--db', test.location, ...args], { timeoutMs: 120_000 });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /38000 rows read/);
    const now = await importState(test.location);
    assert.equal(now.imports, was.imports + 1);
    assert.ok(now.observations >= was.observations + 37_000, `${now.observations - was.observations} rows`);
  });
});
