/**
 * Issue 9, finding 4, on SQLite and PostgreSQL: each permission's department scope comes from
 * the roles that grant it. A reporter of fgw who is also leader (or viewer) reads the whole
 * tenant, as a leader does, but writes only fgw's values: creating, editing, submitting,
 * correcting, attaching evidence and bulk-importing tjj's values are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { dataPassword, expectJson, seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const data = '/api/plans/yuzhong-2023/data';
const value = (indicator: string, period: string) => `${data}/values/${indicator}/${period}`;

function upload(base: string, who: Client, path: string, bytes: Uint8Array | string, name: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return fetch(base + path, {
    method: 'POST',
    headers: { Cookie: who.cookie, 'X-CSRF-Token': who.csrf },
    body: form,
  });
}

for (const dialect of dialects) {
  describe(`per-permission department scope [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: DataUsers;
    const mixed: Client[] = [];
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      for (const extra of ['leader', 'viewer']) {
        const username = `rep-fgw-${extra}`;
        await expectJson(
          admin.send('POST', '/api/users', {
            username,
            display_name: username,
            password: dataPassword,
            roles: ['reporter', extra],
            departments: ['fgw'],
          }),
          201,
        );
        mixed.push(await login(server.url, username, dataPassword));
      }
      // tjj (department A): a draft of gdp 2026 and an accepted gdp_growth 2026.
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp', period: '2026', value: 1800 }),
        201,
      );
      await expectJson(
        u.repA.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2026', value: 5 }),
        201,
      );
      await expectJson(u.repA.send('POST', `${value('gdp_growth', '2026')}/submit`, { if_version: 1 }), 200);
      await expectJson(
        u.headA.send('POST', `${value('gdp_growth', '2026')}/approve`, { if_version: 1 }),
        200,
      );
      await expectJson(u.sup.send('POST', `${value('gdp_growth', '2026')}/accept`, { if_version: 1 }), 200);
    });
    after(() => server.stop());

    it('refuses every write to another department, whatever read-only role is added', async () => {
      for (const who of mixed) {
        const writes: [string, string, object][] = [
          ['POST', `${data}/values`, { indicator: 'gdp', period: '2025', value: 1 }],
          ['PATCH', value('gdp', '2026'), { if_version: 1, value: 1 }],
          ['POST', `${value('gdp', '2026')}/submit`, { if_version: 1 }],
          ['POST', `${value('gdp_growth', '2026')}/corrections`, { if_version: 1, value: 9, reason: 'x' }],
        ];
        for (const [method, path, body] of writes) {
          const res = await who.send(method, path, body);
          assert.equal(res.status, 403, `${method} ${path}: ${await res.text()}`);
        }
        const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
        assert.equal(
          (await upload(server.url, who, `${value('gdp', '2026')}/evidence`, pdf, 'a.pdf')).status,
          403,
        );
        const csv = 'indicator,period,value\ngdp,2024,1\n';
        const preview = await expectJson<{ errors: { reason: string }[]; token: string | null }>(
          upload(server.url, who, '/api/plans/yuzhong-2023/imports/preview', csv, 'x.csv'),
          200,
        );
        assert.equal(preview.token, null);
        assert.ok(preview.errors.length > 0);
      }
    });

    it('still lets them write their own department and read the tenant as a leader does', async () => {
      const [leader] = mixed;
      assert.ok(leader);
      await expectJson(
        leader.send('POST', `${data}/values`, { indicator: 'fai', period: '2026', value: 300 }),
        201,
      );
      assert.equal((await leader.get(value('gdp', '2026'))).status, 200);
    });
  });
}
