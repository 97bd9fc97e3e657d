/**
 * Department scorecards (考核) over HTTP on SQLite and PostgreSQL: a month of task supervision
 * played with a moving clock (a report on time and accepted, one late and returned, tasks due,
 * a 督办 notice) gives each department points with a reason per part and a deduction per
 * notice; the monthly job stores a snapshot that later changes do not rewrite; a department
 * sees its own row only; a month not yet begun is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Db } from '../../src/db';
import { jobKinds, runJobsOnce } from '../../src/jobs';
import type { Channels } from '../../src/modules/notify';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, taskPassword } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks';
const scorecards = '/api/plans/yuzhong-2023/scorecards';
const channels: Channels = { config: { smtp: null, publicUrl: 'https://sx.test' }, mailer: null };

interface Part {
  part: string;
  points: number;
  due: number;
  ok: number;
  rate: number | null;
  reason: { zh: string; en: string };
}
interface Row {
  rank: number;
  department: { id: string; name: string };
  total: number;
  parts: Part[];
  deduction: { notices: number; points: number; reason: { zh: string; en: string } };
}
interface Body {
  month: string;
  as_of: string;
  snapshot: boolean;
  computed_at: string;
  departments: Row[];
}

const newTask = (id: string, lead: string, due: string) => ({
  id,
  action: 'p1-a1',
  title: `考核测试任务 ${id}`,
  lead_department: lead,
  start: '2026-01-02',
  due,
  cycle: 'monthly',
});

for (const dialect of dialects) {
  describe(`department scorecards [${dialect}]`, () => {
    const clock = { now: new Date('2026-01-02T08:00:00Z') };
    let server: RunningTestServer;
    let db: Db;
    /** Sessions live on the server's clock: log in again after moving it. */
    const as = (username: string): Promise<Client> => login(server.url, username, taskPassword);
    const at = (iso: string) => (clock.now = new Date(iso));
    const part = (row: Row | undefined, name: string) => row?.parts.find((p) => p.part === name);
    let february: Body;

    before(async () => {
      server = await startTestServer(dialect, { now: () => clock.now });
      const admin = await login(server.url, 'admin', testAdminPassword);
      const u = await seedTaskUsers(server.url, admin);
      await expectJson(u.sup.send('POST', tasks, newTask('sc-t1', 'fgw', '2026-02-20')), 201);
      await expectJson(u.sup.send('POST', tasks, newTask('sc-t2', 'czj', '2026-02-10')), 201);
      db = await openDatabase(server.location);

      at('2026-02-03T08:00:00Z'); // fgw reports January on time; the supervisor accepts it
      const fgw = await as('rep-fgw');
      await expectJson(
        fgw.send('POST', `${tasks}/sc-t1/reports`, {
          period: '2026-01',
          progress: '按计划推进',
          percent: 30,
        }),
        201,
      );
      const sup = await as('sup-1');
      await expectJson(
        sup.send('POST', `${tasks}/sc-t1/reports/2026-01/review`, { if_version: 1, decision: 'accept' }),
        200,
      );
      at('2026-02-12T08:00:00Z'); // czj reports late; the supervisor returns it
      const czj = await as('rep-czj');
      await expectJson(
        czj.send('POST', `${tasks}/sc-t2/reports`, { period: '2026-01', progress: '刚起步', percent: 5 }),
        201,
      );
      await expectJson(
        (await as('sup-1')).send('POST', `${tasks}/sc-t2/reports/2026-01/review`, {
          if_version: 1,
          decision: 'return',
          comment: '内容过简',
        }),
        200,
      );
      // The job sends czj's 督办 notice (January's report owed since 02-05, more than 7 days).
      await runJobsOnce(db, { now: new Date('2026-02-20T08:00:00Z'), jobs: jobKinds, channels });
      at('2026-03-02T08:00:00Z');
    });
    after(async () => {
      await db?.close();
      await server?.stop();
    });

    it('scores each department’s month with a reason for every point', async () => {
      february = await expectJson<Body>((await as('sup-1')).get(`${scorecards}?month=2026-02`), 200);
      assert.equal(february.as_of, '2026-02-28');
      assert.equal(february.snapshot, false);
      const fgw = february.departments.find((d) => d.department.id === 'fgw');
      const czj = february.departments.find((d) => d.department.id === 'czj');
      assert.deepEqual([part(fgw, 'task_reporting')?.ok, part(fgw, 'task_reporting')?.due], [1, 1]);
      assert.deepEqual([part(fgw, 'completion')?.ok, part(fgw, 'completion')?.due], [0, 1]);
      assert.deepEqual([part(fgw, 'quality')?.ok, part(fgw, 'quality')?.due], [1, 1]);
      assert.deepEqual([part(czj, 'task_reporting')?.ok, part(czj, 'task_reporting')?.due], [0, 1]);
      assert.deepEqual([part(czj, 'quality')?.ok, part(czj, 'quality')?.due], [0, 1]);
      assert.match(part(czj, 'completion')?.reason.zh ?? '', /任务按期办结0\/1（0%）.*未按时：sc-t2/);
      assert.equal(czj?.deduction.notices, 1);
      assert.equal(czj?.deduction.points, 2);
      assert.match(czj?.deduction.reason.zh ?? '', /督办通知1次（sc-t2）/);
      assert.equal(fgw?.deduction.points, 0);
      assert.ok((fgw?.rank ?? 99) < (czj?.rank ?? 0), 'fgw ranks above czj');
      for (const row of february.departments) {
        const sum = row.parts.reduce((s, p) => s + p.points, 0) - row.deduction.points;
        assert.ok(Math.abs(Math.max(0, sum) - row.total) < 0.2, `${row.department.id}: parts add up`);
        assert.ok(row.parts.every((p) => p.reason.zh.length > 0 && p.reason.en.length > 0));
      }
      const ranks = february.departments.map((d) => d.rank);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
      );
    });

    it('stores the month’s snapshot with the monthly job, and keeps it when data change later', async () => {
      await runJobsOnce(db, { now: clock.now, jobs: jobKinds, channels });
      const stored = await expectJson<Body>((await as('sup-1')).get(`${scorecards}?month=2026-02`), 200);
      assert.equal(stored.snapshot, true);
      assert.deepEqual(stored.departments, february.departments);
      // A late report for February's period changes nothing in the stored month.
      await expectJson(
        (await as('rep-czj')).send('POST', `${tasks}/sc-t2/reports`, {
          period: '2026-02',
          progress: '补报',
          percent: 10,
        }),
        201,
      );
      await runJobsOnce(db, { now: clock.now, jobs: jobKinds, channels });
      const again = await expectJson<Body>((await as('sup-1')).get(`${scorecards}?month=2026-02`), 200);
      assert.deepEqual(again, stored);
      // The run of 2026-02-20 stored January; the runs of March stored February once.
      const rows = await db.kysely
        .selectFrom('scorecard_snapshots')
        .select('month')
        .orderBy('month')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.month),
        ['2026-01', '2026-02'],
      );
    });

    it('shows a department its own row only, with its rank among all', async () => {
      const mine = await expectJson<Body>((await as('rep-czj')).get(`${scorecards}?month=2026-02`), 200);
      assert.deepEqual(
        mine.departments.map((d) => d.department.id),
        ['czj'],
      );
      const theirs = february.departments.find((d) => d.department.id === 'czj');
      assert.equal(mine.departments[0]?.rank, theirs?.rank);
    });

    it('refuses a month not yet begun (422) and a malformed one (400), and an unknown plan (404)', async () => {
      const sup = await as('sup-1');
      const future = await sup.get(`${scorecards}?month=2026-04`);
      assert.equal(future.status, 422);
      assert.match(await future.text(), /month/);
      assert.equal((await sup.get(`${scorecards}?month=2026-13`)).status, 400);
      assert.equal((await sup.get('/api/plans/nope/scorecards')).status, 404);
      const current = await expectJson<Body>(sup.get(scorecards), 200);
      assert.deepEqual([current.month, current.as_of, current.snapshot], ['2026-03', '2026-03-02', false]);
    });
  });
}
