/**
 * V8.2.1: the role × route matrix, built from the router itself (SECURITY.md, access control).
 * Every operation of /api/openapi.json and every /api route Hono knows must be a row of `matrix`
 * below, and every row must be a route: a new route fails this test until its author adds it, so
 * the default is deny. Then every route is called as every role (department A users of the
 * seed, the city roles — users of the city `chongqing` above the demo district and a second
 * district — and anonymous): anonymous → 401 unless public, a role not allowed → 403, an allowed
 * role → neither 401 nor 403. On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { openDatabase, type Db } from '../../src/db';
import { permissions, roles, rolePermissions, type Role } from '../../src/domain/access';
import { createApp } from '../../src/server/app';
import { webDist } from '../../src/server/main';
import { loadStaticFiles } from '../../src/server/static';
import { dialects } from '../databases';
import { seedCityTier, type CityTier } from '../helpers/city-users';
import { seedDepartmentsAndUsers, seedPassword, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { apiRoutes, fillPath, routeKey, type ApiRoute } from './support';

type Who = Role | 'anonymous';
const cityUsers: Who[] = ['city_supervisor', 'city_leader'];
const users: Who[] = ['admin', 'supervisor', 'dept_head', 'reporter', 'leader', 'viewer', ...cityUsers];
const everyone: Who[] = [...users, 'anonymous'];
const readers: Who[] = ['admin', 'supervisor', 'dept_head', 'reporter', 'leader', 'viewer', ...cityUsers];

/**
 * Who may call each route. Add a row when you add a route: the test fails until you do. The
 * roles must match the route's `x-access` through `rolePermissions` (checked below).
 */
const matrix: Record<string, Who[]> = {
  'GET /api/health': everyone,
  'GET /api/openapi.json': everyone,
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': users,
  'GET /api/auth/me': everyone,
  'POST /api/auth/password': users,
  'GET /api/auth/oidc/config': everyone,
  'GET /api/auth/oidc/login': everyone,
  'GET /api/auth/oidc/callback': everyone,
  'GET /api/public/plans': everyone,
  'GET /api/public/plans/{plan}': everyone,
  'GET /api/public/plans/{plan}/status': everyone,
  'GET /api/public/plans/{plan}/portal': everyone,
  'GET /api/public/plans/{plan}/indicators/{indicator}': everyone,
  'GET /api/public/plans/{plan}/targets/{target}': everyone,
  'GET /api/plans/{plan}/publications': ['admin', 'supervisor'],
  'POST /api/plans/{plan}/publications': ['admin', 'supervisor'],
  'GET /api/users': ['admin', 'supervisor'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/{username}': ['admin'],
  'POST /api/users/{username}/password': ['admin'],
  'GET /api/departments': readers,
  'POST /api/departments': ['admin'],
  'PATCH /api/departments/{code}': ['admin'],
  'GET /api/tokens': ['admin'],
  'POST /api/tokens': ['admin'],
  'DELETE /api/tokens/{id}': ['admin'],
  'GET /api/audit': ['admin', 'supervisor'],
  'GET /api/plans': readers,
  'POST /api/plans': ['admin', 'supervisor'],
  'POST /api/plans/{plan}/publish': ['admin', 'supervisor'],
  'POST /api/plans/{plan}/indicators/{indicator}/city-definition': ['admin', 'supervisor'],
  'GET /api/plans/{plan}': readers,
  'GET /api/plans/{plan}/goal-areas': readers,
  'GET /api/plans/{plan}/indicators': readers,
  'GET /api/plans/{plan}/targets': readers,
  'GET /api/plans/{plan}/programmes': readers,
  'GET /api/plans/{plan}/observations': readers,
  'GET /api/plans/{plan}/status': readers,
  'GET /api/plans/{plan}/targets/{target}/status': readers,
  'GET /api/plans/{plan}/cockpit': readers,
  'GET /api/plans/{plan}/explorer': readers,
  'POST /api/plans/{plan}/targets/{target}/what-if': readers,
  'GET /api/plans/{plan}/data/calendar': readers,
  'GET /api/plans/{plan}/data/queue': readers,
  'POST /api/plans/{plan}/data/values': ['dept_head', 'reporter'],
  'GET /api/plans/{plan}/data/values/{indicator}/{period}': readers,
  'PATCH /api/plans/{plan}/data/values/{indicator}/{period}': ['dept_head', 'reporter'],
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/corrections': ['dept_head', 'reporter'],
  'GET /api/plans/{plan}/data/values/{indicator}/{period}/history': readers,
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/submit': ['dept_head', 'reporter'],
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/approve': ['dept_head'],
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/accept': ['supervisor'],
  // Route-level data:read; the service then allows only the department head (submitted values)
  // or the supervisor (approved values) — see data.policy.ts.
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/return': readers,
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/reopen': ['supervisor'],
  'POST /api/extract': ['admin', 'supervisor'],
  'POST /api/extract/upload': ['admin', 'supervisor'],
  'POST /api/plans/{plan}/imports/preview': ['dept_head', 'reporter'],
  'POST /api/plans/{plan}/imports/commit': ['dept_head', 'reporter'],
  'POST /api/plans/{plan}/imports/error-report': ['dept_head', 'reporter'],
  'GET /api/plans/{plan}/imports/template': readers,
  'POST /api/plans/{plan}/data/values/{indicator}/{period}/evidence': ['dept_head', 'reporter'],
  'GET /api/plans/{plan}/data/values/{indicator}/{period}/evidence': readers,
  'GET /api/evidence/{id}': readers,
  'GET /api/plans/{plan}/tasks': readers,
  'GET /api/plans/{plan}/tasks/red-list': readers,
  'GET /api/plans/{plan}/tasks/review-queue': ['supervisor'],
  'GET /api/plans/{plan}/scorecards': readers,
  'GET /api/plans/{plan}/tasks/breakdown/template': ['supervisor'],
  'POST /api/plans/{plan}/tasks/breakdown/preview': ['supervisor'],
  'POST /api/plans/{plan}/tasks/breakdown/commit': ['supervisor'],
  'POST /api/plans/{plan}/tasks': ['supervisor'],
  'POST /api/plans/{plan}/tasks/from-actions': ['supervisor'],
  'GET /api/plans/{plan}/tasks/{task}': readers,
  'PATCH /api/plans/{plan}/tasks/{task}': ['supervisor'],
  // Department steps: route-level task:write; the service then allows only the lead department.
  'POST /api/plans/{plan}/tasks/{task}/accept': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/decline': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/start': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/request-completion': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/request-extension': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/complete': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/return': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/reassign': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/reopen': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/approve-extension': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/refuse-extension': ['supervisor'],
  'POST /api/plans/{plan}/tasks/{task}/reports': ['supervisor', 'dept_head', 'reporter'],
  'PATCH /api/plans/{plan}/tasks/{task}/reports/{period}': ['supervisor', 'dept_head', 'reporter'],
  'PUT /api/plans/{plan}/tasks/{task}/reports/{period}/parts': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/reports/{period}/evidence': ['supervisor', 'dept_head', 'reporter'],
  'POST /api/plans/{plan}/tasks/{task}/reports/{period}/review': ['supervisor'],
  'GET /api/task-evidence/{id}': readers,
  'GET /api/plans/{plan}/targets/{target}/assessments': readers,
  'POST /api/plans/{plan}/targets/{target}/assessments': ['supervisor'],
  'GET /api/notifications': users,
  'POST /api/notifications/{id}/read': users,
  'GET /api/notifications/settings': users,
  'PUT /api/notifications/settings': users,
  'GET /api/notify/webhooks': ['admin'],
  'POST /api/notify/webhooks': ['admin'],
  'PATCH /api/notify/webhooks/{id}': ['admin'],
  'DELETE /api/notify/webhooks/{id}': ['admin'],
  'GET /api/notify/deliveries': ['admin'],
  'POST /api/notify/deliveries/{id}/retry': ['admin'],
  'GET /api/tenants': ['admin'],
  'POST /api/tenants': ['admin'],
  'PATCH /api/tenants/{slug}': ['admin'],
  'GET /api/city/ranks': cityUsers,
  'GET /api/city/rollup': cityUsers,
  // Reporting without training (issue 18).
  'POST /api/plans/{plan}/data/checks': readers,
  'GET /api/plans/{plan}/data/district': ['supervisor'],
  'POST /api/plans/{plan}/data/urge': ['supervisor'],
  'GET /api/plans/{plan}/bulletins': ['supervisor', 'leader'],
  'POST /api/plans/{plan}/bulletins': ['supervisor'],
  'GET /api/plans/{plan}/bulletins/{month}/{format}': ['supervisor', 'leader'],
  'GET /api/plans/{plan}/factsheets/{indicator}/{format}': ['supervisor', 'leader'],
  'GET /api/plans/{plan}/summary/{format}': ['supervisor', 'leader'],
  'GET /api/city/definitions': readers,
  'POST /api/city/definitions': ['admin', 'supervisor'],
  'GET /api/city/overview': cityUsers,
  'GET /api/city/districts/{slug}': cityUsers,
};

/** Routes Hono serves under /api that are not OpenAPI operations, with their access level. */
const undocumented: Record<string, string> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
};

/** The roles an `x-access` value lets in, from `rolePermissions`. */
function rolesFor(access: string): Who[] {
  if (access === 'public') return everyone;
  if (access === 'authenticated') return users;
  assert.ok((permissions as readonly string[]).includes(access), `unknown x-access '${access}'`);
  return roles.filter((r) => (rolePermissions[r] as readonly string[]).includes(access));
}

const sorted = (list: readonly string[]) => [...list].sort();

/** The /api routes of a fresh app's router (method and OpenAPI-style path), not from the doc. */
async function routerRoutes(location: string): Promise<{ keys: Set<string>; db: Db }> {
  const db = await openDatabase(location);
  const app = createApp({ db, log: pino({ level: 'silent' }), web: loadStaticFiles(webDist) });
  const keys = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  return { keys, db };
}

for (const dialect of dialects) {
  describe(`role × route matrix [${dialect}]`, () => {
    let server: RunningTestServer;
    let seeded: SeededUsers;
    let cityTier: CityTier;
    let routes: ApiRoute[];
    before(async () => {
      server = await startTestServer(dialect);
      const admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
      cityTier = await seedCityTier(server.url, server.location);
      routes = await apiRoutes(server.url);
    });
    after(() => server.stop());

    it('lists every route of the router in the table, and nothing else', async () => {
      const fromDoc = new Set(routes.map(routeKey));
      const { keys: fromRouter, db } = await routerRoutes(server.location);
      await db.close();
      const all = new Set([...fromDoc, ...fromRouter]);
      const missing = [...all].filter((k) => !(k in matrix));
      const stale = Object.keys(matrix).filter((k) => !all.has(k));
      const notDocumented = [...fromRouter].filter((k) => !fromDoc.has(k) && !(k in undocumented));
      const access = new Map(routes.map((r) => [routeKey(r), r.access]));
      const hint = missing
        .map((k) => {
          const a = access.get(k) ?? undocumented[k] ?? 'public';
          return `  '${k}': [${rolesFor(a)
            .map((r) => `'${r}'`)
            .join(', ')}], // x-access ${a}`;
        })
        .join('\n');
      assert.deepEqual(
        missing,
        [],
        `routes missing from the matrix of test/security/route-matrix.test.ts — add these rows:\n${hint}`,
      );
      assert.deepEqual(stale, [], `matrix rows with no such route (remove them): ${stale.join(', ')}`);
      assert.deepEqual(
        notDocumented,
        [],
        `routes outside the OpenAPI document (declare them with defineRoute): ${notDocumented.join(', ')}`,
      );
    });

    it('every x-access maps through rolePermissions to the roles of the table', () => {
      const rows = [...routes.map((r) => [routeKey(r), r.access] as const), ...Object.entries(undocumented)];
      for (const [key, access] of rows) {
        assert.notEqual(access, '(none)', `${key} has no x-access: declare it with defineRoute`);
        const expected = matrix[key];
        if (!expected) continue; // reported by the test above
        assert.deepEqual(sorted(rolesFor(access)), sorted(expected), `${key} (x-access ${access})`);
      }
    });

    it('anonymous → 401 unless public, a role without the permission → 403, with it → neither', async () => {
      const failures: string[] = [];
      const allRows = [
        ...routes,
        ...Object.keys(undocumented).map((k) => {
          const [method, path] = k.split(' ') as [ApiRoute['method'], string];
          return { method, path, body: null };
        }),
      ];
      // Logout ends the caller's session: it runs last, with a fresh session per role.
      allRows.sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
      let calls = 0;
      for (const route of allRows) {
        const key = routeKey(route);
        const allowed = matrix[key];
        if (!allowed) continue;
        const path = fillPath(route.path);
        const body = route.method === 'GET' || route.body === null ? undefined : {};
        for (const who of everyone) {
          let res: Response;
          if (who === 'anonymous') {
            res = await fetch(server.url + path, {
              method: route.method,
              headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
              body: body === undefined ? undefined : JSON.stringify(body),
              redirect: 'manual',
            });
          } else if (who === 'city_supervisor' || who === 'city_leader') {
            const client =
              route.path === '/api/auth/logout' ? await cityTier.login(who) : cityTier.clients[who];
            res =
              route.method === 'GET' ? await client.get(path) : await client.send(route.method, path, body);
          } else {
            let client: Client = seeded.clients[who].a;
            if (route.path === '/api/auth/logout') {
              client = await login(server.url, seeded.username(who, 'a'), seedPassword);
            }
            res =
              route.method === 'GET' ? await client.get(path) : await client.send(route.method, path, body);
          }
          calls++;
          const text = await res.text();
          const status = res.status;
          const may = allowed.includes(who);
          const bad =
            who === 'anonymous' && !may
              ? status !== 401
              : may
                ? status === 401 || status === 403 || status >= 500
                : status !== 403;
          if (bad) failures.push(`${key} as ${who}: ${status} ${text.slice(0, 160)} (allowed: ${may})`);
        }
      }
      assert.ok(calls >= 9 * 40, `only ${calls} calls`);
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  });
}
