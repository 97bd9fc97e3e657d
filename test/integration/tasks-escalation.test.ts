/**
 * Task escalation end to end with a fake clock, on SQLite and PostgreSQL: a task falls due, the
 * job sends 提醒 before the date, 催办 once it is missed, 督办 notice after notice_after_days
 * more (to the lead department and every supervisor), each once, and the task then stands on
 * the red list with the time its notice went out; reports past their deadline are listed too.
 * A department sees only its own tasks on the red list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Db } from '../../src/db';
import { jobKinds, runJobsOnce, type RunReport } from '../../src/jobs';
import type { Channels } from '../../src/modules/notify';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks';
const channels: Channels = { config: { smtp: null, publicUrl: 'https://sx.test' }, mailer: null };

interface Entry {
  task: string;
  item: { kind: string; period?: string };
  date: string;
  days: number;
  reason: { zh: string; en: string };
  notice_sent_at?: string | null;
}
interface RedListBody {
  as_of: string;
  notice_after_days: number;
  notices: Entry[];
  overdue_tasks: Entry[];
  overdue_reports: Entry[];
}
interface Message {
  kind: string;
  payload: { task?: string; link?: string; message?: { zh: string } };
}

const newTask = (id: string, lead: string) => ({
  id,
  action: 'p1-a1',
  title: `督办测试任务 ${id}`,
  lead_department: lead,
  start: '2026-03-01',
  due: '2026-03-20',
  cycle: 'quarterly',
});

for (const dialect of dialects) {
  describe(`task escalation end to end [${dialect}]`, () => {
    // The server's clock stays put (sessions live on it); runs and the red list name their day.
    const clock = { now: new Date('2026-03-01T08:00:00Z') };
    let server: RunningTestServer;
    let u: TaskUsers;
    let db: Db;
    const run = async (iso: string): Promise<RunReport> => {
      return runJobsOnce(db, { now: new Date(iso), jobs: jobKinds, channels });
    };
    const mine = (r: RunReport, task: string) =>
      r.sent.filter((s) => s.about.task === task).map((s) => `${s.kind}→${s.to}`);

    before(async () => {
      server = await startTestServer(dialect, { now: () => clock.now });
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedTaskUsers(server.url, admin);
      await expectJson(u.sup.send('POST', tasks, newTask('esc-t1', 'fgw')), 201);
      await expectJson(u.sup.send('POST', tasks, newTask('esc-t2', 'czj')), 201);
      db = await openDatabase(server.location);
    });
    after(async () => {
      await db?.close();
      await server?.stop();
    });

    it('sends nothing while the due date is far', async () => {
      const r = await run('2026-03-10T08:00:00Z');
      assert.deepEqual(mine(r, 'esc-t1'), []);
    });

    it('reminds the lead department before the due date (提醒), once', async () => {
      const r = await run('2026-03-18T08:00:00Z');
      assert.deepEqual(mine(r, 'esc-t1'), ['reminder→fgw']);
      assert.deepEqual(mine(r, 'esc-t2'), ['reminder→czj']);
      const again = await run('2026-03-18T20:00:00Z');
      assert.deepEqual(mine(again, 'esc-t1'), []);
      assert.ok(again.skipped >= 2);
    });

    it('urges once the date is missed (催办), and the task is on the red list as overdue', async () => {
      const r = await run('2026-03-22T08:00:00Z');
      assert.deepEqual(mine(r, 'esc-t1'), ['urge→fgw']);
      const red = await expectJson<RedListBody>(u.sup.get(`${tasks}/red-list?as_of=2026-03-22`), 200);
      assert.equal(red.as_of, '2026-03-22');
      const overdue = red.overdue_tasks.find((e) => e.task === 'esc-t1');
      assert.deepEqual([overdue?.date, overdue?.days], ['2026-03-20', 2]);
      assert.equal(
        red.notices.find((e) => e.task === 'esc-t1'),
        undefined,
        'not 督办 before notice_after_days',
      );
    });

    it('sends the 督办 notice after notice_after_days more, to the department and every supervisor', async () => {
      const quiet = await run('2026-03-27T08:00:00Z'); // 7 days: still an urge, already sent
      assert.deepEqual(mine(quiet, 'esc-t1'), []);
      const r = await run('2026-03-28T08:00:00Z'); // 8 days > 7
      assert.deepEqual(mine(r, 'esc-t1'), ['notice→fgw', 'notice→sup-1', 'notice→sup-2']);
      const again = await run('2026-03-29T08:00:00Z');
      assert.deepEqual(mine(again, 'esc-t1'), [], 'a notice goes out once');
    });

    it('shows the 督办事项 on the red list with when its notice went out', async () => {
      const red = await expectJson<RedListBody>(u.sup.get(`${tasks}/red-list?as_of=2026-03-29`), 200);
      assert.equal(red.notice_after_days, 7);
      const entry = red.notices.find((e) => e.task === 'esc-t1');
      assert.equal(entry?.date, '2026-03-20');
      assert.equal(entry?.days, 9);
      assert.equal(entry?.notice_sent_at, '2026-03-28T08:00:00.000Z');
      assert.match(entry?.reason.zh ?? '', /2026-03-20/);
      assert.ok(red.notices.some((e) => e.task === 'esc-t2'));
    });

    it('lists the report past its deadline once the quarter’s report is late', async () => {
      const red = await expectJson<RedListBody>(u.sup.get(`${tasks}/red-list?as_of=2026-04-08`), 200);
      const report = red.overdue_reports.find((e) => e.task === 'esc-t1');
      assert.deepEqual(
        [report?.item, report?.date, report?.days],
        [{ kind: 'report', period: '2026-Q1' }, '2026-04-05', 3],
      );
      const past = await expectJson<RedListBody>(u.sup.get(`${tasks}/red-list?as_of=2026-03-19`), 200);
      assert.equal(
        past.overdue_tasks.find((e) => e.task === 'esc-t1'),
        undefined,
        'as of a day before',
      );
    });

    it('puts each step in the lead department’s inbox with a link to the task page', async () => {
      const inbox = await expectJson<Message[] | { notifications: Message[] }>(
        u.repLead.get('/api/notifications'),
        200,
      );
      const list = Array.isArray(inbox) ? inbox : inbox.notifications;
      const steps = list.filter((m) => m.payload.task === 'esc-t1').map((m) => m.kind);
      assert.deepEqual(steps.sort(), ['notice', 'reminder', 'urge']);
      assert.ok(
        list.filter((m) => m.payload.task === 'esc-t1').every((m) => m.payload.link === '/tasks/esc-t1'),
      );
      assert.ok(!list.some((m) => m.payload.task === 'esc-t2'), 'another department’s task stays out');
      const sup = await expectJson<Message[] | { notifications: Message[] }>(
        u.sup.get('/api/notifications'),
        200,
      );
      const supList = Array.isArray(sup) ? sup : sup.notifications;
      const notice = supList.find((m) => m.payload.task === 'esc-t1');
      assert.equal(notice?.kind, 'notice');
      assert.match(notice?.payload.message?.zh ?? '', /^【督办】任务“督办测试任务 esc-t1”/);
    });

    it('shows a department only its own tasks on the red list', async () => {
      const red = await expectJson<RedListBody>(u.repOther.get(`${tasks}/red-list?as_of=2026-04-08`), 200);
      const codes = new Set(
        [...red.notices, ...red.overdue_tasks, ...red.overdue_reports].map((e) => e.task),
      );
      assert.ok(codes.has('esc-t2'));
      assert.ok(!codes.has('esc-t1'));
      const filtered = await expectJson<RedListBody>(
        u.repOther.get(`${tasks}/red-list?as_of=2026-04-08&department=fgw`),
        200,
      );
      assert.deepEqual([filtered.notices, filtered.overdue_tasks, filtered.overdue_reports], [[], [], []]);
      const fgw = await expectJson<RedListBody>(
        u.sup.get(`${tasks}/red-list?as_of=2026-04-08&department=fgw`),
        200,
      );
      assert.ok(fgw.notices.every((e) => e.task !== 'esc-t2'));
      assert.ok(fgw.notices.some((e) => e.task === 'esc-t1'));
    });

    it('opens a new urge when an approved extension is missed again', async () => {
      const t = await expectJson<{ version: number }>(u.sup.get(`${tasks}/esc-t1`), 200);
      let v = t.version;
      for (const step of ['accept', 'start']) {
        v = (
          await expectJson<{ version: number }>(
            u.repLead.send('POST', `${tasks}/esc-t1/${step}`, { if_version: v }),
            200,
          )
        ).version;
      }
      v = (
        await expectJson<{ version: number }>(
          u.repLead.send('POST', `${tasks}/esc-t1/request-extension`, {
            if_version: v,
            new_due: '2026-04-30',
            reason: '资金到位晚',
          }),
          200,
        )
      ).version;
      await expectJson(u.sup.send('POST', `${tasks}/esc-t1/approve-extension`, { if_version: v }), 200);
      await expectJson(
        u.repLead.send('POST', `${tasks}/esc-t1/reports`, {
          period: '2026-Q1',
          progress: '推进中',
          percent: 50,
        }),
        201,
      );
      const r = await run('2026-05-03T08:00:00Z');
      assert.deepEqual(mine(r, 'esc-t1'), ['urge→fgw']);
      const row = await db.kysely
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', 'esc-t1')
        .executeTakeFirstOrThrow();
      const keys = await db.kysely
        .selectFrom('notice_keys')
        .select(['step', 'due_date'])
        .where('job', '=', 'task-escalation')
        .where('object', '=', `task:${row.id}`)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        keys.map((k) => `${k.step} ${k.due_date}`),
        ['reminder 2026-03-20', 'urge 2026-03-20', 'notice 2026-03-20', 'urge 2026-04-30'],
      );
    });
  });
}
