/**
 * The cockpit in one read and the what-if over HTTP, on both databases: the demo plan's counts add
 * up, the most urgent target comes first, overdue data is grouped by department, a department-
 * scoped reporter sees only its own, and a what-if answers without writing anything.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cockpit, WhatIfResponse } from '../../src/contracts/cockpit';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const base = '/api/plans/yuzhong-2023';

for (const dialect of dialects) {
  describe(`cockpit API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
    });
    after(() => server.stop());

    it('gives a leader the whole plan in one answer, most urgent first', async () => {
      const res = await seeded.clients.leader.a.get(`${base}/cockpit?as_of=2026-06-30`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as Cockpit;
      assert.equal(body.plan.id, 'yuzhong-2023');
      assert.equal(body.goal_areas.length, 6);
      assert.equal(body.programmes.length, 12);
      const total = Object.values(body.counts).reduce((a, b) => a + b, 0);
      assert.equal(total, body.targets.length);
      const gdp = body.targets.find((t) => t.id === 't-gdp');
      assert.equal(gdp?.evaluation.status, 'at_risk');
      assert.equal(gdp?.indicator?.unit, '亿元');
      assert.equal(gdp?.evaluation.projection?.year, 2027);
      assert.ok(gdp?.urgency !== null && gdp?.urgency !== undefined, 'an at-risk target is urgent');
      const urgent = body.targets
        .filter((t) => t.urgency !== null)
        .sort((a, b) => (a.urgency ?? 0) - (b.urgency ?? 0));
      assert.equal(urgent.length, body.counts.off_track + body.counts.at_risk);
      const rank = ['off_track', 'at_risk'];
      for (let i = 1; i < urgent.length; i++)
        assert.ok(
          rank.indexOf(urgent[i - 1]?.evaluation.status ?? '') <=
            rank.indexOf(urgent[i]?.evaluation.status ?? ''),
          'off track before at risk',
        );
      assert.ok(
        body.targets.filter((t) => t.urgency === null).every((t) => !rank.includes(t.evaluation.status)),
      );
      const counted = body.overdue.departments.reduce((a, d) => a + d.count, 0);
      assert.equal(counted, body.overdue.total);
      for (const d of body.overdue.departments) {
        assert.ok(d.items.length <= 5 && d.items.length > 0);
        assert.equal(d.items[0]?.due, d.oldest_due);
      }
      // The task lights come in the same answer: every task, red first, by programme.
      const tasks = body.tasks;
      assert.ok(tasks, 'a leader reads tasks');
      assert.equal(tasks.items.length, tasks.total);
      assert.ok(tasks.total >= 36, `the demo plan has a task per action, got ${tasks.total}`);
      assert.equal(
        Object.values(tasks.counts).reduce((a, b) => a + b, 0),
        tasks.total,
      );
      const order = ['red', 'yellow', 'green', 'blue'];
      for (let i = 1; i < tasks.items.length; i++)
        assert.ok(
          order.indexOf(tasks.items[i - 1]?.light ?? '') <= order.indexOf(tasks.items[i]?.light ?? ''),
        );
      const programmes = new Set(body.programmes.map((p) => p.id));
      assert.ok(tasks.items.every((t) => t.programme !== null && programmes.has(t.programme)));
      const red = new Set(tasks.items.filter((t) => t.light === 'red').map((t) => t.id));
      for (const d of tasks.overdue) {
        assert.equal(d.count, d.items.length);
        for (const item of d.items) {
          assert.ok(red.has(item.task), `${item.task} is overdue, so red`);
          assert.ok(item.reasons.length > 0 && item.reasons.every((r) => r.zh.includes('逾期')));
        }
      }
      assert.equal(
        tasks.overdue.reduce((a, d) => a + d.count, 0),
        red.size,
        'every red task is overdue on something',
      );
    });

    it('limits a department reporter to its own department', async () => {
      const res = await seeded.clients.reporter.a.get(`${base}/cockpit`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as Cockpit;
      assert.ok(body.targets.every((t) => t.department?.id === seeded.departments.a));
      assert.ok(body.overdue.departments.every((d) => d.department?.id === seeded.departments.a));
      assert.equal(body.tasks?.total, 0, 'no task of its department, none of the others');
      const whatIf = await seeded.clients.reporter.a.send('POST', `${base}/targets/t-gdp/what-if`, {
        growth: 5,
      });
      assert.equal(whatIf.status, 404, 'another department’s target');
    });

    it('answers a what-if from the engine and saves nothing', async () => {
      const before = await (await admin.get(`${base}/status?as_of=2026-06-30`)).text();
      const audit = await (await admin.get('/api/audit?limit=1')).text();
      const res = await seeded.clients.leader.a.send(
        'POST',
        `${base}/targets/t-gdp/what-if?as_of=2026-06-30`,
        {
          growth: 9,
        },
      );
      assert.equal(res.status, 200, await res.clone().text());
      const r = (await res.json()) as WhatIfResponse;
      assert.deepEqual(
        r.path.map((p) => p.period),
        ['2026'],
      );
      assert.ok(Math.abs((r.path[0]?.value ?? 0) - 1781.8 * 1.09) < 0.01);
      assert.equal(r.target_year, 2027);
      assert.equal(r.target_year_value, r.evaluation.projection?.value);
      assert.ok(r.evaluation.projection?.probability !== undefined);
      const final = await seeded.clients.leader.a.send('POST', `${base}/targets/t-gdp/what-if`, {
        year: 2027,
        value: 2200,
      });
      assert.equal(((await final.json()) as WhatIfResponse).evaluation.status, 'achieved');
      assert.equal(await (await admin.get(`${base}/status?as_of=2026-06-30`)).text(), before);
      assert.equal(
        await (await admin.get('/api/audit?limit=1')).text(),
        audit,
        'no audit row: nothing written',
      );
    });

    it('refuses a what-if without a clear assumption, naming the problem', async () => {
      for (const body of [
        {},
        { growth: 5, year: 2027, value: 1 },
        { year: 2027 },
        { growth: 'x' },
        { growth: 5, extra: 1 },
      ]) {
        const res = await seeded.clients.leader.a.send('POST', `${base}/targets/t-gdp/what-if`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      const past = await seeded.clients.leader.a.send('POST', `${base}/targets/t-gdp/what-if`, {
        year: 2020,
        value: 1,
      });
      assert.equal(past.status, 422);
      assert.match(((await past.json()) as { detail: string }).detail, /year must be after/);
    });
  });
}
