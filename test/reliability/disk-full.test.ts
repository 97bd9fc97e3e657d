/**
 * Reliability (SECURITY.md, issue 15): the disk fills up during a write. The SQLite database lives
 * on a 3 MB tmpfs the test mounts (the tests run as root); the demo plan takes ~0.6 MB and a
 * 38,000-row import needs ~4 MB, so SQLite answers SQLITE_FULL partway through the import's
 * transaction. `shixiao import-data` must then end with one clear line (no stack trace) and exit 1,
 * nothing of the file may be written, and the database must stay usable: integrity check ok and a
 * small import right after succeeds on the same full disk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../cli/run-cli';
import { demoPlanFile } from '../fixtures';
import { diskFullLine, importState, thirtyEightThousandRows } from '../helpers/import-state';

const scratch = mkdtempSync(join(tmpdir(), 'shixiao-disk-full-'));
const disk = join(scratch, 'disk');
const args = ['--as-of', '2027-06-30', '--allow-outliers'];

describe('disk full during an import [sqlite on a 3 MB tmpfs]', () => {
  let mounted = false;
  before(() => {
    mkdirSync(disk);
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', disk], { encoding: 'utf8' });
    assert.equal(
      r.status,
      0,
      `this test mounts a small tmpfs and must run as root (mount said: ${r.stderr || String(r.error)})`,
    );
    mounted = true;
  });
  after(() => {
    if (mounted) spawnSync('umount', [disk]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('fails with one clear line, writes nothing, and the database stays whole and usable', async () => {
    const location = join(disk, 'shixiao.db');
    const plan = await runCli(['import-plan', demoPlanFile, '--db', location], { timeoutMs: 60_000 });
    assert.equal(plan.code, 0, plan.stderr);
    const was = await importState(location);

    const big = join(scratch, 'big.csv');
    writeFileSync(big, thirtyEightThousandRows());
    const r = await runCli(['import-data', big, '--db', location, ...args], { timeoutMs: 120_000 });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.stderr, diskFullLine);
    assert.doesNotMatch(r.stderr, /\n\s+at |SqliteError|node_modules/);
    assert.equal(r.stdout, '');

    const now = await importState(location);
    assert.deepEqual(now, { ...was, integrity: 'ok' }, 'something of the failed import was kept');

    // The same full disk still takes a small write.
    const small = join(scratch, 'small.csv');
    writeFileSync(small, 'indicator,period,value\ngdp,2026,1900\ngood_air_days,2026-03,27\n');
    const ok = await runCli(['import-data', small, '--db', location, ...args]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /2 rows read/);
    const last = await importState(location);
    assert.equal(last.integrity, 'ok');
    assert.equal(last.imports, was.imports + 1);
    assert.ok(last.observations > was.observations, 'the small import wrote its rows');
  });
});
