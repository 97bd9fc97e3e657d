/**
 * Tenant isolation on every route that takes an id (issue 16), beside the role × route matrix:
 * two districts of one city (`yuzhong`, the seed, and `jiangbei`) and the city's own users.
 * - every route with a path parameter, filled with district A's real ids (its plan, target,
 *   indicator, task, evidence, token, webhook, notice, delivery, user, department, tenant) and
 *   called by district B's users, answers 403 or 404 (a body that fails validation, 400, is
 *   refused before any row is read) and never carries A's rows;
 * - the same the other way: A's users never reach B's plan (its title carries a marker);
 * - a city user reads both districts through the city routes, and every write with a district's
 *   ids is refused (403/404).
 * On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db';
import { dialects } from '../databases';
import { city, secondDistrictMarker, seedCityTier, type CityTier } from '../helpers/city-users';
import { seedDepartmentsAndUsers, seedPassword, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { apiRoutes, demo, fillPath, type ApiRoute } from './support';

/** A string only district A's rows hold (its plan's title is the seed's; these are added below). */
const markerA = 'YUZHONG-ONLY-c41e';

const writes = (r: ApiRoute) => r.method !== 'GET';

/** Refused: 403, 404, or a request the schema turns away before any row is read. */
const refused = (status: number, text: string) =>
  status === 403 || status === 404 || (status === 400 && text.includes('"code":"invalid_fields"'));

async function call(client: Client, route: ApiRoute, path: string) {
  const body = route.body === null ? undefined : {};
  const res = route.method === 'GET' ? await client.get(path) : await client.send(route.method, path, body);
  return { status: res.status, text: await res.text() };
}

/** Rows of district A reached by global ids, written straight into its tables. */
async function seedRowsOfA(location: string): Promise<Record<string, string>> {
  const db = await openDatabase(location);
  try {
    const k = db.kysely;
    const now = new Date().toISOString();
    const a = await k
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'yuzhong')
      .executeTakeFirstOrThrow();
    const obs = await k
      .selectFrom('observations')
      .select('id')
      .where('tenant_id', '=', a.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const file = {
      tenant_id: a.id,
      file_name: `${markerA}.txt`,
      content_type: 'text/plain',
      size_bytes: markerA.length,
      sha256: '0'.repeat(64),
      content: new TextEncoder().encode(markerA),
      uploaded_by: null,
      uploaded_at: now,
    };
    const evidence = await k
      .insertInto('evidence_files')
      .values({ ...file, observation_id: obs.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await k
      .selectFrom('tasks')
      .select('id')
      .where('tenant_id', '=', a.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const report = await k
      .insertInto('task_reports')
      .values({
        tenant_id: a.id,
        task_id: task.id,
        period: '2099-Q4',
        progress: markerA,
        percent: 10,
        status: 'submitted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const taskEvidence = await k
      .insertInto('task_report_evidence')
      .values({ ...file, report_id: report.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await k
      .insertInto('api_tokens')
      .values({
        tenant_id: a.id,
        department_id: null,
        name: markerA,
        token_hash: markerA,
        permissions: '[]',
        created_by: null,
        created_at: now,
        expires_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const webhook = await k
      .insertInto('webhook_endpoints')
      .values({
        tenant_id: a.id,
        department_id: null,
        name: markerA,
        format: 'generic',
        url: 'https://example.invalid/hook',
        secret: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notice = await k
      .insertInto('notice_keys')
      .values({
        tenant_id: a.id,
        job: 'isolation',
        object: markerA,
        step: 's',
        due_date: '2099-01-01',
        kind: 'due',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const delivery = await k
      .insertInto('notification_deliveries')
      .values({
        tenant_id: a.id,
        notice_id: notice.id,
        channel: 'webhook',
        target: `endpoint:${webhook.id}`,
        recipient: markerA,
        user_id: null,
        endpoint_id: webhook.id,
        message: JSON.stringify({ message: markerA }),
        status: 'failed',
        next_attempt_at: now,
        claimed_until: null,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: Record<string, number> = {
      '/api/evidence/{id}': evidence.id,
      '/api/task-evidence/{id}': taskEvidence.id,
      '/api/tokens/{id}': token.id,
      '/api/notify/webhooks/{id}': webhook.id,
      '/api/notify/deliveries/{id}/retry': delivery.id,
      '/api/notifications/{id}/read': notice.id,
    };
    return Object.fromEntries(Object.entries(ids).map(([k2, v]) => [k2, String(v)]));
  } finally {
    await db.close();
  }
}

for (const dialect of dialects) {
  describe(`tenant isolation on every route with an id [${dialect}]`, () => {
    let server: RunningTestServer;
    let seeded: SeededUsers;
    let tier: CityTier;
    let routes: ApiRoute[];
    let idsOfA: Record<string, string>;
    /** District B's users: its administrator, a supervisor and a department head. */
    const usersOfB: Record<string, Client> = {};
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
      tier = await seedCityTier(server.url, server.location);
      idsOfA = await seedRowsOfA(server.location);
      routes = (await apiRoutes(server.url)).filter((r) => r.pathParams.length > 0 && r.access !== 'public');
      const dept = await tier.secondAdmin.send('POST', '/api/departments', {
        code: 'dept-j',
        name: '江北部门',
      });
      assert.equal(dept.status, 201, await dept.text());
      usersOfB.admin = tier.secondAdmin;
      for (const role of ['supervisor', 'dept_head'] as const) {
        const username = `${role}-j`;
        const res = await tier.secondAdmin.send('POST', '/api/users', {
          username,
          display_name: username,
          password: seedPassword,
          roles: [role],
          departments: role === 'dept_head' ? ['dept-j'] : [],
        });
        assert.equal(res.status, 201, await res.text());
        usersOfB[role] = await login(server.url, username, seedPassword, city.second);
      }
    });
    after(() => server.stop());

    /** A path of district A: its plan's ids, its global ids, its own department, user and tenant. */
    const pathOfA = (r: ApiRoute) =>
      fillPath(r.path, {
        id: idsOfA[r.path] ?? '1',
        username: 'viewer-a',
        code: 'dept-a',
        slug: 'yuzhong',
      });

    it('district B reaches none of district A’s rows', async () => {
      assert.ok(routes.length >= 50, `only ${routes.length} routes with an id`);
      assert.equal(Object.keys(idsOfA).length, 6);
      const failures: string[] = [];
      for (const route of routes) {
        const path = pathOfA(route);
        for (const [who, client] of Object.entries(usersOfB)) {
          const { status, text } = await call(client, route, path);
          if (!refused(status, text) || text.includes(markerA))
            failures.push(
              `${route.method} ${path} as ${who} of ${city.second}: ${status} ${text.slice(0, 160)}`,
            );
        }
      }
      assert.deepEqual(failures, [], failures.join('\n'));
    });

    it('district A reaches none of district B’s rows', async () => {
      const failures: string[] = [];
      const plan = `${city.second}-2023`;
      for (const route of routes.filter((r) => r.pathParams.includes('plan'))) {
        const path = fillPath(route.path, { plan });
        for (const who of ['admin', 'supervisor', 'viewer', 'dept_head'] as const) {
          const { status, text } = await call(seeded.clients[who].a, route, path);
          if (!refused(status, text) || text.includes(secondDistrictMarker))
            failures.push(`${route.method} ${path} as ${who}-a: ${status} ${text.slice(0, 160)}`);
        }
      }
      // A's own plan answers (the refusals above are about the tenant, not a broken route).
      const own = await seeded.clients.viewer.a.get(`/api/plans/${demo.plan}`);
      assert.equal(own.status, 200);
      assert.deepEqual(failures, [], failures.join('\n'));
    });

    it('a city user reads both districts through the city routes and writes nothing in them', async () => {
      for (const role of ['city_supervisor', 'city_leader'] as const) {
        const client = tier.clients[role];
        const b = await client.get(`/api/city/districts/${city.second}`);
        assert.equal(b.status, 200);
        assert.ok((await b.text()).includes(secondDistrictMarker), 'the second district’s plan is read');
        const a = await client.get('/api/city/districts/yuzhong');
        assert.equal(a.status, 200, await a.text());
        const overview = (await (await client.get('/api/city/overview')).json()) as {
          districts: { tenant: string }[];
        };
        assert.deepEqual(overview.districts.map((d) => d.tenant).sort(), [city.second, 'yuzhong']);
      }
      const failures: string[] = [];
      for (const route of routes.filter(writes)) {
        for (const [district, plan] of [
          ['yuzhong', demo.plan],
          [city.second, `${city.second}-2023`],
        ] as const) {
          const path = fillPath(route.path, { plan, id: idsOfA[route.path] ?? '1', slug: district });
          for (const role of ['city_supervisor', 'city_leader'] as const) {
            const { status, text } = await call(tier.clients[role], route, path);
            if (!refused(status, text))
              failures.push(`${route.method} ${path} as ${role}: ${status} ${text.slice(0, 160)}`);
          }
        }
      }
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  });
}
