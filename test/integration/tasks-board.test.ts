/**
 * What the board and a liaison's "my tasks" read from the task list, on SQLite and PostgreSQL
 * with the demo plan as of 2026-12-01: counts by light under the other filters (the light filter
 * leaves them alone), the reports owed now with their due days, a returned report flagged as
 * owed again, and the next date and days overdue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TaskList } from '../../src/contracts/tasks';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

const tasks = '/api/plans/yuzhong-2023/tasks?as_of=2026-12-01&page_size=200';

for (const dialect of dialects) {
  describe(`task board figures [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: TaskUsers;
    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date('2026-12-01T08:00:00Z') });
      u = await seedTaskUsers(server.url, await login(server.url, 'admin', testAdminPassword));
    });
    after(() => server.stop());

    it('counts the lights of the filtered tasks, whatever light is chosen', async () => {
      const all = await expectJson<TaskList>(u.viewer.get(tasks), 200);
      assert.deepEqual(all.counts, { red: 9, yellow: 10, green: 11, blue: 7 });
      const red = await expectJson<TaskList>(u.viewer.get(`${tasks}&light=red`), 200);
      assert.deepEqual(red.counts, all.counts);
      assert.equal(red.total, 9);
      assert.ok(red.tasks.every((t) => t.light === 'red' && t.overdue_days > 0));
      const fgw = await expectJson<TaskList>(u.viewer.get(`${tasks}&department=fgw`), 200);
      const sum = Object.values(fgw.counts).reduce((a, b) => a + b, 0);
      assert.equal(sum, fgw.total);
      assert.ok(sum < 37);
    });

    it('lists the reports owed now, a returned one flagged, for the department’s own tasks', async () => {
      const sup = await expectJson<TaskList>(u.sup.get(tasks), 200);
      const p7 = sup.tasks.find((t) => t.id === 'p7-a3-t1');
      assert.deepEqual(p7?.owed, [
        { period: '2026-10', due: '2026-11-05', returned: true },
        { period: '2026-11', due: '2026-12-05', returned: false },
        { period: '2026-12', due: '2027-01-05', returned: false },
      ]);
      assert.equal(p7?.overdue_days, 26);
      assert.equal(p7?.next_due, '2026-12-05');
      const p5 = sup.tasks.find((t) => t.id === 'p5-a1-t1');
      assert.deepEqual(p5?.owed, [{ period: '2026-Q4', due: '2027-01-05', returned: false }]);
      const completed = sup.tasks.filter((t) => t.light === 'blue');
      assert.ok(completed.every((t) => t.owed.length === 0 && t.next_due === null));
      // The lead department's liaison sees its own tasks only, with the same figures.
      const mine = await expectJson<TaskList>(u.repLead.get(tasks), 200);
      assert.ok(mine.total > 0 && mine.total < 37);
      assert.ok(
        mine.tasks.every((t) =>
          [t.lead_department?.id, ...t.co_departments.map((d) => d.id)].includes('fgw'),
        ),
      );
    });

    it('shows a write in the very next board read, though the board is cached', async () => {
      const readP7 = async () =>
        (await expectJson<TaskList>(u.sup.get(tasks), 200)).tasks.find((t) => t.id === 'p7-a3-t1')!;
      await readP7(); // fills the cache
      const before = await readP7(); // served from it
      await expectJson(
        u.sup.send('PATCH', '/api/plans/yuzhong-2023/tasks/p7-a3-t1', {
          if_version: before.version,
          title: '新标题 fresh title',
          due: '2026-11-20',
        }),
        200,
        'edit',
      );
      const after = await readP7();
      assert.equal(after.title, '新标题 fresh title');
      assert.equal(after.version, before.version + 1);
      assert.equal(after.due, '2026-11-20');
      // The evaluation is fresh too: due in 2027 it was partly expected, past its new due day all is.
      assert.ok(before.expected_percent < 100);
      assert.equal(after.expected_percent, 100);
      assert.equal(after.light, 'red');
      assert.notDeepEqual(after, before);
    });
  });
}
