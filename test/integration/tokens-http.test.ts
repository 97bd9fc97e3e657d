/**
 * API tokens over a real socket on SQLite and PostgreSQL: shown once, usable as Bearer within
 * their permissions, dead after revocation and after expiry, the hash never in any response and
 * a token never accepted from a URL. The server's clock is injected to cross an expiry.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface TokenView {
  id: number;
  name: string;
  department: string | null;
  permissions: string[];
  expires_at: string | null;
  revoked_at: string | null;
  active: boolean;
  token?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const dayMs = 24 * 60 * 60 * 1000;

for (const dialect of dialects) {
  describe(`API tokens [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    let offsetMs = 0;
    /** Every response body the tests saw, to look for hashes afterwards. */
    const seen: string[] = [];
    const tokens: string[] = [];
    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date(Date.now() + offsetMs) });
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
    });
    after(() => server.stop());

    const read = async (res: Response) => {
      const text = await res.text();
      seen.push(text);
      return text;
    };
    const create = async (body: object) => {
      const res = await admin.send('POST', '/api/tokens', body);
      const text = await read(res);
      return { status: res.status, body: JSON.parse(text) as TokenView, headers: res.headers };
    };
    const bearer = (token: string, path = '/api/plans', init: RequestInit = {}) =>
      fetch(server.url + path, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });

    it('shows a new token once and lets it read plans as Bearer', async () => {
      const created = await create({ name: '统计局推送', permissions: ['plan:read', 'data:read'] });
      assert.equal(created.status, 201);
      assert.match(created.body.token ?? '', /^shx_[\w-]{43}$/);
      assert.equal(created.headers.get('location'), null);
      tokens.push(created.body.token ?? '');
      assert.deepEqual(created.body.permissions, ['data:read', 'plan:read']);
      assert.equal(created.body.active, true);
      // Without expires_at a token lives one year, never longer.
      const life = new Date(created.body.expires_at ?? 0).getTime() - Date.now();
      assert.ok(life > 364 * dayMs && life <= 366 * dayMs, String(life));
      const res = await bearer(created.body.token ?? '');
      assert.equal(res.status, 200);
      assert.ok(((await res.json()) as { plans: unknown[] }).plans.length > 0);

      const list = await admin.get('/api/tokens');
      assert.equal(list.status, 200);
      const text = await read(list);
      assert.ok(!text.includes(created.body.token ?? '-'));
      assert.doesNotMatch(text, /shx_|token_hash|"token"/);
      const listed = (JSON.parse(text) as { tokens: TokenView[] }).tokens.find(
        (t) => t.id === created.body.id,
      );
      assert.equal(listed?.name, '统计局推送');
    });

    it('limits a token to its permissions and never to administration', async () => {
      const created = await create({ name: 'data only', permissions: ['data:read'], department: 'dept-a' });
      assert.equal(created.status, 201);
      assert.equal(created.body.department, 'dept-a');
      tokens.push(created.body.token ?? '');
      assert.equal((await bearer(created.body.token ?? '')).status, 403);
      const strong = tokens[0] ?? '';
      for (const path of ['/api/tokens', '/api/users', '/api/audit']) {
        assert.equal((await bearer(strong, path)).status, 403, path);
      }
      const write = await bearer(strong, '/api/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'escalate', permissions: ['plan:read'] }),
      });
      assert.equal(write.status, 403);
      for (const body of [
        { name: 'admin token', permissions: ['user:admin'] },
        { name: 'token admin', permissions: ['plan:read', 'token:admin'] },
        { name: 'none', permissions: [] },
        { name: 'hashed', permissions: ['plan:read'], token_hash: 'x' },
        { name: 'revoked', permissions: ['plan:read'], revoked_at: null },
        { name: 'tenant', permissions: ['plan:read'], tenant_id: 2 },
      ]) {
        assert.equal((await create(body)).status, 400, JSON.stringify(body));
      }
      const unknown = await create({ name: 'x', permissions: ['plan:read'], department: 'dept-zz' });
      assert.equal(unknown.status, 422);
    });

    it('caps the lifetime at one year and refuses past expiry dates', async () => {
      const inTwoYears = new Date(Date.now() + 2 * 365 * dayMs).toISOString();
      assert.equal(
        (await create({ name: 'long', permissions: ['plan:read'], expires_at: inTwoYears })).status,
        422,
      );
      assert.equal(
        (await create({ name: 'past', permissions: ['plan:read'], expires_at: '2020-01-01' })).status,
        422,
      );
      assert.equal(
        (await create({ name: 'junk', permissions: ['plan:read'], expires_at: 'soon' })).status,
        400,
      );
      const day = new Date(Date.now() + 30 * dayMs).toISOString().slice(0, 10);
      const ok = await create({ name: 'month', permissions: ['plan:read'], expires_at: day });
      assert.equal(ok.status, 201);
      assert.equal(ok.body.expires_at, `${day}T00:00:00.000Z`);
      tokens.push(ok.body.token ?? '');
    });

    it('lets only admins manage tokens', async () => {
      for (const role of ['supervisor', 'dept_head', 'reporter', 'leader', 'viewer'] as const) {
        const client = seeded.clients[role].a;
        assert.equal((await client.get('/api/tokens')).status, 403, role);
        assert.equal(
          (await client.send('POST', '/api/tokens', { name: 'x', permissions: ['plan:read'] })).status,
          403,
        );
        assert.equal((await client.send('DELETE', '/api/tokens/1')).status, 403);
      }
      assert.equal((await fetch(server.url + '/api/tokens')).status, 401);
    });

    it('never takes a token from the URL', async () => {
      const token = tokens[0] ?? '';
      for (const query of ['access_token', 'token', 'api_key', 'bearer']) {
        const res = await fetch(`${server.url}/api/plans?${query}=${encodeURIComponent(token)}`);
        assert.equal(res.status, 401, query);
      }
      assert.equal((await bearer('shx_not-a-real-token')).status, 401);
    });

    it('stops a revoked token at once', async () => {
      const created = await create({ name: 'to revoke', permissions: ['plan:read'] });
      tokens.push(created.body.token ?? '');
      assert.equal((await bearer(created.body.token ?? '')).status, 200);
      const res = await admin.send('DELETE', `/api/tokens/${created.body.id}`);
      assert.equal(res.status, 204);
      assert.equal((await bearer(created.body.token ?? '')).status, 401);
      assert.equal((await admin.send('DELETE', `/api/tokens/${created.body.id}`)).status, 409);
      assert.equal((await admin.send('DELETE', '/api/tokens/999999')).status, 404);
      assert.equal((await admin.send('DELETE', '/api/tokens/abc')).status, 400);
      const list = JSON.parse(await read(await admin.get('/api/tokens'))) as { tokens: TokenView[] };
      const revoked = list.tokens.find((t) => t.id === created.body.id);
      assert.ok(revoked?.revoked_at);
      assert.equal(revoked?.active, false);
    });

    it('audits creation and revocation without the token', async () => {
      const res = await admin.get('/api/audit?object_type=api_token&limit=200');
      const text = await read(res);
      const entries = (JSON.parse(text) as { entries: { action: string; source_ip: string | null }[] })
        .entries;
      const actions = entries.map((e) => e.action);
      assert.ok(actions.includes('token.create') && actions.includes('token.revoke'));
      assert.equal(actions.filter((a) => a === 'token.create').length, tokens.length);
      assert.ok(entries.every((e) => /127\.0\.0\.1/.test(e.source_ip ?? '')));
      assert.ok(!text.includes('shx_'));
    });

    it('stops a token after its expiry', async () => {
      const tomorrow = new Date(Date.now() + dayMs).toISOString();
      const created = await create({ name: 'one day', permissions: ['plan:read'], expires_at: tomorrow });
      assert.equal(created.status, 201);
      tokens.push(created.body.token ?? '');
      assert.equal((await bearer(created.body.token ?? '')).status, 200);
      offsetMs = 2 * dayMs;
      assert.equal((await bearer(created.body.token ?? '')).status, 401);
      assert.equal((await bearer(tokens[0] ?? '')).status, 200);
      const fresh = await login(server.url, 'admin', testAdminPassword);
      const list = JSON.parse(await read(await fresh.get('/api/tokens'))) as { tokens: TokenView[] };
      assert.equal(list.tokens.find((t) => t.id === created.body.id)?.active, false);
      offsetMs = 0;
    });

    it('never shows a token hash in any response', async () => {
      const fresh = await login(server.url, 'admin', testAdminPassword);
      for (const path of ['/api/tokens', '/api/audit?limit=200', '/api/users']) {
        await read(await fresh.get(path));
      }
      const all = seen.join('\n');
      assert.ok(tokens.length >= 5);
      for (const token of tokens) assert.ok(!all.includes(sha256(token)), 'hash of a token was shown');
    });
  });
}
