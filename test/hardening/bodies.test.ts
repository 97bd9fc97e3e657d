/**
 * Issue 9, findings 2, 3 and 5, on SQLite and PostgreSQL: request bodies are limited in size and
 * depth before any parser sees them (anonymous login included), a plan body is validated as
 * JSON once (never re-parsed as YAML), and a plan upload never renames existing departments
 * unless an administrator sends it — audited either way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Db } from '../../src/db';
import { dialects } from '../databases';
import { seedDataUsers, type DataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const mb = 1024 * 1024;

/** `{"plan":{"a":[[[…]]]}}` nested `depth` levels: about 2 KB for 1,000. */
const deepPlan = (depth: number) => `{"plan":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

const smallPlan = (id: string, departments: { id: string; name: string }[]) => ({
  plan: { plan: { id, title: `计划 ${id}`, start: 2024, end: 2026, baseline_year: 2023 }, departments },
});

for (const dialect of dialects) {
  describe(`request body limits [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let u: DataUsers;
    let db: Db;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      u = await seedDataUsers(server.url, admin);
      db = await openDatabase(server.location);
    });
    after(async () => {
      await db.close();
      await server.stop();
    });

    it('refuses a 50 MB anonymous login body with 413 before parsing it', async () => {
      const body = JSON.stringify({ username: 'admin', password: 'x'.repeat(50 * mb) });
      const t0 = Date.now();
      const res = await fetch(server.url + '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(res.status, 413);
      assert.match(((await res.json()) as { detail: string }).detail, /1 MB limit \(1048576 bytes\)/);
      assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
    });

    it('counts a chunked body without Content-Length', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"username":"'));
          if (sent++ < 40) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const res = await fetch(server.url + '/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      assert.equal(res.status, 413);
    });

    it('refuses over 1 MB on every JSON route it declares nothing for, and allows what a route declares', async () => {
      const big = { name: 'x'.repeat(mb + 10) };
      for (const [method, path] of [
        ['POST', '/api/users'],
        ['POST', '/api/departments'],
        ['PATCH', '/api/departments/tjj'],
        ['POST', '/api/plans/yuzhong-2023/data/values'],
        ['POST', '/api/auth/password'],
      ] as const) {
        assert.equal((await admin.send(method, path, big)).status, 413, `${method} ${path}`);
      }
      // /api/extract declares 8 MB (2,000,000 characters of text): 1.5 MB reaches validation.
      const text = await admin.send('POST', '/api/extract', { text: 'a'.repeat(1.5 * mb), year: 'x' });
      assert.equal(text.status, 400);
      assert.equal((await admin.send('POST', '/api/extract', { text: 'a'.repeat(9 * mb) })).status, 413);
    });

    it('refuses a 1,000-deep plan with 400 in our words, eight times, and stays up', async () => {
      for (let i = 0; i < 8; i++) {
        const res = await fetch(server.url + '/api/plans', {
          method: 'POST',
          headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
          body: deepPlan(1000),
        });
        assert.equal(res.status, 400);
        assert.match(((await res.json()) as { detail: string }).detail, /deeper than 64 levels/);
      }
      assert.equal((await fetch(server.url + '/api/health')).status, 200);
    });

    it('validates a plan body as JSON, with field problems and no YAML message', async () => {
      const res = await fetch(server.url + '/api/plans', {
        method: 'POST',
        headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
        body: deepPlan(60),
      });
      assert.equal(res.status, 422);
      const body = (await res.json()) as { errors: { field: string; message: string }[] };
      assert.ok(
        body.errors.some((e) => e.field === 'plan' || e.field.startsWith('plan')),
        JSON.stringify(body),
      );
      assert.doesNotMatch(JSON.stringify(body), /YAML|call stack/);
    });

    it('never lets a supervisor rename a department through a plan, and audits what it adds', async () => {
      const res = await u.sup.send(
        'POST',
        '/api/plans',
        smallPlan('sup-plan', [
          { id: 'tjj', name: '被改名的统计局' },
          { id: 'new-dept', name: '新部门' },
        ]),
      );
      assert.equal(res.status, 201, await res.clone().text());
      const tjj = await db.kysely
        .selectFrom('departments')
        .select('name')
        .where('code', '=', 'tjj')
        .executeTakeFirstOrThrow();
      assert.notEqual(tjj.name, '被改名的统计局');
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['action', 'object_id'])
        .where('object_type', '=', 'department')
        .where('actor_label', '=', 'sup-1')
        .execute();
      assert.deepEqual(audit, [{ action: 'department.create', object_id: 'new-dept' }]);
    });

    it('lets an administrator rename one through a plan, audited with before and after', async () => {
      const res = await admin.send(
        'POST',
        '/api/plans',
        smallPlan('admin-plan', [{ id: 'tjj', name: '区统计局（新）' }]),
      );
      assert.equal(res.status, 201, await res.clone().text());
      const row = await db.kysely
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('action', '=', 'department.update')
        .where('object_id', '=', 'tjj')
        .executeTakeFirstOrThrow();
      assert.match(row.after ?? '', /区统计局（新）/);
      assert.ok(row.before && !row.before.includes('区统计局（新）'));
    });
  });
}
