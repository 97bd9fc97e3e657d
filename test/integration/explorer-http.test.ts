/**
 * The plan explorer over HTTP, on both databases: one read gives both trees of the demo plan with
 * lights that agree with the status and task routes; a department reporter's trees hold its own
 * department only; anonymous callers are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanExplorer } from '../../src/contracts/explorer';
import type { PlanStatus } from '../../src/contracts/status';
import type { TaskList } from '../../src/contracts/tasks';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const base = '/api/plans/yuzhong-2023';
const asOf = '2026-06-30';

for (const dialect of dialects) {
  describe(`plan explorer API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
    });
    after(() => server.stop());

    it('gives a leader both trees with the lights of the status and task routes', async () => {
      const res = await seeded.clients.leader.a.get(`${base}/explorer?as_of=${asOf}`);
      assert.equal(res.status, 200, await res.clone().text());
      const body = (await res.json()) as PlanExplorer;
      assert.equal(body.plan.id, 'yuzhong-2023');
      assert.equal(body.as_of, asOf);
      assert.ok(body.tasks_shown);
      assert.equal(body.goal_areas.filter((g) => g.id !== null).length, 6);
      assert.equal(body.programmes.filter((p) => p.id !== null).length, 12);

      const status = (await (await admin.get(`${base}/status?as_of=${asOf}`)).json()) as PlanStatus;
      const targets = body.goal_areas.flatMap((g) => g.targets);
      assert.equal(targets.length, status.statuses.length, 'every target once');
      const statusOf = new Map(status.statuses.map((s) => [s.target, s.status]));
      for (const t of targets) assert.equal(t.status, statusOf.get(t.id), t.id);
      const gdp = targets.find((t) => t.id === 't-gdp');
      assert.equal(gdp?.indicator?.unit, '亿元');
      assert.ok(gdp?.explanation.zh && gdp.explanation.en);
      assert.ok(gdp?.indicator?.latest, 'the latest value of GDP');

      const list = (await (await admin.get(`${base}/tasks?as_of=${asOf}&page_size=200`)).json()) as TaskList;
      const tasks = body.programmes.flatMap((p) => p.actions.flatMap((a) => a.tasks));
      assert.equal(tasks.length, list.total, 'every task once');
      const lightOf = new Map(list.tasks.map((t) => [t.id, t.light]));
      const reasonOf = new Map(list.tasks.map((t) => [t.id, t.reasons[0]?.zh ?? null]));
      for (const t of tasks) {
        assert.equal(t.light, lightOf.get(t.id), t.id);
        assert.equal(t.reason?.zh ?? null, reasonOf.get(t.id), `${t.id}: the light's first reason`);
      }
      assert.ok(new Set(tasks.map((t) => t.light)).size > 1, 'the demo tasks have several lights');
      // Each task hangs under its own action.
      for (const p of body.programmes)
        for (const a of p.actions)
          for (const t of a.tasks) {
            const summary = list.tasks.find((x) => x.id === t.id);
            assert.equal(summary?.action, a.id);
            assert.equal(summary?.programme, p.id);
          }
      const named = new Set(body.departments.map((d) => d.id));
      for (const t of tasks) if (t.lead_department) assert.ok(named.has(t.lead_department.id));
    });

    it('limits a department reporter to its own department', async () => {
      const res = await seeded.clients.reporter.a.get(`${base}/explorer?as_of=${asOf}`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as PlanExplorer;
      const targets = body.goal_areas.flatMap((g) => g.targets);
      const own = (await (
        await seeded.clients.reporter.a.get(`${base}/status?as_of=${asOf}`)
      ).json()) as PlanStatus;
      const all = (await (await admin.get(`${base}/status?as_of=${asOf}`)).json()) as PlanStatus;
      assert.equal(targets.length, own.statuses.length, 'the targets its status route shows');
      assert.ok(targets.length < all.statuses.length, 'not the whole plan');
      assert.ok(targets.every((t) => t.indicator?.department?.id === seeded.departments.a));
      const tasks = body.programmes.flatMap((p) => p.actions.flatMap((a) => a.tasks));
      assert.equal(tasks.length, 0, 'no task of its department, none of the others');
    });

    it('refuses anonymous callers and answers 404 for an unknown plan', async () => {
      const anonymous = await fetch(`${server.url}${base}/explorer`);
      assert.equal(anonymous.status, 401);
      const missing = await seeded.clients.leader.a.get('/api/plans/no-such-plan/explorer');
      assert.equal(missing.status, 404);
    });
  });
}
