/**
 * Publishing on the portal (issue 13), on SQLite and PostgreSQL: a supervisor withdraws and
 * republishes objects; others may not; the change log says what changed when, without names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

const plan = '/api/plans/yuzhong-2023';
const page = (path: string) => `/portal/plans/yuzhong-2023/${path}`;

interface State {
  kind: string;
  id: string;
  published: boolean;
  changed_at: string | null;
}

for (const dialect of dialects) {
  describe(`publishing on the portal [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    const get = (path: string) => fetch(server.url + path);
    before(async () => {
      server = await startTestServer(dialect);
      u = await seedDataUsers(server.url, await login(server.url, 'admin', testAdminPassword));
    });
    after(() => server.stop());

    it('lists every goal area, target and indicator as published by default', async () => {
      const body = await expectJson<{ publications: State[] }>(
        u.sup.get(`${plan}/publications`),
        200,
        'list',
      );
      const gdp = body.publications.find((p) => p.kind === 'indicator' && p.id === 'gdp');
      assert.deepEqual(gdp && { published: gdp.published, changed_at: gdp.changed_at }, {
        published: true,
        changed_at: null,
      });
      assert.ok(body.publications.some((p) => p.kind === 'goal_area' && p.id === 'economy'));
      assert.ok(body.publications.some((p) => p.kind === 'target' && p.id === 't-gdp'));
    });

    it('withdraws a target from every page and brings it back', async () => {
      assert.equal((await get(page('targets/t-gdp/'))).status, 200);
      const off = await expectJson<State>(
        u.sup.send('POST', `${plan}/publications`, { kind: 'target', id: 't-gdp', published: false }),
        200,
        'withdraw',
      );
      assert.equal(off.published, false);
      assert.equal((await get(page('targets/t-gdp/'))).status, 404);
      assert.doesNotMatch(await (await get('/portal/')).text(), /targets\/t-gdp\//);
      await expectJson(
        u.sup.send('POST', `${plan}/publications`, { kind: 'target', id: 't-gdp', published: true }),
        200,
        'publish',
      );
      assert.equal((await get(page('targets/t-gdp/'))).status, 200);
      const log = await (await get(page('changes/'))).text();
      assert.match(log, /发布/);
      assert.match(log, /撤回/);
      assert.match(log, /地区生产总值迈上2100亿元台阶/);
      assert.doesNotMatch(log, /sup-1/);
    });

    it('hides an indicator with its goal area, and its targets with it', async () => {
      await expectJson(
        u.sup.send('POST', `${plan}/publications`, { kind: 'goal_area', id: 'ecology', published: false }),
        200,
        'area',
      );
      assert.equal((await get(page('indicators/good_air_days/'))).status, 404);
      assert.equal((await get(page('targets/t-air/'))).status, 404);
      await expectJson(
        u.sup.send('POST', `${plan}/publications`, { kind: 'goal_area', id: 'ecology', published: true }),
        200,
        'area',
      );
      assert.equal((await get(page('targets/t-air/'))).status, 200);
    });

    it('shows a task only once published, on its programme page, and withdraws it', async () => {
      const list = await expectJson<{ publications: State[] }>(
        u.sup.get(`${plan}/publications`),
        200,
        'list',
      );
      const task = list.publications.find((p) => p.kind === 'task' && p.id === 'p5-a1-t1');
      assert.equal(task?.published, false, 'tasks start unpublished');
      const title = '完成老旧小区改造100万平方米';
      assert.doesNotMatch(await (await get(page('programmes/p5/'))).text(), new RegExp(title));
      await expectJson(
        u.sup.send('POST', `${plan}/publications`, { kind: 'task', id: 'p5-a1-t1', published: true }),
        200,
        'publish task',
      );
      const shown = await (await get(page('programmes/p5/'))).text();
      assert.match(shown, new RegExp(title));
      assert.match(shown, /已完成\d+%|暂无已审核的进展报告/);
      assert.doesNotMatch(shown, /分管副区长/, 'the responsible leader stays inside');
      assert.match(await (await get('/portal/')).text(), /1项任务已公开/);
      assert.ok((await (await get(page('changes/'))).text()).includes(title), 'on the change log');
      await expectJson(
        u.sup.send('POST', `${plan}/publications`, { kind: 'task', id: 'p5-a1-t1', published: false }),
        200,
        'withdraw task',
      );
      assert.doesNotMatch(await (await get(page('programmes/p5/'))).text(), new RegExp(title));
      assert.equal(
        (
          await u.sup.send('POST', `${plan}/publications`, {
            kind: 'task',
            id: 'no-such-task',
            published: true,
          })
        ).status,
        404,
      );
    });

    it('refuses everyone but supervisors and administrators, unknown objects and bad kinds', async () => {
      const body = { kind: 'target', id: 't-gdp', published: false };
      assert.equal((await u.repA.send('POST', `${plan}/publications`, body)).status, 403);
      assert.equal((await u.headA.send('POST', `${plan}/publications`, body)).status, 403);
      assert.equal((await u.viewer.send('POST', `${plan}/publications`, body)).status, 403);
      assert.equal((await fetch(server.url + `${plan}/publications`, { method: 'POST' })).status, 401);
      assert.equal((await u.sup.send('POST', `${plan}/publications`, { ...body, id: 'nope' })).status, 404);
      assert.equal((await u.sup.send('POST', `${plan}/publications`, { ...body, kind: 'plan' })).status, 400);
      assert.equal((await u.sup.send('POST', `${plan}/publications`, { ...body, extra: 1 })).status, 400);
      assert.equal((await get(page('targets/t-gdp/'))).status, 200, 'nothing changed');
    });

    it('shows when each figure was last updated', async () => {
      const html = await (await get(page('indicators/gdp/'))).text();
      assert.match(html, /最近更新<\/dt>\s*<dd>\s*\d{4}-\d{2}-\d{2}\s*<\/dd>/);
    });
  });
}
