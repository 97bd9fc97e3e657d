/**
 * Issue 18 (one language at a time): every problem the server answers carries a stable `code`
 * (+ params) that the web app words in the user's language, field problems included. On SQLite
 * and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

interface Coded {
  status: number;
  code?: string;
  params?: Record<string, string | number>;
  errors?: { field: string; code?: string; params?: Record<string, string | number> }[];
}

async function problem(res: Promise<Response>, status: number): Promise<Coded> {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, text);
  assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  return JSON.parse(text) as Coded;
}

for (const dialect of dialects) {
  describe(`problems carry codes the web app words [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());

    it('names logging in first and wrong credentials', async () => {
      assert.equal((await problem(fetch(`${server.url}/api/users`), 401)).code, 'login_required');
      const wrong = fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'not the password' }),
      });
      assert.equal((await problem(wrong, 401)).code, 'wrong_credentials');
    });

    it('codes a weak password with its bound, on the problem and on the field', async () => {
      const body = { username: 'short_pw', password: 'abc', roles: ['viewer'], departments: [] };
      const p = await problem(admin.send('POST', '/api/users', body), 422);
      assert.equal(p.code, 'password_too_short');
      assert.deepEqual(p.params, { min: 8 });
      assert.deepEqual(p.errors, [
        {
          field: 'password',
          message: 'at least 8 characters',
          code: 'password_too_short',
          params: { min: 8 },
        },
      ]);
    });

    it('codes a taken user name and an unknown department with what they name', async () => {
      const body = { username: 'twice', password: 'a long enough password 2026', roles: ['viewer'] };
      assert.equal((await admin.send('POST', '/api/users', body)).status, 201);
      const taken = await problem(admin.send('POST', '/api/users', body), 409);
      assert.equal(taken.code, 'username_taken');
      assert.deepEqual(taken.params, { username: 'twice' });
      const other = { ...body, username: 'elsewhere', departments: ['no_such_dept'] };
      const unknown = await problem(admin.send('POST', '/api/users', other), 422);
      assert.equal(unknown.code, 'unknown_department');
      assert.deepEqual(unknown.params, { department: 'no_such_dept' });
    });

    it('codes each invalid field of a malformed request by its rule', async () => {
      const p = await problem(admin.send('POST', '/api/users', { password: 'x'.repeat(10), roles: [] }), 400);
      assert.equal(p.code, 'invalid_fields');
      const byField = new Map((p.errors ?? []).map((e) => [e.field, e]));
      assert.equal(byField.get('username')?.code, 'required');
      assert.equal(byField.get('roles')?.code, 'too_small_items');
      assert.deepEqual(byField.get('roles')?.params, { min: 1 });
    });

    it('gives every other problem the code of its status', async () => {
      assert.equal((await problem(admin.get('/api/plans/no-such-plan'), 404)).code, 'not_found');
      assert.equal((await problem(admin.get('/api/no/such/route'), 404)).code, 'not_found');
    });
  });
}
