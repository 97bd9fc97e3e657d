/**
 * The data approval workflow over a real socket, on SQLite and PostgreSQL, with the demo plan:
 * draft → submitted → approved → accepted, returns, self-review and skipped steps refused,
 * corrections as versions with history, concurrent edits, notifications and audit rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { expectJson, seedDataUsers, type DataUsers, type ValueBody } from '../helpers/data-users';

const plan = '/api/plans/yuzhong-2023';
const data = `${plan}/data`;
const valuePath = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;

interface Problem {
  detail: string;
}

for (const dialect of dialects) {
  describe(`data workflow [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
    });
    after(() => server.stop());

    const step = (who: Client, indicator: string, period: string, name: string, body: object, status = 200) =>
      expectJson<ValueBody>(who.send('POST', `${valuePath(indicator, period)}/${name}`, body), status, name);
    // A 2026 annual value counts once 2026 has ended: ask for the status early in 2027.
    const gdpStatus = async () => {
      const res = await admin.get(`${plan}/status?as_of=2027-01-15`);
      const body = await expectJson<{
        statuses: { target: string; latest: { period: string; value: number } }[];
      }>(res, 200, 'status');
      return body.statuses.find((s) => s.target === 't-gdp')?.latest;
    };
    /** The accepted gdp 2026 value as known at the end of a day, if any. */
    const gdp2026KnownOn = async (day: string) => {
      const res = await admin.get(`${plan}/observations?indicator=gdp&as_of=${day}`);
      const body = await expectJson<{
        observations: { period: string; value: number; alternate: boolean }[];
      }>(res, 200);
      return body.observations.find((o) => o.period === '2026' && !o.alternate)?.value;
    };

    it('takes a value from draft to accepted; only then does it feed statuses', async () => {
      assert.deepEqual(await gdpStatus(), { period: '2025', value: 1781.8 });
      const created = await expectJson<ValueBody>(
        u.repA.send('POST', `${data}/values`, {
          indicator: 'gdp',
          period: '2026',
          value: 1850.5,
          source: '区统计局',
        }),
        201,
        'create',
      );
      assert.equal(created.value.status, 'draft');
      assert.equal(created.value.version, 1);
      assert.equal(created.value.recorded_by, 'rep-a');
      assert.equal(created.accepted, null);

      const submitted = await step(u.repA, 'gdp', '2026', 'submit', { if_version: 1 });
      assert.equal(submitted.value.status, 'submitted');
      assert.deepEqual(await gdpStatus(), { period: '2025', value: 1781.8 });

      const queueA = await expectJson<{ values: { indicator: string; awaiting: string }[] }>(
        u.headA.get(`${data}/queue`),
        200,
      );
      assert.ok(queueA.values.some((v) => v.indicator === 'gdp' && v.awaiting === 'approval'));

      const approved = await step(u.headA, 'gdp', '2026', 'approve', { if_version: 1 });
      assert.equal(approved.value.status, 'approved');
      assert.deepEqual(await gdpStatus(), { period: '2025', value: 1781.8 });

      const supQueue = await expectJson<{ values: { indicator: string; awaiting: string }[] }>(
        u.sup.get(`${data}/queue`),
        200,
      );
      assert.ok(supQueue.values.some((v) => v.indicator === 'gdp' && v.awaiting === 'acceptance'));
      const notes = await expectJson<{ notifications: { kind: string; payload: { indicator: string } }[] }>(
        u.sup.get('/api/notifications'),
        200,
      );
      assert.ok(
        notes.notifications.some(
          (n) => n.kind === 'data.awaiting_acceptance' && n.payload.indicator === 'gdp',
        ),
      );

      const accepted = await step(u.sup, 'gdp', '2026', 'accept', { if_version: 1 });
      assert.equal(accepted.value.status, 'accepted');
      assert.equal(accepted.accepted?.value, 1850.5);
      assert.deepEqual(await gdpStatus(), { period: '2026', value: 1850.5 });
      // As known the day before it was accepted, the value was not there yet.
      const today = new Date().toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      assert.equal(await gdp2026KnownOn(today), 1850.5);
      assert.equal(await gdp2026KnownOn(yesterday), undefined);
    });

    it('locks an accepted value: a correction is version 2, the accepted one counts until then', async () => {
      const locked = await u.repA.send('PATCH', valuePath('gdp', '2026'), { if_version: 1, value: 1 });
      assert.equal(locked.status, 409);
      const noReason = await u.repA.send('POST', `${valuePath('gdp', '2026')}/corrections`, {
        if_version: 1,
        value: 1852.1,
      });
      assert.equal(noReason.status, 400);
      const corrected = await expectJson<ValueBody>(
        u.repA2.send('POST', `${valuePath('gdp', '2026')}/corrections`, {
          if_version: 1,
          value: 1852.1,
          reason: '统计局年报修订',
        }),
        201,
        'correct',
      );
      assert.equal(corrected.value.version, 2);
      assert.equal(corrected.value.status, 'draft');
      assert.equal(corrected.value.replaces_version, 1);
      assert.equal(corrected.accepted?.value, 1850.5);
      assert.deepEqual(await gdpStatus(), { period: '2026', value: 1850.5 });

      await step(u.repA2, 'gdp', '2026', 'submit', { if_version: 2 });
      await step(u.headA, 'gdp', '2026', 'approve', { if_version: 2 });
      assert.deepEqual(await gdpStatus(), { period: '2026', value: 1850.5 });
      await step(u.sup2, 'gdp', '2026', 'accept', { if_version: 2 });
      assert.deepEqual(await gdpStatus(), { period: '2026', value: 1852.1 });

      const history = await expectJson<{
        versions: {
          version: number;
          value: number;
          status: string;
          recorded_by: string;
          recorded_at: string;
          reason: string | null;
          changes: Record<string, { before: unknown; after: unknown }>;
        }[];
        events: {
          actor: string;
          action: string;
          version: number | null;
          from_status: string | null;
          to_status: string | null;
          reason: string | null;
        }[];
      }>(u.repA.get(`${valuePath('gdp', '2026')}/history`), 200, 'history');
      assert.deepEqual(
        history.versions.map((v) => [v.version, v.value, v.status, v.recorded_by, v.reason]),
        [
          [1, 1850.5, 'accepted', 'rep-a', null],
          [2, 1852.1, 'accepted', 'rep-a2', '统计局年报修订'],
        ],
      );
      assert.deepEqual(history.versions[1]?.changes.value, { before: 1850.5, after: 1852.1 });
      assert.ok(history.versions.every((v) => /^\d{4}-\d{2}-\d{2}T/.test(v.recorded_at)));
      assert.deepEqual(
        history.events.map((e) => [e.action, e.actor, e.version, e.from_status, e.to_status]),
        [
          ['data.create', 'rep-a', 1, null, 'draft'],
          ['data.submit', 'rep-a', 1, 'draft', 'submitted'],
          ['data.approve', 'head-a', 1, 'submitted', 'approved'],
          ['data.accept', 'sup-1', 1, 'approved', 'accepted'],
          ['data.correct', 'rep-a2', 2, 'accepted', 'draft'],
          ['data.submit', 'rep-a2', 2, 'draft', 'submitted'],
          ['data.approve', 'head-a', 2, 'submitted', 'approved'],
          ['data.accept', 'sup-2', 2, 'approved', 'accepted'],
        ],
      );
      assert.equal(history.events.find((e) => e.action === 'data.correct')?.reason, '统计局年报修订');
    });

    it('reopens an accepted value only with a reason; the department is told', async () => {
      const noReason = await u.sup.send('POST', `${valuePath('gdp', '2026')}/reopen`, { if_version: 2 });
      assert.equal(noReason.status, 400);
      const byReporter = await u.repA.send('POST', `${valuePath('gdp', '2026')}/reopen`, {
        if_version: 2,
        reason: 'x',
      });
      assert.equal(byReporter.status, 403);
      const reopened = await step(u.sup, 'gdp', '2026', 'reopen', { if_version: 2, reason: '口径需复核' });
      assert.equal(reopened.value.status, 'returned');
      assert.equal(reopened.value.version, 3);
      assert.equal(reopened.value.recorded_by, 'rep-a2');
      assert.equal(reopened.accepted?.version, 2);
      assert.deepEqual(await gdpStatus(), { period: '2026', value: 1852.1 });
      const notes = await expectJson<{ notifications: { kind: string; payload: { reason: string } }[] }>(
        u.repA.get('/api/notifications'),
        200,
      );
      assert.ok(
        notes.notifications.some((n) => n.kind === 'data.returned' && n.payload.reason === '口径需复核'),
      );
      // The supervisor who reopened it may still accept it: he did not enter the value.
      await step(u.repA, 'gdp', '2026', 'submit', { if_version: 3 });
      await step(u.headA, 'gdp', '2026', 'approve', { if_version: 3 });
      await step(u.sup, 'gdp', '2026', 'accept', { if_version: 3 });
    });

    it('refuses self-approval', async () => {
      await expectJson(
        u.headA.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2026', value: 6.1 }),
        201,
      );
      await step(u.headA, 'gdp_growth', '2026', 'submit', { if_version: 1 });
      const res = await u.headA.send('POST', `${valuePath('gdp_growth', '2026')}/approve`, { if_version: 1 });
      assert.equal(res.status, 409);
      assert.match(((await res.json()) as Problem).detail, /another person/);
      await step(u.repA, 'gdp_growth', '2026', 'return', { if_version: 1, reason: 'x' }, 403);
      await step(u.headA, 'gdp_growth', '2026', 'return', { if_version: 1, reason: '请核对' });
      const audit = await expectJson<{ entries: { action: string; outcome: string }[] }>(
        admin.get('/api/audit?action=data.approve&outcome=denied'),
        200,
        'audit',
      );
      assert.ok(audit.entries.length >= 1);
    });

    it('counts an editor as an author: they may not approve what they edited', async () => {
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'tertiary_va_growth', period: '2026', value: 6 }),
        201,
      );
      await expectJson(
        u.headA.send('PATCH', valuePath('tertiary_va_growth', '2026'), { if_version: 1, value: 6.2 }),
        200,
      );
      await step(u.repA, 'tertiary_va_growth', '2026', 'submit', { if_version: 2 });
      const res = await u.headA.send('POST', `${valuePath('tertiary_va_growth', '2026')}/approve`, {
        if_version: 2,
      });
      assert.equal(res.status, 409);
    });

    it('refuses skipped steps with a clear message', async () => {
      await expectJson(
        u.repA.send('POST', `${data}/values`, {
          indicator: 'resident_population',
          period: '2026',
          value: 59.1,
        }),
        201,
      );
      const early = await u.headA.send('POST', `${valuePath('resident_population', '2026')}/approve`, {
        if_version: 1,
      });
      assert.equal(early.status, 409);
      assert.match(((await early.json()) as Problem).detail, /submitted first/);
      const acceptDraft = await u.sup.send('POST', `${valuePath('resident_population', '2026')}/accept`, {
        if_version: 1,
      });
      assert.equal(acceptDraft.status, 409);
      await step(u.repA, 'resident_population', '2026', 'submit', { if_version: 1 });
      const skip = await u.sup.send('POST', `${valuePath('resident_population', '2026')}/accept`, {
        if_version: 1,
      });
      assert.equal(skip.status, 409);
      assert.match(((await skip.json()) as Problem).detail, /department head must approve/);
      const again = await u.repA.send('POST', `${valuePath('resident_population', '2026')}/submit`, {
        if_version: 1,
      });
      assert.equal(again.status, 409);
      const supReturnsEarly = await u.sup.send('POST', `${valuePath('resident_population', '2026')}/return`, {
        if_version: 1,
        reason: 'x',
      });
      assert.equal(supReturnsEarly.status, 403);
    });

    it('returns a value with a reason; the reporter edits and resubmits', async () => {
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'tertiary_va', period: '2026', value: 1500 }),
        201,
      );
      await step(u.repA, 'tertiary_va', '2026', 'submit', { if_version: 1 });
      await step(u.headA, 'tertiary_va', '2026', 'return', { if_version: 1 }, 400);
      await step(u.headA, 'tertiary_va', '2026', 'return', { if_version: 1, reason: '' }, 400);
      const returned = await step(u.headA, 'tertiary_va', '2026', 'return', {
        if_version: 1,
        reason: '单位应为亿元',
      });
      assert.equal(returned.value.status, 'returned');
      const notes = await expectJson<{
        notifications: {
          id: number;
          kind: string;
          read_at: string | null;
          payload: { indicator: string; reason: string };
        }[];
      }>(u.repA2.get('/api/notifications?unread=1'), 200);
      const note = notes.notifications.find((n) => n.payload.indicator === 'tertiary_va');
      assert.equal(note?.kind, 'data.returned');
      assert.equal(note?.payload.reason, '单位应为亿元');
      const read = await expectJson<{ read_at: string | null }>(
        u.repA2.send('POST', `/api/notifications/${note?.id}/read`),
        200,
      );
      assert.ok(read.read_at);

      const edited = await expectJson<ValueBody>(
        u.repA.send('PATCH', valuePath('tertiary_va', '2026'), { if_version: 1, value: 1510.2 }),
        200,
        'edit',
      );
      assert.equal(edited.value.status, 'draft');
      assert.equal(edited.value.version, 2);
      await step(u.repA, 'tertiary_va', '2026', 'submit', { if_version: 2 });
      await step(u.headA, 'tertiary_va', '2026', 'approve', { if_version: 2 });
      const back = await step(u.sup, 'tertiary_va', '2026', 'return', {
        if_version: 2,
        reason: '与年报不符',
      });
      assert.equal(back.value.status, 'returned');
      await step(u.repA, 'tertiary_va', '2026', 'submit', { if_version: 2 });
      await step(u.headA, 'tertiary_va', '2026', 'approve', { if_version: 2 });
      const done = await step(u.sup, 'tertiary_va', '2026', 'accept', { if_version: 2 });
      assert.equal(done.value.value, 1510.2);
    });

    it('lets exactly one of two concurrent editors of a version win', async () => {
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'urbanization_rate', period: '2026', value: 100 }),
        201,
      );
      const [one, two] = await Promise.all([
        u.repA.send('PATCH', valuePath('urbanization_rate', '2026'), { if_version: 1, value: 99.1 }),
        u.repA2.send('PATCH', valuePath('urbanization_rate', '2026'), { if_version: 1, value: 99.2 }),
      ]);
      assert.deepEqual([one.status, two.status].sort(), [200, 409]);
      const stale = await u.repA.send('PATCH', valuePath('urbanization_rate', '2026'), {
        if_version: 1,
        value: 99.3,
      });
      assert.equal(stale.status, 409);
      const now = await expectJson<ValueBody>(u.repA.get(valuePath('urbanization_rate', '2026')), 200);
      assert.equal(now.value.version, 2);
      const [s1, s2] = await Promise.all([
        u.repA.send('POST', `${valuePath('urbanization_rate', '2026')}/submit`, { if_version: 2 }),
        u.repA2.send('POST', `${valuePath('urbanization_rate', '2026')}/submit`, { if_version: 2 }),
      ]);
      assert.deepEqual([s1.status, s2.status].sort(), [200, 409]);
    });

    it('audits every transition with before and after status', async () => {
      const page = await expectJson<{
        entries: { action: string; object_type: string | null; outcome: string }[];
      }>(admin.get('/api/audit?object_type=observation&limit=500'), 200, 'audit');
      const actions = new Set(page.entries.filter((e) => e.outcome === 'success').map((e) => e.action));
      for (const a of ['create', 'edit', 'submit', 'approve', 'accept', 'return', 'reopen', 'correct']) {
        assert.ok(actions.has(`data.${a}`), a);
      }
    });

    it('shows what a department owes, by when', async () => {
      const cal = await expectJson<{
        indicators: {
          indicator: string;
          department: string;
          periods: { period: string; due: string; status: string; overdue: boolean; standing: string }[];
        }[];
      }>(u.repA.get(`${data}/calendar`), 200, 'calendar');
      assert.ok(cal.indicators.length > 0);
      assert.ok(cal.indicators.every((i) => i.department === 'tjj'));
      const gdp = cal.indicators.find((i) => i.indicator === 'gdp');
      assert.deepEqual(
        gdp?.periods.find((p) => p.period === '2025'),
        {
          period: '2025',
          due: '2026-03-31',
          status: 'accepted',
          version: 1,
          overdue: false,
          standing: 'overdue',
          preliminary: false,
        },
      );
      // The running year is on the list (a preliminary value, 快报/预计数, may be entered for it);
      // a monthly indicator's running month is not.
      const year = String(new Date().getUTCFullYear());
      assert.equal(gdp?.periods.find((p) => p.period === year)?.standing, 'running');
      const monthly = await expectJson<{
        indicators: { indicator: string; periods: { period: string; due: string }[] }[];
      }>(admin.get(`${data}/calendar?department=sthjj`), 200);
      const air = monthly.indicators.find((i) => i.indicator === 'good_air_days');
      assert.equal(air?.periods.find((p) => p.period === '2024-01')?.due, '2024-02-10');
      const month = new Date().toISOString().slice(0, 7);
      assert.equal(
        air?.periods.find((p) => p.period === month),
        undefined,
      );
    });
  });
}
