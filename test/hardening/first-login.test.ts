/**
 * Issue 9 (ASVS V6): a password an administrator set — a new user's, or a reset — must be changed
 * by its owner at the next login; until then only changing it, /api/auth/me and logging out are
 * allowed. On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const first = 'an administrator chose this 2026';
const own = 'only I know this one 自己的 2026';

for (const dialect of dialects) {
  describe(`first login after an administrator set the password [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());

    /** Logs in without the helper (which changes the password by itself). */
    const rawLogin = async (password: string) => {
      const res = await fetch(server.url + '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'newcomer', password }),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { csrf_token: string; user: { must_change_password: boolean } };
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const send = (method: string, path: string, json?: unknown) =>
        fetch(server.url + path, {
          method,
          headers: { Cookie: cookie, 'X-CSRF-Token': body.csrf_token, 'Content-Type': 'application/json' },
          body: json === undefined ? undefined : JSON.stringify(json),
        });
      return { must: body.user.must_change_password, send };
    };

    it('allows nothing but the change until the owner sets a password', async () => {
      const created = await admin.send('POST', '/api/users', {
        username: 'newcomer',
        password: first,
        roles: ['viewer'],
        departments: [],
      });
      assert.equal(created.status, 201);
      const s = await rawLogin(first);
      assert.equal(s.must, true);
      const blocked = await s.send('GET', '/api/plans');
      assert.equal(blocked.status, 403);
      assert.match(await blocked.text(), /Change the password an administrator set/);
      assert.equal((await s.send('GET', '/api/auth/me')).status, 200);
      assert.equal(
        (await s.send('POST', '/api/auth/password', { current_password: first, new_password: own })).status,
        204,
      );
      assert.equal((await s.send('GET', '/api/plans')).status, 200);
      assert.equal((await rawLogin(own)).must, false);
    });

    it('asks again after an administrator resets it', async () => {
      const reset = await admin.send('POST', '/api/users/newcomer/password', { password: first });
      assert.equal(reset.status, 204);
      const s = await rawLogin(first);
      assert.equal(s.must, true);
      assert.equal((await s.send('GET', '/api/plans')).status, 403);
    });
  });
}
