/**
 * The job runner and notifications end to end, on SQLite and PostgreSQL: reporting reminders of
 * the demo plan go to the department's inbox, to a member's e-mail (a real SMTP server) and to
 * every webhook (local receivers that check DingTalk's, Feishu's and our JSON signature); running
 * again sends nothing; read state is per user; a failing endpoint is retried with backoff, then
 * listed for the admin; racing runners record each notice once; a dead runner's lease expires.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Db } from '../../src/db';
import { jobKinds, runJobsOnce, type RunReport } from '../../src/jobs';
import { takeLease } from '../../src/jobs/jobs.repository';
import {
  createMailer,
  maxAttempts,
  recordNotice,
  type Channels,
  type DueItem,
} from '../../src/modules/notify';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../helpers/notify-receivers';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const secret = 'SEC-robot-秘密-2026';
const t0 = new Date('2026-04-13T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const minute = 60_000;

interface NotificationBody {
  id: number;
  kind: string;
  read_at: string | null;
  payload: { indicator?: string; period?: string; message?: { zh: string; en: string }; link?: string };
}
interface DeliveryBody {
  id: number;
  recipient: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

for (const dialect of dialects) {
  describe(`jobs and notifications [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    let smtp: SmtpReceiver;
    let hooks: WebhookReceiver;
    let db: Db;
    let channels: Channels;
    let first: RunReport;
    const inboxTo = (r: RunReport, to: string) => r.sent.filter((s) => s.channel === 'inbox' && s.to === to);

    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      smtp = await startSmtpReceiver();
      hooks = await startWebhookReceiver(secret);
      await expectJson(
        u.repA.send('PUT', '/api/notifications/settings', {
          email: true,
          email_address: 'rep-a@tjj.example.gov.cn',
        }),
        200,
      );
      const endpoints = [
        { name: '督查室钉钉群', format: 'dingtalk', url: `${hooks.url}/dingtalk?access_token=t0k`, secret },
        { name: '统计局飞书群', department: 'tjj', format: 'feishu', url: `${hooks.url}/feishu`, secret },
        { name: '统计局企业微信', department: 'tjj', format: 'wecom', url: `${hooks.url}/wecom?key=k1` },
        { name: '数据中台', department: 'tjj', format: 'json', url: `${hooks.url}/json`, secret },
        { name: '发改委旧系统', department: 'fgw', format: 'json', url: `${hooks.url}/fail` },
      ];
      for (const e of endpoints) await expectJson(admin.send('POST', '/api/notify/webhooks', e), 201, e.name);
      db = await openDatabase(server.location);
      const smtpConfig = {
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: '实效 <noreply@shixiao.test>',
      };
      channels = {
        config: { smtp: smtpConfig, publicUrl: 'https://sx.test' },
        mailer: createMailer(smtpConfig),
      };
    });
    after(async () => {
      channels?.mailer?.close();
      await db?.close();
      await smtp?.close();
      await hooks?.close();
      await server?.stop();
    });

    it('sends the reporting reminders by inbox, e-mail and every webhook, signed', async () => {
      first = await runJobsOnce(db, { now: t0, jobs: jobKinds, channels });
      assert.equal(first.skipped, 0);
      assert.deepEqual(first.busy, []);
      const tjj = inboxTo(first, 'tjj');
      const fgw = inboxTo(first, 'fgw');
      // tjj owes tertiary_va for 2025 (due 2026-03-31): announced as overdue.
      assert.ok(
        tjj.some(
          (s) =>
            s.kind === 'data_reminder' && s.about.indicator === 'tertiary_va' && s.about.period === '2025',
        ),
      );
      assert.ok(fgw.length > 0);
      const notices = first.sent.filter((s) => s.channel === 'inbox').length;

      // E-mail: one per tjj notice, to the one member who turned e-mail on.
      assert.equal(smtp.mails.length, tjj.length);
      assert.ok(smtp.mails.every((m) => m.to.join() === 'rep-a@tjj.example.gov.cn'));
      const gdpMail = smtp.mails.find((m) => m.text.includes('“第三产业增加值”2025期数据'));
      assert.ok(gdpMail, smtp.mails.map((m) => m.subject).join('\n'));
      assert.match(gdpMail.subject, /【实效·数据报送提醒】/);
      assert.match(gdpMail.text, /https:\/\/sx\.test\/data\?indicator=tertiary_va&period=2025/);
      assert.equal(first.sent.filter((s) => s.channel === 'email').length, tjj.length);

      // Webhooks: the tenant's DingTalk robot gets every notice; tjj's robots get tjj's.
      const calls = (format: string) => hooks.calls.filter((c) => c.format === format);
      assert.equal(calls('dingtalk').length, notices);
      for (const format of ['feishu', 'wecom', 'json'])
        assert.equal(calls(format).length, tjj.length, format);
      const unverified = hooks.calls.filter((c) => c.format !== 'fail' && !c.verified);
      assert.deepEqual(unverified, []);
      assert.ok(calls('dingtalk').every((c) => c.url.includes('access_token=t0k')));
      const json = calls('json')[0]?.body as { kind: string; about: { indicator: string }; link: string };
      assert.equal(json.kind, 'data_reminder');
      assert.match(json.link, /^https:\/\/sx\.test\/data\?/);
      const webhookSent = first.sent.filter((s) => s.channel === 'webhook');
      assert.equal(webhookSent.length, notices + 3 * tjj.length);

      // fgw's endpoint is down: each of its deliveries waits for a retry.
      assert.equal(calls('fail').length, fgw.length);
      assert.equal(first.retrying, fgw.length);
      assert.equal(first.failed, 0);
    });

    it('running again at the same moment sends nothing', async () => {
      const mails = smtp.mails.length;
      const calls = hooks.calls.length;
      const again = await runJobsOnce(db, { now: t0, jobs: jobKinds, channels });
      assert.deepEqual(again.sent, []);
      assert.equal(again.skipped, first.sent.filter((s) => s.channel === 'inbox').length);
      assert.equal(smtp.mails.length, mails);
      assert.equal(hooks.calls.length, calls);
    });

    it('shows the notices in the inbox with per-user read state', async () => {
      const unread = async (c: Client) =>
        (await expectJson<{ notifications: NotificationBody[] }>(c.get('/api/notifications?unread=1'), 200))
          .notifications;
      const gdp = (await unread(u.repA)).find(
        (n) => n.kind === 'data_reminder' && n.payload.indicator === 'tertiary_va',
      );
      assert.ok(gdp);
      assert.match(gdp.payload.message?.zh ?? '', /第三产业增加值/);
      assert.match(gdp.payload.message?.en ?? '', /tertiary_va/);
      const read = await expectJson<NotificationBody>(
        u.repA.send('POST', `/api/notifications/${gdp.id}/read`),
        200,
      );
      assert.ok(read.read_at);
      assert.ok(!(await unread(u.repA)).some((n) => n.id === gdp.id));
      // The other tjj reporter has not read it.
      assert.ok((await unread(u.repA2)).some((n) => n.id === gdp.id && n.read_at === null));
      // fgw's reporter neither sees nor reads tjj's notice.
      assert.ok(!(await unread(u.repB)).some((n) => n.id === gdp.id));
      assert.equal((await u.repB.send('POST', `/api/notifications/${gdp.id}/read`)).status, 404);
    });

    it('retries a failing endpoint with backoff, then lists it for the admin', async () => {
      const fgw = inboxTo(first, 'fgw').length;
      const failCalls = () => hooks.calls.filter((c) => c.format === 'fail').length;
      const retrying = await expectJson<{ deliveries: DeliveryBody[] }>(
        admin.get('/api/notify/deliveries?status=retrying'),
        200,
      );
      assert.equal(retrying.deliveries.length, fgw);
      assert.ok(retrying.deliveries.every((d) => d.recipient === '发改委旧系统' && d.attempts === 1));
      assert.match(retrying.deliveries[0]?.last_error ?? '', /HTTP 500/);

      // Not before the first delay (1 minute).
      await runJobsOnce(db, { now: later(30_000), jobs: jobKinds, channels });
      assert.equal(failCalls(), fgw);
      // Then at 1, 5, 30 minutes and 2 hours: five attempts in all, and it is given up.
      let at = 0;
      for (const wait of [1, 5, 30, 120]) {
        at += wait * minute + 1000;
        const r = await runJobsOnce(db, { now: later(at), jobs: jobKinds, channels });
        assert.deepEqual(r.sent, [], `nothing new at +${at} ms`);
      }
      assert.equal(failCalls(), fgw * maxAttempts);
      const failed = await expectJson<{ deliveries: DeliveryBody[] }>(
        admin.get('/api/notify/deliveries?status=failed'),
        200,
      );
      assert.equal(failed.deliveries.length, fgw);
      assert.ok(failed.deliveries.every((d) => d.status === 'failed' && d.attempts === maxAttempts));
      await runJobsOnce(db, { now: later(at + 24 * 60 * minute), jobs: jobKinds, channels });
      assert.equal(failCalls(), fgw * maxAttempts, 'a failed delivery is not retried by itself');

      assert.equal((await u.sup.get('/api/notify/deliveries')).status, 403);
      const id = failed.deliveries[0]?.id ?? 0;
      const requeued = await expectJson<DeliveryBody>(
        admin.send('POST', `/api/notify/deliveries/${id}/retry`),
        200,
      );
      assert.equal(requeued.status, 'pending');
      assert.equal(requeued.attempts, 0);
      // Queued again as of the admin's real clock: a run of the deliveries alone sends it now.
      await runJobsOnce(db, { now: new Date(Date.now() + 1000), jobs: [], channels });
      assert.equal(failCalls(), fgw * maxAttempts + 1);
    });

    it('records a notice once when runners race on one database', async () => {
      // On SQLite two handles in one process would block each other (better-sqlite3 waits for a
      // lock synchronously), so the racers share one handle here; test/cli/jobs-command.test.ts
      // races two processes on one file.
      const other = dialect === 'postgres' ? await openDatabase(server.location) : db;
      try {
        const tjj = await db.kysely
          .selectFrom('departments')
          .select(['id', 'tenant_id'])
          .where('code', '=', 'tjj')
          .executeTakeFirstOrThrow();
        const item: DueItem = {
          tenantId: tjj.tenant_id,
          kind: 'urge',
          object: 'task:race-1',
          step: 'urge',
          due: '2026-04-10',
          about: { task: 'race-1' },
          to: { departments: [tjj.id] },
          message: { zh: '任务已逾期', en: 'The task is overdue' },
          link: '/tasks/race-1',
        };
        const opts = { now: t0, emailEnabled: true };
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => recordNotice(i % 2 ? other : db, 'race-test', item, opts)),
        );
        assert.equal(results.filter((r) => r !== null).length, 1);
        assert.deepEqual(
          results.find((r) => r !== null),
          [{ kind: 'urge', about: { task: 'race-1' }, to: 'tjj', channel: 'inbox' }],
        );
        const rows = await db.kysely
          .selectFrom('notifications')
          .select('id')
          .where('payload', 'like', '%race-1%')
          .execute();
        assert.equal(rows.length, 1);
        const queued = await db.kysely
          .selectFrom('notification_deliveries as d')
          .innerJoin('notice_keys as k', 'k.id', 'd.notice_id')
          .select('d.id')
          .where('k.object', '=', 'task:race-1')
          .execute();
        // rep-a's e-mail, the tenant's robot and tjj's three.
        assert.equal(queued.length, 5);

        // Whole runs racing at a new moment: every notice appears in exactly one report.
        // good_air_days (sthjj, monthly) owes 2026-10 by 2026-11-10: a reminder is due.
        const moment = new Date('2026-11-08T08:00:00Z');
        const [a, b] = await Promise.all([
          runJobsOnce(db, { now: moment, jobs: jobKinds, channels }),
          runJobsOnce(other, { now: moment, jobs: jobKinds, channels }),
        ]);
        const keys = [...a.sent, ...b.sent].map((s) => JSON.stringify(s));
        assert.equal(new Set(keys).size, keys.length, 'a notice sent twice');
        assert.ok(
          keys.some((k) => k.includes('good_air_days') && k.includes('2026-10')),
          keys.join('\n'),
        );
      } finally {
        if (other !== db) await other.close();
      }
    });

    it('skips a job another runner holds, and takes it over once that lease expires', async () => {
      const moment = new Date('2026-12-08T08:00:00Z');
      const wall = new Date();
      const held = await takeLease(
        db.kysely,
        'job:data-reminders',
        'dead-runner',
        wall.toISOString(),
        new Date(wall.getTime() + 5 * minute).toISOString(),
      );
      assert.ok(held);
      // The data reminders alone: the task escalation job (not held) would send its own notices.
      const jobs = jobKinds.filter((j) => j.name === 'data-reminders');
      const blocked = await runJobsOnce(db, { now: moment, jobs, channels });
      assert.deepEqual(blocked.busy, ['data-reminders']);
      assert.equal(blocked.sent.filter((s) => s.channel === 'inbox').length, 0);
      const resumed = await runJobsOnce(db, {
        now: moment,
        jobs,
        channels,
        leaseClock: () => new Date(Date.now() + 6 * minute),
      });
      assert.deepEqual(resumed.busy, []);
      assert.ok(resumed.sent.some((s) => s.channel === 'inbox' && s.about.period === '2026-11'));
    });
  });
}
