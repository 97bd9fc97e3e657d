/**
 * The per-server caches of the hot read path (session → actor, tenant, plan revision) never show
 * a change late on the server that made it: a role given or taken, a logout, a disabled user take
 * effect on the very next request, even while many requests of the same session run at once.
 * (Data changes showing at once in statuses: data-workflow.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const status = '/api/plans/yuzhong-2023/status?as_of=2026-06-30';
const password = 'a password for the cache test';

for (const dialect of dialects) {
  describe(`hot-path caches [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());

    const newViewer = async (username: string) => {
      const created = await admin.send('POST', '/api/users', {
        username,
        password,
        roles: ['viewer'],
        departments: [],
      });
      assert.equal(created.status, 201, await created.clone().text());
      return login(server.url, username, password);
    };
    const statuses = (client: Client, n: number, path = status) =>
      Promise.all(Array.from({ length: n }, () => client.get(path).then((r) => r.status)));

    it('a role given or taken applies to the next request of a live session', async () => {
      const user = await newViewer('cache-roles');
      // Many requests at once: they share one session read, then the actor is remembered.
      assert.deepEqual(new Set(await statuses(user, 20)), new Set([200]));
      assert.equal((await user.get(`${status}&preview=1`)).status, 403);
      const promoted = await admin.send('PATCH', '/api/users/cache-roles', { roles: ['supervisor'] });
      assert.equal(promoted.status, 200);
      assert.equal((await user.get(`${status}&preview=1`)).status, 200);
      const demoted = await admin.send('PATCH', '/api/users/cache-roles', { roles: ['viewer'] });
      assert.equal(demoted.status, 200);
      assert.equal((await user.get(`${status}&preview=1`)).status, 403);
    });

    it('a logout ends the session for the next request, even right after a burst of them', async () => {
      const user = await newViewer('cache-logout');
      assert.deepEqual(new Set(await statuses(user, 20)), new Set([200]));
      assert.equal((await user.send('POST', '/api/auth/logout')).status, 204);
      assert.deepEqual(new Set(await statuses(user, 5)), new Set([401]));
    });

    it('disabling a user ends its session for the next request', async () => {
      const user = await newViewer('cache-disabled');
      assert.deepEqual(new Set(await statuses(user, 10)), new Set([200]));
      const disabled = await admin.send('PATCH', '/api/users/cache-disabled', { disabled: true });
      assert.equal(disabled.status, 200, await disabled.clone().text());
      assert.deepEqual(new Set(await statuses(user, 5)), new Set([401]));
    });

    it('a burst of requests from a session that is not logged in is refused, and caches nothing', async () => {
      const user = await newViewer('cache-anonymous');
      assert.equal((await user.send('POST', '/api/auth/logout')).status, 204);
      assert.deepEqual(new Set(await statuses(user, 10)), new Set([401]));
      const again = await login(server.url, 'cache-anonymous', password);
      assert.deepEqual(new Set(await statuses(again, 10)), new Set([200]));
    });
  });
}
