/**
 * Stateless app servers (issue 15) on SQLite and PostgreSQL: two app servers on one database; an
 * upload previewed on one is committed on the other (data values and the tasks' breakdown table),
 * a token is spent once whichever server sees it, and a commit after the preview's 15 minutes gets
 * a clear problem (`preview_expired`) from a server whose clock is past them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { ImportPreview, ImportResultBody } from '../../src/contracts/imports';
import { startServer } from '../../src/server/main';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const plan = '/api/plans/yuzhong-2023';
const good = 'indicator,period,value\ngdp,2024,1700.2\ngdp_growth,2024,5.5\n';

/** Another app server on the same database (its own process state, its own clock). */
async function secondServer(location: string, now?: () => Date) {
  const running = await startServer({ db: location, port: 0, host: '127.0.0.1', logLevel: 'silent', now });
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, stop: running.stop };
}

/** The client's session used against the server at `url`. */
function at(url: string, who: Client) {
  const headers = { Cookie: who.cookie, 'X-CSRF-Token': who.csrf };
  return {
    upload: (path: string, bytes: Uint8Array | string, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
      return fetch(url + path, { method: 'POST', headers, body: form });
    },
    commit: (path: string, token: string | null) =>
      fetch(url + path, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ token }),
      }),
    get: (path: string) => fetch(url + path, { headers }),
  };
}

/** A breakdown table: the downloaded template with one task written in its third row. */
async function breakdownTable(template: Uint8Array, id: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('任务分解表')!;
  const codes = (ws.getRow(2).values as (string | undefined)[]).map((v) => v ?? '');
  const row = { id, action: 'p1-a1', title: '跨服务器提交', lead_department: 'fgw', start: '2026-01-01' };
  for (const [key, v] of Object.entries({ ...row, due: '2026-06-30', cycle: '每月' }))
    ws.getCell(3, codes.indexOf(key)).value = v;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

for (const dialect of dialects) {
  describe(`upload previews across two app servers [${dialect}]`, () => {
    let one: RunningTestServer;
    let two: { url: string; stop(): Promise<void> };
    let late: { url: string; stop(): Promise<void> };
    let u: DataUsers;

    before(async () => {
      one = await startTestServer(dialect);
      two = await secondServer(one.location);
      // A third server whose clock is 16 minutes ahead: every preview made now has expired there.
      late = await secondServer(one.location, () => new Date(Date.now() + 16 * 60_000));
      u = await seedDataUsers(one.url, await login(one.url, 'admin', testAdminPassword));
    });
    after(async () => {
      await late?.stop();
      await two?.stop();
      await one?.stop();
    });

    it('commits on the second server a data upload previewed on the first; the token is spent on both', async () => {
      const p = await expectJson<ImportPreview>(
        at(one.url, u.repA).upload(`${plan}/imports/preview`, good, 'data.csv'),
        200,
        'preview on one',
      );
      assert.ok(p.token);
      const r = await expectJson<ImportResultBody>(
        at(two.url, u.repA).commit(`${plan}/imports/commit`, p.token),
        200,
        'commit on two',
      );
      assert.equal(r.rows, 2);
      assert.equal(r.added + r.corrected + r.unchanged, 2);
      const v = await expectJson<{ value: { status: string; value: number } }>(
        at(one.url, u.headA).get(`${plan}/data/values/gdp/2024`),
        200,
      );
      assert.deepEqual([v.value.status, v.value.value], ['submitted', 1700.2]);
      const again = await expectJson<{ code: string }>(
        at(one.url, u.repA).commit(`${plan}/imports/commit`, p.token),
        404,
        'spent',
      );
      assert.equal(again.code, 'preview_unknown');
    });

    it("keeps a preview bound to its actor on every server: another user's commit is refused", async () => {
      const p = await expectJson<ImportPreview>(
        at(two.url, u.repA).upload(`${plan}/imports/preview`, good, 'data.csv'),
        200,
      );
      assert.ok(p.token);
      await expectJson(at(one.url, u.repA2).commit(`${plan}/imports/commit`, p.token), 404, 'other user');
      await expectJson(at(one.url, u.repA).commit(`${plan}/imports/commit`, p.token), 200, 'owner');
    });

    it('commits on the second server a task breakdown table previewed on the first', async () => {
      const template = await at(one.url, u.sup).get(`${plan}/tasks/breakdown/template`);
      assert.equal(template.status, 200);
      const bytes = await breakdownTable(new Uint8Array(await template.arrayBuffer()), 'two-servers-1');
      const p = await expectJson<{ token: string | null; errors: unknown[] }>(
        at(one.url, u.sup).upload(`${plan}/tasks/breakdown/preview`, bytes, '任务分解表.xlsx'),
        200,
        'breakdown preview',
      );
      assert.deepEqual(p.errors, []);
      assert.ok(p.token);
      const r = await expectJson<{ created: string[] }>(
        at(two.url, u.sup).commit(`${plan}/tasks/breakdown/commit`, p.token),
        201,
        'breakdown commit',
      );
      assert.deepEqual(r.created, ['two-servers-1']);
      assert.equal((await at(one.url, u.sup).get(`${plan}/tasks/two-servers-1`)).status, 200);
    });

    it('answers an expired preview with a clear problem and writes nothing', async () => {
      const body = 'indicator,period,value\ngdp,2025,1790\n';
      const p = await expectJson<ImportPreview>(
        at(one.url, u.repA).upload(`${plan}/imports/preview`, body, 'data.csv'),
        200,
      );
      assert.ok(p.token);
      const res = await at(late.url, u.repA).commit(`${plan}/imports/commit`, p.token);
      assert.equal(res.status, 404);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      const problem = (await res.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'preview_expired');
      assert.match(problem.detail, /expired.*15 minutes/);
      const v = await expectJson<{ value: { value: number } }>(
        at(one.url, u.headA).get(`${plan}/data/values/gdp/2025`),
        200,
      );
      assert.notEqual(v.value.value, 1790, 'nothing written');
    });
  });
}
