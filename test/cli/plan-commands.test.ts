/** The plan commands of CONTRACT.md, run as a user runs them, with bad input of every kind. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { demoPlanFile as demoPlanPath } from '../fixtures';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-cli-'));
const demo = readFileSync(demoPlanPath, 'utf8');

/** One line on stderr, exit 1, no stack trace. */
function assertOneLineError(result: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

describe('shixiao import-plan / export-plan', () => {
  it('imports the demo plan and exports it back unchanged', async () => {
    const db = join(dir, 'roundtrip.db');
    const imported = await runCli(['import-plan', demoPlanPath, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /created as version 1/);
    const exported = await runCli(['export-plan', 'yuzhong-2023', '--db', db]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, demo);
  });

  it('refuses a malformed plan file with file:line: field: reason and writes nothing', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, demo.replace(/period: "2023", value: 1631\.3/, 'period: "2023-Q5", value: 1631.3'));
    const db = join(dir, 'bad.db');
    const result = await runCli(['import-plan', file, '--db', db]);
    assertOneLineError(
      result,
      /bad\.yaml:\d+: observations\[\d+\]\.period: period must be YYYY, YYYY-Qn or YYYY-MM/,
    );
    const exported = await runCli(['export-plan', 'yuzhong-2023', '--db', db]);
    assertOneLineError(exported, /plan 'yuzhong-2023' not found|tenant/);
  });

  it('names a missing file', async () => {
    assertOneLineError(
      await runCli(['import-plan', join(dir, 'missing.yaml'), '--db', join(dir, 'x.db')]),
      /missing\.yaml: no such file/,
    );
  });
});

describe('shixiao serve: bad configuration', () => {
  it('refuses an unknown --db scheme', async () => {
    assertOneLineError(
      await runCli(['serve', '--db', 'mysql://localhost/x']),
      /unknown database scheme 'mysql'/,
    );
  });

  it('says when PostgreSQL is unreachable', async () => {
    assertOneLineError(
      await runCli(['serve', '--db', 'postgres://postgres@127.0.0.1:1/none']),
      /cannot connect to PostgreSQL/,
    );
  });

  it('says when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runCli(['serve', '--db', join(dir, 'port.db'), '--port', String(port)], {
        env: { SHIXIAO_ADMIN_PASSWORD: 'a long enough test password' },
      });
      assertOneLineError(result, new RegExp(`--port ${port}: the port is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number', async () => {
    const result = await runCli(['serve', '--port', 'abc']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--port abc: not a port number/);
  });
});
