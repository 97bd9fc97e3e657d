/** `shixiao serve` as a user starts it: first start creates and seeds the database, prints the URL and the admin password once, and SIGTERM shuts it down cleanly. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { cliEntry } from '../helpers/cli-entry';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Starts `serve`, waits for its first output, returns it and a stop function. */
async function serve(db: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [...cliEntry, 'serve', '--db', db, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, SHIXIAO_LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let done = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      done = true;
      resolve(code);
    }),
  );
  for (let i = 0; i < 150 && !done && !stdout.includes('serving'); i++)
    await new Promise((r) => setTimeout(r, 100));
  return { output: () => stdout, child, exited };
}

describe('shixiao serve', () => {
  it('creates, seeds and serves a new database, printing the admin password once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-serve-'));
    const db = join(dir, 'nested', 'shixiao.db');
    const port = await freePort();
    const first = await serve(db, port);
    assert.match(first.output(), new RegExp(`http://127\\.0\\.0\\.1:${port}/`));
    const password = /admin \/ (\S+)/.exec(first.output())?.[1];
    assert.ok(password && password.length >= 20, first.output());
    assert.ok(existsSync(db));
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    assert.equal(login.status, 200);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, 'SIGTERM ends the process cleanly');

    const second = await serve(db, port);
    assert.doesNotMatch(second.output(), /admin \//, 'the password is shown only once');
    assert.doesNotMatch(second.output(), /Loaded the demo plan/);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  });

  it('refuses a weak SHIXIAO_ADMIN_PASSWORD with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-serve-'));
    const run = await serve(join(dir, 'a.db'), await freePort(), { SHIXIAO_ADMIN_PASSWORD: 'password' });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /SHIXIAO_ADMIN_PASSWORD: too common/);
  });

  it('uses SHIXIAO_ADMIN_PASSWORD when given and prints no password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-serve-'));
    const port = await freePort();
    const run = await serve(join(dir, 'a.db'), port, { SHIXIAO_ADMIN_PASSWORD: 'a chosen admin password' });
    assert.doesNotMatch(run.output(), /admin \//);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'a chosen admin password' }),
    });
    assert.equal(login.status, 200);
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
  });
});
