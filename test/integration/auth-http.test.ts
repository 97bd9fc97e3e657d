/**
 * Login, sessions and CSRF against a real server on both databases (SECURITY.md: authentication,
 * sessions, CSRF). The server's clock is injected so timeouts can be crossed without waiting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db';
import { sessionSettings } from '../../src/modules/auth';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

for (const dialect of dialects) {
  describe(`login and sessions [${dialect}]`, () => {
    let server: RunningTestServer;
    let offsetMs = 0;
    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date(Date.now() + offsetMs) });
    });
    after(() => server.stop());
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    it('sets an HttpOnly SameSite cookie with Path=/ and no token in the body or URL', async () => {
      const res = await post('/api/auth/login', { username: 'admin', password: testAdminPassword });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^shixiao_session=[\w-]{43};/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(cookie, /Path=\//);
      const body = (await res.json()) as { user: { username: string; roles: string[] }; csrf_token: string };
      assert.equal(body.user.username, 'admin');
      assert.deepEqual(body.user.roles, ['admin']);
      assert.ok(!JSON.stringify(body).includes(cookie.split(';')[0]?.split('=')[1] ?? 'x'));
    });

    it('gives a new session id at every login and the old one dies', async () => {
      const first = await login(server.url, 'admin', testAdminPassword);
      const res = await post(
        '/api/auth/login',
        { username: 'admin', password: testAdminPassword },
        { Cookie: first.cookie },
      );
      assert.equal(res.status, 200);
      const second = (res.headers.get('set-cookie') ?? '').split(';')[0];
      assert.notEqual(second, first.cookie);
      assert.equal((await first.get('/api/plans')).status, 401);
    });

    it('session ids are unique and carry at least 128 random bits', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i++) ids.add((await login(server.url, 'admin', testAdminPassword)).cookie);
      assert.equal(ids.size, 5);
      for (const id of ids) assert.ok(Buffer.from(id.split('=')[1] ?? '', 'base64url').length >= 16);
    });

    it('logout deletes the session on the server', async () => {
      const client = await login(server.url, 'admin', testAdminPassword);
      assert.equal((await client.get('/api/plans')).status, 200);
      assert.equal((await client.send('POST', '/api/auth/logout')).status, 204);
      assert.equal((await client.get('/api/plans')).status, 401);
    });

    it('ends a session after the idle timeout and after the absolute timeout', async () => {
      const idle = await login(server.url, 'admin', testAdminPassword);
      offsetMs += sessionSettings.idleMs + 1000;
      assert.equal((await idle.get('/api/plans')).status, 401, 'idle session must end');
      const busy = await login(server.url, 'admin', testAdminPassword);
      // Keep it busy: requests every 20 minutes until past the absolute limit.
      const steps = Math.ceil(sessionSettings.absoluteMs / (20 * 60 * 1000));
      for (let i = 0; i < steps; i++) {
        offsetMs += 20 * 60 * 1000;
        if (i < steps - 1) assert.equal((await busy.get('/api/auth/me')).status, 200);
      }
      offsetMs += 1000;
      assert.equal((await busy.get('/api/plans')).status, 401, 'absolute timeout must end it');
    });

    it('refuses a write without the CSRF token, and from a foreign Origin', async () => {
      const client = await login(server.url, 'admin', testAdminPassword);
      const noToken = await fetch(server.url + '/api/auth/password', {
        method: 'POST',
        headers: { Cookie: client.cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          current_password: testAdminPassword,
          new_password: 'another long password 42',
        }),
      });
      assert.equal(noToken.status, 403);
      const foreign = await post(
        '/api/auth/login',
        { username: 'admin', password: testAdminPassword },
        { Origin: 'https://evil.example' },
      );
      assert.equal(foreign.status, 403);
      const form = await fetch(server.url + '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'username=admin&password=x',
      });
      assert.equal(form.status, 415);
    });

    it('sends no credentialed CORS headers', async () => {
      const res = await fetch(server.url + '/api/health', { headers: { Origin: 'https://evil.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
    });

    it('changing the password needs the current one', async () => {
      const client = await login(server.url, 'admin', testAdminPassword);
      const wrong = await client.send('POST', '/api/auth/password', {
        current_password: 'not the password',
        new_password: 'a brand new long password',
      });
      assert.equal(wrong.status, 403);
      const common = await client.send('POST', '/api/auth/password', {
        current_password: testAdminPassword,
        new_password: 'password',
      });
      assert.equal(common.status, 422);
    });

    it('locks out after 10 wrong passwords within a minute and audits every failure', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await post('/api/auth/login', { username: 'admin', password: `wrong ${i}` })).status);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
      assert.equal(statuses[10], 429);
      const locked = await post('/api/auth/login', { username: 'admin', password: testAdminPassword });
      assert.equal(locked.status, 429, 'even the right password waits out the lock');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      const db = await openDatabase(server.location);
      try {
        const failures = await db.kysely
          .selectFrom('audit_log')
          .select(['outcome', 'actor_label', 'source_ip'])
          .where('action', '=', 'auth.login')
          .where('outcome', '=', 'failure')
          .execute();
        assert.ok(failures.length >= 10);
        assert.ok(failures.every((f) => f.source_ip !== null));
        const all = JSON.stringify(await db.kysely.selectFrom('audit_log').selectAll().execute());
        assert.ok(!all.includes(testAdminPassword), 'no password in the audit log');
        assert.ok(!all.includes('wrong 3'), 'no tried password in the audit log');
        const users = await db.kysely.selectFrom('users').select('password_hash').execute();
        assert.ok(users.every((u) => u.password_hash?.startsWith('$argon2id$')));
      } finally {
        await db.close();
      }
      offsetMs += 16 * 60 * 1000;
    });
  });
}
