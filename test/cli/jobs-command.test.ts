/**
 * `shixiao jobs run` (CONTRACT.md) as cron runs it: the exact JSON shape, two processes racing
 * on one database sending each notice once (SQLite file and PostgreSQL), a second run at the
 * same moment sending nothing, and a bad --now refused with one line. Also the server's loop:
 * it runs in `serve` and stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { migrateToLatest, openDatabase } from '../../src/db';
import { importPlanText } from '../../src/modules/plans';
import { startServer } from '../../src/server/main';
import { createTestDatabase, dialects, type TestDatabase } from '../databases';
import { demoPlanFile } from '../fixtures';
import { runCli } from './run-cli';
import { cliEntry } from '../helpers/cli-entry';

const root = fileURLToPath(new URL('../..', import.meta.url));
const moment = '2026-04-13T08:00:00Z';

interface SentEntry {
  kind: string;
  to: string;
  channel: string;
  [key: string]: string;
}
interface RunJson {
  sent: SentEntry[];
  skipped: number;
}

async function demoDatabase(dialect: (typeof dialects)[number]): Promise<TestDatabase> {
  const test = await createTestDatabase(dialect);
  const db = await openDatabase(test.location);
  await migrateToLatest(db);
  const result = await importPlanText(db, {
    now: new Date(),
    tenantSlug: 'yuzhong',
    text: readFileSync(demoPlanFile, 'utf8'),
  });
  assert.ok(result.ok);
  await db.close();
  return test;
}

function parseRun(stdout: string): RunJson {
  const parsed = JSON.parse(stdout) as RunJson;
  assert.deepEqual(Object.keys(parsed), ['sent', 'skipped']);
  return parsed;
}

for (const dialect of dialects) {
  describe(`shixiao jobs run [${dialect}]`, () => {
    let test: TestDatabase;
    before(async () => {
      test = await demoDatabase(dialect);
    });
    after(() => test?.drop());

    it('two processes racing send each notice once; a later run at the same moment sends nothing', async () => {
      const args = ['jobs', 'run', '--db', test.location, '--now', moment, '--json'];
      const [a, b] = await Promise.all([
        runCli(args, { timeoutMs: 60_000 }),
        runCli(args, { timeoutMs: 60_000 }),
      ]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const runs = [parseRun(a.stdout), parseRun(b.stdout)];
      const sent = runs.flatMap((r) => r.sent);
      const keys = sent.map((s) => JSON.stringify(s));
      assert.ok(sent.length >= 20, `only ${sent.length} sent`);
      assert.equal(new Set(keys).size, keys.length, 'a notice was sent twice');
      const entry = sent.find((s) => s.indicator === 'tertiary_va' && s.period === '2025');
      assert.deepEqual(entry, {
        kind: 'data_reminder',
        plan: 'yuzhong-2023',
        indicator: 'tertiary_va',
        period: '2025',
        to: 'tjj',
        channel: 'inbox',
      });

      const db = await openDatabase(test.location);
      try {
        const rows = await db.kysely
          .selectFrom('notifications')
          .select(['department_id', 'payload'])
          .execute();
        assert.equal(rows.length, sent.length, 'one message per notice sent');
        assert.equal(new Set(rows.map((r) => `${r.department_id}|${r.payload}`)).size, rows.length);
      } finally {
        await db.close();
      }

      const again = await runCli(args, { timeoutMs: 60_000 });
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(parseRun(again.stdout), { sent: [], skipped: sent.length });
    });

    if (dialect === 'sqlite') {
      it('prints what it did without --json, and refuses a bad --now with one line', async () => {
        const text = await runCli(['jobs', 'run', '--db', test.location, '--now', '2026-04-13']);
        assert.equal(text.code, 0, text.stderr);
        assert.match(text.stdout, /2026-04-13T00:00:00\.000Z: 0 sent, \d+ skipped \(sent before\)/);
        const bad = await runCli(['jobs', 'run', '--db', test.location, '--now', '2026-02-30']);
        assert.equal(bad.code, 1);
        assert.equal(bad.stdout, '');
        assert.equal(bad.stderr.trim().split('\n').length, 1);
        assert.match(bad.stderr, /--now 2026-02-30: not a date or date-time/);
      });
    }
  });
}

describe('the server’s job loop', () => {
  it('runs the jobs on its clock every interval and stops with the server', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const running = await startServer({
        db: test.location,
        port: 0,
        host: '127.0.0.1',
        adminPassword: 'a long enough admin password',
        logLevel: 'silent',
        now: () => new Date(moment),
        jobsIntervalMs: 50,
        notify: { smtp: null, publicUrl: 'http://127.0.0.1' },
      });
      assert.ok(running.jobs, 'the loop is on');
      await running.jobs.nextRun();
      await running.jobs.nextRun();
      const count = async () =>
        Number(
          (
            await running.prepared.db.kysely
              .selectFrom('notice_keys')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const afterTwoRuns = await count();
      assert.ok(afterTwoRuns > 0, 'the loop recorded the reporting reminders');
      await running.jobs.nextRun();
      assert.equal(await count(), afterTwoRuns, 'later runs add nothing at the same moment');
      await running.stop();
    } finally {
      await test.drop();
    }
  });

  it('is off when startServer is given no interval (tests, embedded use)', async () => {
    const test = await createTestDatabase('sqlite');
    try {
      const running = await startServer({
        db: test.location,
        port: 0,
        host: '127.0.0.1',
        adminPassword: 'a long enough admin password',
        logLevel: 'silent',
      });
      assert.equal(running.jobs, null);
      await running.stop();
    } finally {
      await test.drop();
    }
  });

  it('serve runs the loop (SHIXIAO_JOBS_INTERVAL) and exits 0 on SIGTERM; a bad interval is one line', async () => {
    const test = await createTestDatabase('sqlite');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    try {
      const child = spawn(
        process.execPath,
        [...cliEntry, 'serve', '--db', test.location, '--port', String(port)],
        {
          cwd: root,
          env: {
            ...process.env,
            SHIXIAO_LOG_LEVEL: 'info',
            SHIXIAO_JOBS_INTERVAL: '0.2',
            SHIXIAO_ADMIN_PASSWORD: 'a long enough admin password',
          },
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      for (let i = 0; i < 300 && (out.match(/"msg":"jobs run"/g) ?? []).length < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok((out.match(/"msg":"jobs run"/g) ?? []).length >= 2, out.slice(-2000));
      child.kill('SIGTERM');
      assert.equal(await exited, 0, out.slice(-2000));

      const bad = await runCli(['serve', '--db', test.location, '--port', String(port)], {
        env: { SHIXIAO_JOBS_INTERVAL: 'soon' },
      });
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /SHIXIAO_JOBS_INTERVAL soon: give a number of seconds/);
    } finally {
      await test.drop();
    }
  });
});
