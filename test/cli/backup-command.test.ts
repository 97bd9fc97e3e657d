/** `shixiao backup FILE` / `restore FILE` as a user runs them: output, exit status, one-line errors. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { prepareDatabase } from '../../src/server/bootstrap';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-backup-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const slow = { timeoutMs: 120_000 };

describe('shixiao backup / restore', () => {
  it('backs up, restores into an empty file, and refuses a non-empty one or a bad file with one line', async () => {
    const source = join(dir, 'source.db');
    const { db } = await prepareDatabase(source, { adminPassword: 'a long backup test password 7' });
    await db.close();
    const archive = join(dir, 'all.jsonl.gz');

    const backup = await runCli(['backup', archive, '--db', source], slow);
    assert.equal(backup.code, 0, backup.stderr);
    const [, rows, tables] =
      /: (\d+) rows of (\d+) tables, \d+ bytes, with their manifest\n$/.exec(backup.stdout) ?? [];
    assert.ok(Number(rows) > 250 && Number(tables) >= 20, backup.stdout);

    const target = join(dir, 'target.db');
    const restore = await runCli(['restore', archive, '--db', target], slow);
    assert.equal(restore.code, 0, restore.stderr);
    assert.equal(
      restore.stdout,
      `${archive}: restored ${rows} rows of ${tables} tables into ${target}; every table matches the manifest\n`,
    );

    const again = await runCli(['restore', archive, '--db', target], slow);
    assert.equal(again.code, 1);
    assert.equal(again.stdout, '');
    assert.match(
      again.stderr,
      /^shixiao: --db .*target\.db: not empty \(\w+ has \d+ rows?\); restore only into an empty database\n$/,
    );

    const garbage = join(dir, 'garbage.jsonl.gz');
    writeFileSync(garbage, 'not a backup');
    const bad = await runCli(['restore', garbage, '--db', join(dir, 'other.db')], slow);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^shixiao: .*garbage\.jsonl\.gz: line 1: damaged archive \(incorrect header check\)\n$/,
    );
  });
});
