/**
 * Reporting without training (issue 18) over HTTP on SQLite and PostgreSQL, on 2026-12-01: the
 * running year is on the reporter's list and takes a preliminary value (快报/预计数), a monthly
 * indicator's running month is refused with a coded problem, the entry checks warn about a GDP
 * typed in 万元, every step notifies the next person with names, a returned value carries its
 * reason, and the template and the upload offer and accept the running year.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { dataPassword, expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';

const plan = '/api/plans/yuzhong-2023';
const data = `${plan}/data`;
const valuePath = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;
const now = new Date('2026-12-01T08:00:00Z');

interface Detail {
  value: { status: string; version: number; preliminary: boolean; indicator_name: string; unit: string };
  returned: { reason: string | null; by: string } | null;
  warnings: { code: string; params: Record<string, unknown>; message: string }[];
}
interface Note {
  kind: string;
  payload: Record<string, unknown>;
}

for (const dialect of dialects) {
  describe(`reporting without training [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect, { now: () => now });
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
    });
    after(() => server.stop());

    const notes = async (who: Client) =>
      (await expectJson<{ notifications: Note[] }>(who.get('/api/notifications?unread=1'), 200))
        .notifications;
    const step = (who: Client, name: string, version: number, reason?: string) =>
      expectJson<Detail>(
        who.send('POST', `${valuePath('gdp', '2026')}/${name}`, {
          if_version: version,
          ...(reason ? { reason } : {}),
        }),
        200,
        name,
      );

    it('lists the running year with its deadline, and names the department', async () => {
      const cal = await expectJson<{
        indicators: {
          indicator: string;
          department_name: string;
          preliminary_allowed: boolean;
          periods: { period: string; due: string; standing: string; status: string }[];
        }[];
      }>(u.repA.get(`${data}/calendar`), 200);
      const gdp = cal.indicators.find((i) => i.indicator === 'gdp');
      assert.equal(gdp?.department_name, '区统计局');
      assert.equal(gdp?.preliminary_allowed, true);
      assert.deepEqual(
        gdp?.periods.find((p) => p.period === '2026'),
        {
          period: '2026',
          due: '2027-03-31',
          status: 'missing',
          version: null,
          overdue: false,
          standing: 'running',
          preliminary: false,
        },
      );
      assert.equal(
        gdp?.periods.find((p) => p.period === '2027'),
        undefined,
      );
    });

    it('warns about a GDP typed in 万元 before it is entered, and not about a plausible one', async () => {
      const slip = await expectJson<{ warnings: Detail['warnings'] }>(
        u.repA.send('POST', `${data}/checks`, { indicator: 'gdp', period: '2026', value: 18_500_000 }),
        200,
      );
      assert.deepEqual(
        slip.warnings.map((w) => [w.code, w.params.suggested]),
        [['scale_slip', 1850]],
      );
      assert.match(slip.warnings[0]?.message ?? '', /万元和亿元/);
      const fine = await expectJson<{ warnings: unknown[] }>(
        u.repA.send('POST', `${data}/checks`, { indicator: 'gdp', period: '2026', value: 1850 }),
        200,
      );
      assert.deepEqual(fine.warnings, []);
      // A stored value lists its warnings too, for the reviewer; the reporter's reason is kept.
      const odd = await expectJson<Detail & { value: { check_reason: string | null } }>(
        u.repA.send('POST', `${data}/values`, {
          indicator: 'resident_population',
          period: '2026',
          value: 660_000,
          check_reason: '按人填报',
        }),
        201,
      );
      assert.deepEqual(
        odd.warnings.map((w) => w.code),
        ['scale_slip'],
      );
      assert.equal(odd.value.check_reason, '按人填报');
      // Another department's indicator is not revealed.
      assert.equal(
        (await u.repB.send('POST', `${data}/checks`, { indicator: 'gdp', period: '2026', value: 1 })).status,
        404,
      );
    });

    it('takes a preliminary value of the running year through the workflow, notifying each next person', async () => {
      const created = await expectJson<Detail>(
        u.repA.send('POST', `${data}/values`, {
          indicator: 'gdp',
          period: '2026',
          value: 1850,
          source: '快报',
        }),
        201,
      );
      assert.equal(created.value.preliminary, true);
      assert.equal(created.value.indicator_name, '地区生产总值');
      assert.equal(created.value.unit, '亿元');
      assert.deepEqual(created.warnings, []);
      await step(u.repA, 'submit', 1);
      const forHead = (await notes(u.headA)).find((n) => n.kind === 'data.awaiting_approval');
      assert.equal(forHead?.payload.indicator_name, '地区生产总值');
      assert.equal(forHead?.payload.value, 1850);
      assert.equal(forHead?.payload.preliminary, true);
      assert.equal(forHead?.payload.by, 'rep-a');
      assert.equal((await notes(u.headB)).filter((n) => n.kind === 'data.awaiting_approval').length, 0);

      const queue = await expectJson<{
        values: {
          indicator_name: string;
          unit: string;
          department_name: string;
          recorded_by_display: string;
        }[];
      }>(u.headA.get(`${data}/queue`), 200);
      assert.deepEqual(
        queue.values.map((v) => [v.indicator_name, v.unit, v.department_name, v.recorded_by_display]),
        [['地区生产总值', '亿元', '区统计局', 'rep-a']],
      );

      await step(u.headA, 'approve', 1);
      assert.ok(
        (await notes(u.sup)).some(
          (n) => n.kind === 'data.awaiting_acceptance' && n.payload.indicator_name === '地区生产总值',
        ),
      );
      await step(u.sup, 'return', 1, '请按快报口径核对');
      const returned = (await notes(u.repA)).find((n) => n.kind === 'data.returned');
      assert.equal(returned?.payload.reason, '请按快报口径核对');
      const seen = await expectJson<Detail>(u.repA.get(valuePath('gdp', '2026')), 200);
      assert.deepEqual(seen.returned, { reason: '请按快报口径核对', by: 'sup-1', at: now.toISOString() });

      const edited = await expectJson<Detail>(
        u.repA.send('PATCH', valuePath('gdp', '2026'), { if_version: 1, value: 1852 }),
        200,
      );
      assert.equal(edited.value.preliminary, true, 'a running period stays preliminary');
      assert.equal(edited.returned, null);
      await step(u.repA, 'submit', 2);
      await step(u.headA, 'approve', 2);
      const accepted = await step(u.sup, 'accept', 2);
      assert.equal(accepted.value.status, 'accepted');
      const done = (await notes(u.repA)).find((n) => n.kind === 'data.accepted');
      assert.equal(done?.payload.value, 1852);

      const history = await expectJson<{ events: { action: string; actor_name: string | null }[] }>(
        u.repA.get(`${valuePath('gdp', '2026')}/history`),
        200,
      );
      assert.deepEqual(history.events.map((e) => [e.action, e.actor_name]).slice(0, 4), [
        ['data.create', 'rep-a'],
        ['data.submit', 'rep-a'],
        ['data.approve', 'head-a'],
        ['data.return', 'sup-1'],
      ]);
    });

    it('refuses the running month of a monthly indicator with a coded problem', async () => {
      const res = await admin.send('POST', '/api/users', {
        username: 'rep-env',
        display_name: '王芳',
        password: dataPassword,
        roles: ['reporter'],
        departments: ['sthjj'],
      });
      assert.equal(res.status, 201);
      const rep = await login(server.url, 'rep-env', dataPassword);
      const problem = await expectJson<{ code: string; params: Record<string, string> }>(
        rep.send('POST', `${data}/values`, { indicator: 'good_air_days', period: '2026-12', value: 20 }),
        422,
      );
      assert.equal(problem.code, 'preliminary_not_allowed');
      assert.deepEqual(problem.params, { indicator: 'good_air_days', period: '2026-12' });
      await expectJson(
        rep.send('POST', `${data}/values`, { indicator: 'good_air_days', period: '2026-11', value: 27 }),
        201,
      );
    });

    it('offers the running year in the template (Chinese header, codes hidden) and the upload accepts it', async () => {
      const res = await u.repA.get(`${plan}/imports/template?department=tjj&from=2025&to=2027`);
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.ok(ws);
      assert.equal(ws.getRow(1).hidden, true);
      assert.equal(ws.getCell('A1').value, 'indicator');
      assert.equal(ws.getCell('A2').value, '指标代码');
      const periods = new Set<string>();
      ws.eachRow((row, n) => {
        if (n > 2) periods.add(row.getCell(2).text);
      });
      assert.deepEqual([...periods].sort(), ['2025', '2026']);

      // Fill tertiary_va 2026 (a preliminary value) and upload the template back.
      ws.eachRow((row, n) => {
        if (n > 2 && row.getCell(1).value === 'tertiary_va' && row.getCell(2).value === '2026') {
          assert.equal(row.getCell(10).value, '是');
          row.getCell(3).value = 1600;
        }
      });
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'tjj.xlsx');
      const preview = await expectJson<{
        errors: unknown[];
        changes: {
          indicator: string;
          indicator_name: string;
          period: string;
          preliminary: boolean;
          kind: string;
        }[];
        token: string | null;
      }>(
        fetch(`${server.url}${plan}/imports/preview`, {
          method: 'POST',
          headers: { Cookie: u.repA.cookie, 'X-CSRF-Token': u.repA.csrf },
          body: form,
        }),
        200,
      );
      assert.deepEqual(preview.errors, []);
      const row = preview.changes.find((c) => c.indicator === 'tertiary_va' && c.period === '2026');
      assert.deepEqual(row && [row.indicator_name, row.preliminary, row.kind], [
        '第三产业增加值',
        true,
        'add',
      ]);
      assert.ok(preview.token);
      const headBefore = (await notes(u.headA)).length;
      await expectJson(u.repA.send('POST', `${plan}/imports/commit`, { token: preview.token }), 200);
      // The head of the department is told, as after a single submission; another head is not.
      const told = (await notes(u.headA)).filter((n) => n.kind === 'data.awaiting_approval_upload');
      assert.equal((await notes(u.headA)).length, headBefore + 1);
      assert.deepEqual(
        told.map((n) => [n.payload.count, n.payload.link, (n.payload.message as { zh: string }).zh]),
        [[1, '/data/review', 'rep-a通过Excel提交了区统计局1项数据，待您审核']],
      );
      assert.equal(
        (await notes(u.headB)).filter((n) => n.kind === 'data.awaiting_approval_upload').length,
        0,
      );
      const stored = await expectJson<Detail>(u.repA.get(valuePath('tertiary_va', '2026')), 200);
      assert.equal(stored.value.preliminary, true);
      assert.equal(stored.value.status, 'submitted');
    });

    it('words upload problems with codes', async () => {
      const form = new FormData();
      form.append('file', new Blob(['indicator,period,value\ngdp_growth,2027,5\nfai,2025,1\n']), 'x.csv');
      const preview = await expectJson<{ errors: { row: number; code?: string }[] }>(
        fetch(`${server.url}${plan}/imports/preview`, {
          method: 'POST',
          headers: { Cookie: u.repA.cookie, 'X-CSRF-Token': u.repA.csrf },
          body: form,
        }),
        200,
      );
      assert.deepEqual(
        preview.errors.map((e) => [e.row, e.code]),
        [
          [2, 'period_not_ended'],
          [3, 'other_department'],
        ],
      );
    });

    it("shows the supervisor the district's reporting by department, and 催报 reaches the department", async () => {
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2025', value: 5.1 }),
        201,
      );
      await expectJson(
        u.repA.send('POST', `${valuePath('gdp_growth', '2025')}/submit`, { if_version: 1 }),
        200,
      );
      interface District {
        departments: {
          department: string;
          department_name: string;
          state: string;
          late: number;
          missing: number;
          items: { indicator: string; period: string; state: string; arrived: string | null }[];
        }[];
      }
      const district = await expectJson<District>(u.sup.get(`${data}/district`), 200);
      const tjj = district.departments.find((d) => d.department === 'tjj');
      assert.equal(tjj?.department_name, '区统计局');
      assert.equal(tjj?.late, 1);
      assert.deepEqual(
        tjj?.items.find((i) => i.state === 'late'),
        {
          indicator: 'gdp_growth',
          indicator_name: '地区生产总值增速',
          period: '2025',
          due: '2026-03-31',
          state: 'late',
          arrived: now.toISOString(),
        },
      );
      // gdp 2024 is a gap in the demo data: missing, first in the list.
      assert.deepEqual(
        tjj?.items.filter((i) => i.indicator === 'gdp').map((i) => [i.period, i.state]),
        [
          ['2024', 'missing'],
          ['2023', 'on_time'],
          ['2025', 'on_time'],
        ],
      );
      const only2025 = await expectJson<District>(u.sup.get(`${data}/district?year=2025`), 200);
      assert.deepEqual(
        only2025.departments
          .flatMap((d) => d.items.map((i) => i.period.slice(0, 4)))
          .filter((y) => y !== '2025'),
        [],
      );
      assert.equal((await u.repA.get(`${data}/district`)).status, 403);

      const urged = await expectJson<{ department_name: string; missing: number }>(
        u.sup.send('POST', `${data}/urge`, { department: 'tjj', note: '请于本周内补报' }),
        200,
      );
      assert.deepEqual(urged, { department: 'tjj', department_name: '区统计局', missing: tjj?.missing });
      const got = (await notes(u.repA)).find((n) => n.kind === 'data.urged');
      assert.equal(got?.payload.note, '请于本周内补报');
      assert.equal(got?.payload.by, 'sup-1');
      assert.deepEqual((await notes(u.headA)).filter((n) => n.kind === 'data.urged').length, 1);
      assert.equal((await notes(u.repB)).filter((n) => n.kind === 'data.urged').length, 0);
      assert.equal((await u.sup.send('POST', `${data}/urge`, { department: 'nope' })).status, 404);
      assert.equal((await u.repA.send('POST', `${data}/urge`, { department: 'tjj' })).status, 403);
    });
  });
}
