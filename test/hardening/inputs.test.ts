/**
 * Issue 9, low findings about input, on SQLite and PostgreSQL: only http(s) links; no NUL,
 * control characters, lone surrogates, bidi overrides or zero-width characters in names and
 * notes (422); no all-spaces password; no impossible dates; the real numeric limit in the message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const data = '/api/plans/yuzhong-2023/data';

/** JSON with a lone surrogate kept as an escape (JSON.stringify would keep it too, as `\ud800`). */
const rawSend = (server: RunningTestServer, who: Client, method: string, path: string, body: string) =>
  fetch(server.url + path, {
    method,
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf, 'Content-Type': 'application/json' },
    body,
  });

for (const dialect of dialects) {
  describe(`input content rules [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
    });
    after(() => server.stop());

    it('refuses javascript: links in a plan source and an observation source_url', async () => {
      const header = { id: 'links', title: '链接', start: 2024, end: 2026, baseline_year: 2023 };
      for (const plan of [
        { plan: { ...header, source: { title: 'x', url: 'javascript:alert(1)' } } },
        {
          plan: header,
          indicators: [
            { id: 'i', name: '指标', unit: '亿元', direction: 'up', frequency: 'annual', measure: 'flow' },
          ],
          observations: [{ indicator: 'i', period: '2024', value: 1, source_url: 'javascript:alert(1)' }],
        },
      ]) {
        const res = await admin.send('POST', '/api/plans', { plan });
        assert.equal(res.status, 422, await res.clone().text());
        assert.match(await res.text(), /http:\/\/ or https:\/\//);
      }
    });

    it('refuses NUL, control, lone surrogate, bidi override and zero-width characters with 422', async () => {
      const bad = ['a\u0000b', 'a\u0007b', 'a\u202eb', 'a\u200bb', 'a\u2066b', 'a\ufeffb'];
      for (const s of bad) {
        const dept = await admin.send('POST', '/api/departments', { code: 'd1', name: s });
        assert.equal(dept.status, 422, JSON.stringify(s));
        const rename = await admin.send('PATCH', '/api/departments/tjj', { name: s });
        assert.equal(rename.status, 422, JSON.stringify(s));
        const user = await admin.send('PATCH', '/api/users/rep-a', { display_name: s });
        assert.equal(user.status, 422, JSON.stringify(s));
        const value = await u.repA.send('POST', `${data}/values`, {
          indicator: 'gdp',
          period: '2026',
          value: 1,
          note: s,
        });
        assert.equal(value.status, 422, JSON.stringify(s));
      }
      const surrogate = await rawSend(
        server,
        admin,
        'POST',
        '/api/departments',
        '{"code":"d2","name":"a\\ud800b"}',
      );
      assert.equal(surrogate.status, 422);
      assert.match(await surrogate.text(), /unpaired surrogate/);
      // Line breaks are fine in a note, not in a name.
      assert.equal((await admin.send('POST', '/api/departments', { code: 'd3', name: 'a\nb' })).status, 422);
      await expectJson(
        u.repA.send('POST', `${data}/values`, {
          indicator: 'gdp',
          period: '2026',
          value: 1,
          note: '第一行\n第二行',
        }),
        201,
      );
    });

    it('refuses a password of spaces only, at creation and at change', async () => {
      const created = await admin.send('POST', '/api/users', {
        username: 'spaces',
        password: '        ',
        roles: ['viewer'],
        departments: [],
      });
      assert.equal(created.status, 422);
      assert.match(await created.text(), /only spaces/);
      const changed = await u.viewer.send('POST', '/api/auth/password', {
        current_password: 'data workflow 数据 password 2026!',
        new_password: ' '.repeat(12),
      });
      assert.equal(changed.status, 422);
    });

    it('refuses impossible dates and names the real numeric limit', async () => {
      for (const path of [
        '/api/plans/yuzhong-2023/observations?as_of=2026-02-31',
        '/api/plans/yuzhong-2023/status?as_of=2026-02-31',
      ]) {
        const res = await admin.get(path);
        assert.equal(res.status, 422, path);
        assert.match(await res.text(), /no such calendar day/);
      }
      assert.equal((await admin.get('/api/plans/yuzhong-2023/observations?as_of=2024-02-29')).status, 200);
      const huge = await u.repA.send('POST', `${data}/values`, {
        indicator: 'gdp',
        period: '2025',
        value: 1e16,
      });
      assert.equal(huge.status, 400);
      assert.match(await huge.text(), /between -10\^15 and 10\^15/);
    });

    it('stores and serves evidence under the extension of its detected type', async () => {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')]), 'x.html');
      const res = await fetch(`${server.url}${data}/values/gdp/2026/evidence`, {
        method: 'POST',
        headers: { Cookie: u.repA.cookie, 'X-CSRF-Token': u.repA.csrf },
        body: form,
      });
      const body = await expectJson<{ id: number; file_name: string; content_type: string }>(res, 201);
      assert.equal(body.file_name, 'x.pdf');
      const file = await u.repA.get(`/api/evidence/${body.id}`);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.match(file.headers.get('content-disposition') ?? '', /x\.pdf/);
      assert.doesNotMatch(file.headers.get('content-disposition') ?? '', /html/);
    });
  });
}
