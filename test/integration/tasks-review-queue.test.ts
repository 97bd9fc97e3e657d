/**
 * The supervisor's review queue (待我审核) over a real socket, on SQLite and PostgreSQL: a reporter
 * files a progress report on one task and asks for an extension on another; the supervisor sees
 * both, by name (task title, department name, the reporter's display name, the date asked for);
 * department people are refused; each item leaves the queue once decided with the version given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, taskPassword, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks';
const queue = `${tasks}/review-queue`;

interface Item {
  kind: 'report' | 'extension';
  task: string;
  title: string;
  department: { id: string; name: string } | null;
  submitted_by: string;
  submitted_at: string | null;
  if_version: number;
  period: string | null;
  percent: number | null;
  requested_due: string | null;
  reason: string | null;
  illustrative: boolean;
}

for (const dialect of dialects) {
  describe(`task review queue [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: TaskUsers;
    let liMing: Client;
    const clock = { now: new Date('2026-06-15T08:00:00Z') };
    before(async () => {
      server = await startTestServer(dialect, { now: () => clock.now });
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedTaskUsers(server.url, admin);
      await expectJson(
        admin.send('POST', '/api/users', {
          username: 'li-ming',
          display_name: '李明',
          password: taskPassword,
          roles: ['reporter'],
          departments: ['fgw'],
        }),
        201,
        'create 李明',
      );
      liMing = await login(server.url, 'li-ming', taskPassword);
      for (const [id, title] of [
        ['rq-t1', '推进老旧小区改造'],
        ['rq-t2', '建设智慧停车平台'],
      ]) {
        await expectJson(
          u.sup.send('POST', tasks, {
            id,
            action: 'p1-a1',
            title,
            lead_department: 'fgw',
            start: '2026-01-01',
            due: '2026-12-31',
            cycle: 'monthly',
          }),
          201,
          `create ${id}`,
        );
      }
    });
    after(() => server.stop());

    // The demo plan carries illustrative (示意) reports of its own: these tests look at theirs.
    const items = async (who: Client) =>
      (await expectJson<{ items: Item[] }>(who.get(queue), 200)).items.filter((i) =>
        i.task.startsWith('rq-'),
      );

    it('holds none of these tasks before anything is submitted; demo items are marked 示意', async () => {
      assert.deepEqual(await items(u.sup), []);
      const all = (await expectJson<{ items: Item[] }>(u.sup.get(queue), 200)).items;
      assert.ok(all.every((i) => i.illustrative));
    });

    it('shows the supervisor a submitted report and an extension request, by name', async () => {
      await expectJson(
        liMing.send('POST', `${tasks}/rq-t1/reports`, {
          period: '2026-05',
          progress: '已完成摸底',
          percent: 30,
        }),
        201,
        'file',
      );
      clock.now = new Date('2026-06-15T08:20:00Z');
      await expectJson(liMing.send('POST', `${tasks}/rq-t2/accept`, { if_version: 1 }), 200, 'accept');
      await expectJson(
        liMing.send('POST', `${tasks}/rq-t2/request-extension`, {
          if_version: 2,
          new_due: '2027-03-31',
          reason: '资金未到位',
        }),
        200,
        'extension',
      );
      const got = await items(u.sup);
      assert.deepEqual(
        got.map((i) => [i.kind, i.task, i.title, i.submitted_by, i.period, i.percent, i.requested_due]),
        [
          ['report', 'rq-t1', '推进老旧小区改造', '李明', '2026-05', 30, null],
          ['extension', 'rq-t2', '建设智慧停车平台', '李明', null, null, '2027-03-31'],
        ],
      );
      assert.equal(got[0]?.department?.id, 'fgw');
      assert.ok(got[0]?.department?.name && got[0].department.name !== 'fgw', 'department by name');
      assert.equal(got[0]?.submitted_at?.slice(0, 10), '2026-06-15');
      assert.ok((got[1]?.submitted_at ?? '') > (got[0]?.submitted_at ?? ''), 'oldest first');
      assert.equal(got[1]?.reason, '资金未到位');
      assert.ok(got.every((i) => !i.illustrative));
    });

    it('refuses department people and viewers (403)', async () => {
      for (const who of [u.repLead, u.headLead, u.repOther, u.viewer, liMing]) {
        assert.equal((await who.get(queue)).status, 403);
      }
    });

    it('lets the item leave the queue once reviewed with the version it carries', async () => {
      const [report, extension] = await items(u.sup);
      assert.ok(report && extension);
      await expectJson(
        u.sup.send('POST', `${tasks}/rq-t1/reports/2026-05/review`, {
          if_version: report.if_version,
          decision: 'accept',
        }),
        200,
        'accept report',
      );
      assert.deepEqual(
        (await items(u.sup)).map((i) => [i.kind, i.task]),
        [['extension', 'rq-t2']],
      );
      // Another supervisor sees the same queue.
      assert.deepEqual(
        (await items(u.sup2)).map((i) => [i.kind, i.task]),
        [['extension', 'rq-t2']],
      );
      await expectJson(
        u.sup.send('POST', `${tasks}/rq-t2/approve-extension`, { if_version: extension.if_version }),
        200,
        'approve extension',
      );
      assert.deepEqual(await items(u.sup), []);
    });
  });
}
