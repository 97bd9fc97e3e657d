/**
 * Department scoping of data collection (SECURITY.md V8.2.2, V8.2.3), on SQLite and PostgreSQL:
 * department B gets 404 for department A's values and never sees them in lists, queues,
 * calendars or notifications; request bodies with extra fields are refused; department tokens
 * push data of their own department only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import {
  deptA,
  expectJson,
  seedDataUsers,
  tokenClient,
  type DataUsers,
  type ValueBody,
} from '../helpers/data-users';

const data = '/api/plans/yuzhong-2023/data';
const valuePath = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;

interface Queue {
  values: { indicator: string; department: string | null }[];
}
interface Calendar {
  indicators: { indicator: string; department: string | null }[];
}

for (const dialect of dialects) {
  describe(`data access [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      // Department A (tjj) has a submitted gdp value and a returned gdp_growth value.
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp', period: '2026', value: 1800 }),
        201,
      );
      await expectJson(u.repA.send('POST', `${valuePath('gdp', '2026')}/submit`, { if_version: 1 }), 200);
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2026', value: 5 }),
        201,
      );
      await expectJson(
        u.repA.send('POST', `${valuePath('gdp_growth', '2026')}/submit`, { if_version: 1 }),
        200,
      );
      await expectJson(
        u.headA.send('POST', `${valuePath('gdp_growth', '2026')}/return`, { if_version: 1, reason: '核对' }),
        200,
      );
      // Department B (fgw) has one of its own, approved.
      await expectJson(
        u.repB.send('POST', `${data}/values`, { indicator: 'fai', period: '2026', value: 300 }),
        201,
      );
      await expectJson(u.repB.send('POST', `${valuePath('fai', '2026')}/submit`, { if_version: 1 }), 200);
      await expectJson(u.headB.send('POST', `${valuePath('fai', '2026')}/approve`, { if_version: 1 }), 200);
    });
    after(() => server.stop());

    it('answers 404 to department B for every department A value route', async () => {
      for (const who of [u.repB, u.headB]) {
        const checks: [string, string, object | undefined][] = [
          ['GET', valuePath('gdp', '2026'), undefined],
          ['GET', `${valuePath('gdp', '2026')}/history`, undefined],
          ['PATCH', valuePath('gdp', '2026'), { if_version: 1, value: 1 }],
          ['POST', `${valuePath('gdp', '2026')}/submit`, { if_version: 1 }],
          ['POST', `${valuePath('gdp', '2026')}/return`, { if_version: 1, reason: 'x' }],
          ['POST', `${valuePath('gdp', '2026')}/corrections`, { if_version: 1, value: 1, reason: 'x' }],
          ['POST', `${data}/values`, { indicator: 'gdp', period: '2025', value: 1 }],
          // An unknown period of A's indicator looks the same as a missing one.
          ['GET', valuePath('gdp', '2024'), undefined],
        ];
        if (who === u.headB) checks.push(['POST', `${valuePath('gdp', '2026')}/approve`, { if_version: 1 }]);
        for (const [method, path, body] of checks) {
          const res = method === 'GET' ? await who.get(path) : await who.send(method, path, body);
          assert.equal(res.status, 404, `${method} ${path}`);
        }
      }
      // And the value is untouched.
      const value = await expectJson<ValueBody>(u.repA.get(valuePath('gdp', '2026')), 200);
      assert.equal(value.value.status, 'submitted');
      assert.equal(value.value.value, 1800);
    });

    it("never lists department A's rows to department B", async () => {
      const calB = await expectJson<Calendar>(u.repB.get(`${data}/calendar`), 200);
      assert.ok(calB.indicators.length > 0);
      assert.ok(calB.indicators.every((i) => i.department === 'fgw'));
      const asked = await expectJson<Calendar>(u.repB.get(`${data}/calendar?department=${deptA}`), 200);
      assert.deepEqual(asked.indicators, []);

      const queueB = await expectJson<Queue>(u.headB.get(`${data}/queue`), 200);
      assert.ok(queueB.values.every((v) => v.department === 'fgw'));
      const queueA = await expectJson<Queue>(u.headA.get(`${data}/queue`), 200);
      assert.deepEqual(
        queueA.values.map((v) => v.indicator),
        ['gdp'],
      );
      // The supervisor sees B's approved value; department heads do not accept.
      const supQueue = await expectJson<Queue>(u.sup.get(`${data}/queue`), 200);
      assert.deepEqual(
        supQueue.values.map((v) => v.indicator),
        ['fai'],
      );

      const notesB = await expectJson<{ notifications: { id: number; payload: { indicator: string } }[] }>(
        u.repB.get('/api/notifications'),
        200,
      );
      assert.ok(notesB.notifications.every((n) => n.payload.indicator !== 'gdp_growth'));
      const notesA = await expectJson<{ notifications: { id: number; payload: { indicator: string } }[] }>(
        u.repA.get('/api/notifications'),
        200,
      );
      const returned = notesA.notifications.find((n) => n.payload.indicator === 'gdp_growth');
      assert.ok(returned);
      const foreign = await u.repB.send('POST', `/api/notifications/${returned.id}/read`);
      assert.equal(foreign.status, 404);
    });

    it('refuses mass assignment in request bodies', async () => {
      const base = { indicator: 'gdp', period: '2025', value: 1 };
      for (const extra of [
        { department_id: 1 },
        { status: 'accepted' },
        { approved_by: 1 },
        { recorded_by: 1 },
        { version: 7 },
        { replaces_id: 1 },
      ]) {
        const res = await u.repA.send('POST', `${data}/values`, { ...base, ...extra });
        assert.equal(res.status, 400, JSON.stringify(extra));
      }
      const patch = await u.repA.send('PATCH', valuePath('gdp_growth', '2026'), {
        if_version: 1,
        status: 'accepted',
      });
      assert.equal(patch.status, 400);
      const submit = await u.repA.send('POST', `${valuePath('gdp_growth', '2026')}/submit`, {
        if_version: 1,
        status: 'accepted',
      });
      assert.equal(submit.status, 400);
      const value = await expectJson<ValueBody>(u.repA.get(valuePath('gdp_growth', '2026')), 200);
      assert.equal(value.value.status, 'returned');
    });

    it('checks roles: reporters do not approve, viewers do not write, strangers are 401', async () => {
      const approve = await u.repA.send('POST', `${valuePath('gdp', '2026')}/approve`, { if_version: 1 });
      assert.equal(approve.status, 403);
      const write = await u.viewer.send('POST', `${data}/values`, {
        indicator: 'gdp',
        period: '2024',
        value: 1,
      });
      assert.equal(write.status, 403);
      const read = await expectJson<ValueBody>(u.viewer.get(valuePath('gdp', '2026')), 200);
      assert.equal(read.value.value, 1800);
      const anonymous = await fetch(server.url + valuePath('gdp', '2026'));
      assert.equal(anonymous.status, 401);
      const notes = await fetch(server.url + '/api/notifications');
      assert.equal(notes.status, 401);
    });

    it("lets a department token push its own department's data, and only that", async () => {
      const bureau = tokenClient(server.url, u.tokenA);
      const created = await expectJson<ValueBody>(
        bureau.send('POST', `${data}/values`, { indicator: 'urbanization_rate', period: '2026', value: 100 }),
        201,
      );
      assert.equal(created.value.recorded_by, null);
      const submitted = await expectJson<ValueBody>(
        bureau.send('POST', `${valuePath('urbanization_rate', '2026')}/submit`, { if_version: 1 }),
        200,
      );
      assert.equal(submitted.value.status, 'submitted');
      const foreign = await bureau.send('POST', `${data}/values`, {
        indicator: 'fai',
        period: '2025',
        value: 1,
      });
      assert.equal(foreign.status, 404);
      const foreignRead = await bureau.get(valuePath('fai', '2026'));
      assert.equal(foreignRead.status, 404);
      const approve = await bureau.send('POST', `${valuePath('urbanization_rate', '2026')}/approve`, {
        if_version: 1,
      });
      assert.equal(approve.status, 403);
      const cal = await expectJson<Calendar>(bureau.get(`${data}/calendar`), 200);
      assert.ok(cal.indicators.every((i) => i.department === deptA));
    });

    it('refuses bad values and periods', async () => {
      for (const body of [
        { indicator: 'gdp', period: '2024-05', value: 1 },
        { indicator: 'gdp', period: '2031', value: 1 },
        { indicator: 'gdp_per_capita', period: '2024', value: 1 },
      ]) {
        const res = await u.repA.send('POST', `${data}/values`, body);
        assert.ok([404, 422].includes(res.status), `${JSON.stringify(body)}: ${res.status}`);
      }
      for (const body of [
        { indicator: 'gdp', period: '2024', value: 'x' },
        { indicator: 'gdp', period: '24', value: 1 },
        { indicator: 'gdp', period: '2024' },
      ]) {
        const res = await u.repA.send('POST', `${data}/values`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
      }
    });
  });
}
