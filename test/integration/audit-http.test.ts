/**
 * The audit log over a real socket on SQLite and PostgreSQL: one row per administrative action
 * with actor, object, before/after and source address, never a secret; the reader is filtered,
 * newest first, capped at 200 a page, for administrators and supervisors only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, seedPassword, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  before: unknown;
  after: unknown;
  source_ip: string | null;
  outcome: string;
}
interface Page {
  entries: Entry[];
  next_cursor: number | null;
}

const userPassword = 'audited password 审计 🔍';
const resetPassword = 'reset password 重置 🔁';

for (const dialect of dialects) {
  describe(`audit API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    let token = '';
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
      // One of each administrative action, to find in the log.
      const steps: [string, string, unknown, number][] = [
        ['POST', '/api/departments', { code: 'dept-c', name: '丙部门' }, 201],
        ['PATCH', '/api/departments/dept-c', { name: '丙部门（新）' }, 200],
        [
          'POST',
          '/api/users',
          { username: 'audited', password: userPassword, roles: ['viewer'], departments: ['dept-c'] },
          201,
        ],
        ['PATCH', '/api/users/audited', { roles: ['reporter'] }, 200],
        ['POST', '/api/users/audited/password', { password: resetPassword }, 204],
        ['PATCH', '/api/users/audited', { disabled: true }, 200],
      ];
      for (const [method, path, body, status] of steps) {
        const res = await admin.send(method, path, body);
        assert.equal(res.status, status, `${method} ${path}: ${await res.text()}`);
      }
      const created = await admin.send('POST', '/api/tokens', {
        name: 'audit test',
        permissions: ['plan:read'],
      });
      const body = (await created.json()) as { id: number; token: string };
      token = body.token;
      assert.equal((await admin.send('DELETE', `/api/tokens/${body.id}`)).status, 204);
    });
    after(() => server.stop());

    const page = async (client: Client, query: string) => {
      const res = await client.get(`/api/audit?${query}`);
      assert.equal(res.status, 200, query);
      return (await res.json()) as Page;
    };
    /** Every row, following the cursor. */
    const all = async (client: Client, query = '') => {
      const rows: Entry[] = [];
      let cursor: number | null = null;
      do {
        const p: Page = await page(client, `limit=200&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        rows.push(...p.entries);
        cursor = p.next_cursor;
      } while (cursor !== null);
      return rows;
    };

    it('writes one row per action with actor, object, outcome and source address', async () => {
      const rows = await all(admin, 'actor=admin');
      for (const action of [
        'department.create',
        'department.update',
        'user.create',
        'user.update',
        'user.password_reset',
        'user.disable',
        'token.create',
        'token.revoke',
      ]) {
        const found = rows.filter((r) => r.action === action);
        assert.ok(found.length >= 1, action);
        for (const row of found) {
          assert.equal(row.actor, 'admin', action);
          assert.equal(row.outcome, 'success', action);
          assert.match(row.source_ip ?? '', /127\.0\.0\.1/, action);
          assert.ok(row.object_type && row.object_id, action);
          assert.ok(!Number.isNaN(Date.parse(row.at)), action);
        }
      }
      // Twelve seeded users and one more: one user.create row each.
      assert.equal(rows.filter((r) => r.action === 'user.create').length, 13);
    });

    it('records role changes and disabling with before and after', async () => {
      const [disable] = (await page(admin, 'action=user.disable')).entries;
      const [update] = (await page(admin, 'action=user.update')).entries;
      assert.deepEqual(
        [update?.before, update?.after].map((s) => (s as { roles: string[] }).roles),
        [['viewer'], ['reporter']],
      );
      assert.deepEqual(
        [disable?.before, disable?.after].map((s) => (s as { disabled: boolean }).disabled),
        [false, true],
      );
    });

    it('holds no passwords, hashes or tokens', async () => {
      const text = JSON.stringify(await all(admin));
      for (const secret of [
        userPassword,
        resetPassword,
        seedPassword,
        testAdminPassword,
        token,
        'argon2',
        'shx_',
      ]) {
        assert.ok(!text.includes(JSON.stringify(secret).slice(1, -1)), `found ${secret.slice(0, 6)}…`);
        assert.ok(!text.includes(secret), `found ${secret.slice(0, 6)}…`);
      }
    });

    it('filters by actor, action, object type, outcome and time', async () => {
      assert.equal((await seeded.clients.reporter.a.get('/api/users')).status, 403);
      const denied = await all(admin, 'outcome=denied&actor=reporter-a');
      assert.ok(denied.some((r) => r.action === 'access.denied'));
      assert.ok(denied.every((r) => r.outcome === 'denied' && r.actor === 'reporter-a'));
      const departments = await all(admin, 'object_type=department');
      assert.deepEqual([...new Set(departments.map((r) => r.action))].sort(), [
        'department.create',
        'department.update',
      ]);
      const logins = await all(admin, 'action=auth.login&outcome=success');
      assert.ok(logins.length >= 13);
      assert.ok(logins.every((r) => r.action === 'auth.login'));
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      assert.equal((await page(admin, `from=${tomorrow}`)).entries.length, 0);
      assert.equal((await page(admin, `to=${yesterday}`)).entries.length, 0);
      assert.ok((await page(admin, `from=${today}&to=${today}`)).entries.length > 0);
      assert.ok((await page(admin, `to=${new Date().toISOString()}`)).entries.length > 0);
      for (const bad of ['limit=0', 'limit=x', 'outcome=maybe', 'from=yesterday', 'cursor=-1']) {
        const res = await admin.get(`/api/audit?${bad}`);
        assert.equal(res.status, 400, bad);
      }
    });

    it('pages newest first with at most 200 rows a page', async () => {
      // 220 refused requests write 220 rows.
      for (let i = 0; i < 220; i++) await seeded.clients.viewer.b.get('/api/audit');
      const first = await page(admin, 'limit=1000');
      assert.equal(first.entries.length, 200);
      assert.ok(first.next_cursor !== null);
      const ids = first.entries.map((e) => e.id);
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      );
      const second = await page(admin, `limit=1000&cursor=${first.next_cursor}`);
      assert.ok(second.entries.length > 0);
      assert.ok(second.entries.every((e) => e.id < Math.min(...ids)));
      assert.equal((await page(admin, '')).entries.length, 50);
      const rows = await all(admin);
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
      assert.ok(rows.length > 220 && rows.length === 200 + second.entries.length, String(rows.length));
    });

    it('lets admins and supervisors read it; others get 403, strangers 401', async () => {
      assert.equal((await seeded.clients.supervisor.b.get('/api/audit')).status, 200);
      assert.equal((await seeded.clients.admin.a.get('/api/audit')).status, 200);
      for (const role of ['dept_head', 'reporter', 'leader', 'viewer'] as const) {
        assert.equal((await seeded.clients[role].a.get('/api/audit')).status, 403, role);
      }
      assert.equal((await fetch(server.url + '/api/audit')).status, 401);
    });
  });
}
