/**
 * V3.4.x security headers on every route of the OpenAPI document and on error responses
 * (400, 401, 403, 404, 405, 415, 500); V16.5.1 generic error bodies with an id; V13.4.x nothing
 * like `.git`, `.env`, the database or the sources is served, TRACE → 405. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects, createTestDatabase, type TestDatabase } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { startServer } from '../../src/server/main';
import { apiRoutes, fillPath, rawRequest, routeKey, type ApiRoute } from './support';

type Headers = Record<string, string | string[] | undefined> | globalThis.Headers;

function header(h: Headers, name: string): string | undefined {
  if (h instanceof globalThis.Headers) return h.get(name) ?? undefined;
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The headers every response carries; `api` responses also `Cache-Control: no-store`. */
function checkHeaders(h: Headers, what: string, api: boolean): string[] {
  const problems: string[] = [];
  if (header(h, 'X-Content-Type-Options') !== 'nosniff') problems.push(`${what}: no nosniff`);
  const csp = header(h, 'Content-Security-Policy') ?? '';
  if (!/frame-ancestors 'none'/.test(csp)) problems.push(`${what}: CSP without frame-ancestors 'none'`);
  if (!/default-src/.test(csp)) problems.push(`${what}: CSP without default-src`);
  if (!header(h, 'Referrer-Policy')) problems.push(`${what}: no Referrer-Policy`);
  if (header(h, 'X-Powered-By') !== undefined) problems.push(`${what}: X-Powered-By present`);
  if (api && !/no-store/.test(header(h, 'Cache-Control') ?? '')) {
    problems.push(`${what}: Cache-Control '${header(h, 'Cache-Control')}' is not no-store`);
  }
  return problems;
}

/** Words an error body must never contain (stack, SQL, paths, library names). */
const leaks =
  /\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules|\/work\/|\/src\/|\bSELECT\b|\bINSERT\b|\bFROM\b|\bWHERE\b|sqlite|SQLITE_|postgres|kysely|better-sqlite3|\bzod\b|\bhono\b|stack|TypeError|ReferenceError|syscall|ECONNREFUSED/i;

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  error_id?: string;
}

function checkProblem(text: string, status: number, what: string): ProblemBody {
  assert.doesNotMatch(text, leaks, `${what}: the error body leaks details: ${text}`);
  const body = JSON.parse(text) as ProblemBody;
  assert.equal(body.status, status, `${what}: ${text}`);
  assert.equal(typeof body.title, 'string', `${what}: ${text}`);
  return body;
}

for (const dialect of dialects) {
  describe(`security headers and error bodies [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    let seeded: SeededUsers;
    let routes: ApiRoute[];
    const sendRaw = (client: Client, method: string, path: string, body: string, type: string) =>
      fetch(server.url + path, {
        method,
        headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf, 'Content-Type': type },
        body,
      });
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
      routes = await apiRoutes(server.url);
    });
    after(() => server.stop());

    it('sets the headers on every route of the OpenAPI document, as admin and anonymous', async () => {
      const problems: string[] = [];
      for (const route of routes) {
        if (route.path === '/api/auth/logout') continue; // would end the session; covered as anonymous below
        const path = fillPath(route.path);
        const body = route.method === 'GET' || route.body === null ? undefined : {};
        const asAdmin =
          route.method === 'GET' ? await admin.get(path) : await admin.send(route.method, path, body);
        await asAdmin.body?.cancel();
        problems.push(
          ...checkHeaders(asAdmin.headers, `${routeKey(route)} as admin (${asAdmin.status})`, true),
        );
        if (asAdmin.status >= 500) problems.push(`${routeKey(route)} as admin: ${asAdmin.status}`);
        const anon = await fetch(server.url + path, {
          method: route.method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
        });
        await anon.body?.cancel();
        problems.push(...checkHeaders(anon.headers, `${routeKey(route)} anonymous (${anon.status})`, true));
      }
      assert.ok(routes.length >= 40);
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('sets them on the web app, static files and the OpenAPI document too', async () => {
      const problems: string[] = [];
      for (const path of [
        '/',
        '/login',
        '/admin/users',
        '/favicon.svg',
        '/api/openapi.json',
        '/api/health',
      ]) {
        const res = await admin.get(path);
        await res.body?.cancel();
        problems.push(...checkHeaders(res.headers, `${path} (${res.status})`, path.startsWith('/api/')));
        // 503 when dist/web is not built (or is being rebuilt by `npm run build:web`).
        assert.ok(res.status < 400 || res.status === 503, `${path}: ${res.status}`);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('answers 400, 401, 403, 404, 405 and 415 as generic problem+json with the headers', async () => {
      const viewer = seeded.clients.viewer.a;
      const cases: [string, number, () => Promise<Response>][] = [
        ['bad as_of', 400, () => admin.get('/api/plans/yuzhong-2023/observations?indicator=gdp&as_of=nope')],
        ['bad JSON', 400, () => sendRaw(admin, 'POST', '/api/departments', '{"code":', 'application/json')],
        ['anonymous', 401, () => fetch(`${server.url}/api/users`)],
        [
          'bad bearer',
          401,
          () => fetch(`${server.url}/api/plans`, { headers: { Authorization: 'Bearer x' } }),
        ],
        ['viewer on users', 403, () => viewer.get('/api/users')],
        ['no CSRF token', 403, () => fetch(`${server.url}/api/departments`, withCookie(admin, 'POST'))],
        ['no such API', 404, () => admin.get('/api/no-such-thing')],
        ['no such plan', 404, () => admin.get('/api/plans/no-such-plan')],
        ['no such page', 404, () => fetch(`${server.url}/no-such-page`)],
        ['GET on POST-only', 405, () => admin.get('/api/auth/logout')],
        ['GET on POST-only with a param', 405, () => admin.get('/api/users/viewer-b/password')],
        ['DELETE on GET-only', 405, () => admin.send('DELETE', '/api/plans')],
        [
          'form data',
          415,
          () =>
            sendRaw(admin, 'POST', '/api/departments', 'code=x&name=y', 'application/x-www-form-urlencoded'),
        ],
      ];
      const problems: string[] = [];
      for (const [what, status, call] of cases) {
        const res = await call();
        const text = await res.text();
        assert.equal(res.status, status, `${what}: ${res.status} ${text}`);
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/problem\+json/, what);
        problems.push(...checkHeaders(res.headers, what, res.url.includes('/api/')));
        checkProblem(text, status, what);
        if (status === 405 && what.startsWith('GET on')) assert.match(res.headers.get('Allow') ?? '', /POST/);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('refuses TRACE and TRACK with 405 (node:http: fetch refuses them)', async () => {
      for (const method of ['TRACE', 'TRACK']) {
        for (const path of ['/', '/api/plans', '/api/health', '/api/auth/me']) {
          const res = await rawRequest(server.url, method, path, {
            Cookie: admin.cookie,
            'X-Probe': 'echo-me',
          });
          assert.ok(!res.body.includes('echo-me'), `${method} ${path} echoes the request`);
          assert.ok(!res.body.includes(admin.cookie), `${method} ${path} echoes the cookie`);
          if (method === 'TRACK') {
            // Node's HTTP parser does not know TRACK and answers 400 before the app sees it.
            assert.ok(res.status === 400 || res.status === 405, `${method} ${path}: ${res.status}`);
            continue;
          }
          assert.equal(res.status, 405, `${method} ${path}: ${res.status}`);
          assert.deepEqual(checkHeaders(res.headers, `${method} ${path}`, path.startsWith('/api/')), []);
          checkProblem(res.body, 405, `${method} ${path}`);
        }
      }
    });

    it('serves nothing like .git, .env, the database, /debug, node_modules or the sources', async () => {
      const paths = [
        '/.git/config',
        '/.git/HEAD',
        '/.env',
        '/.env.local',
        '/data/shixiao.db',
        '/shixiao.db',
        '/test.db',
        '/debug',
        '/debug/vars',
        '/node_modules/hono/package.json',
        '/package.json',
        '/package-lock.json',
        '/tsconfig.json',
        '/src/server/app.ts',
        '/server/app.ts',
        '/.ci/run',
        '/docs/ARCHITECTURE.md',
        '/assets/../package.json',
        '/assets/..%2f..%2fpackage.json',
        '/%2e%2e/%2e%2e/package.json',
        '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
        '/..%5c..%5cpackage.json',
        '/index.html/../../package.json',
        `/${encodeURIComponent(server.location)}`,
        '/api/../package.json',
        '/server-status',
        '/.well-known/../.env',
      ];
      for (const path of paths) {
        const res = await rawRequest(server.url, 'GET', path, { Cookie: admin.cookie });
        assert.equal(res.status, 404, `${path}: ${res.status} ${res.body.slice(0, 200)}`);
        assert.doesNotMatch(
          res.body,
          /"dependencies"|\[core\]|SQLite format|import \{|DATABASE|PASSWORD/i,
          path,
        );
        assert.deepEqual(checkHeaders(res.headers, path, false), []);
      }
    });

    it('answers a failing database with a generic 500 carrying only an error id', async () => {
      // A server of its own whose database is closed under it.
      const database: TestDatabase = await createTestDatabase(dialect);
      const running = await startServer({
        db: database.location,
        port: 0,
        host: '127.0.0.1',
        adminPassword: testAdminPassword,
        logLevel: 'silent',
      });
      const address = running.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      try {
        const client = await login(url, 'admin', testAdminPassword);
        assert.equal((await client.get('/api/plans')).status, 200);
        await running.prepared.db.close();
        const calls: [string, () => Promise<Response>][] = [
          ['public plans', () => fetch(`${url}/api/public/plans`)],
          ['login', () => fetch(`${url}/api/auth/login`, jsonPost({ username: 'admin', password: 'x' }))],
          ['plans as admin', () => client.get('/api/plans/yuzhong-2023/observations?indicator=gdp')],
        ];
        for (const [what, call] of calls) {
          const res = await call();
          const text = await res.text();
          assert.equal(res.status, 500, `${what}: ${res.status} ${text}`);
          assert.deepEqual(checkHeaders(res.headers, what, true), []);
          const body = checkProblem(text, 500, what);
          assert.match(body.error_id ?? '', /^[0-9a-f-]{36}$/, `${what}: no error_id: ${text}`);
          assert.deepEqual(
            Object.keys(body).sort(),
            ['code', 'detail', 'error_id', 'status', 'title', 'type'],
            `${what}: ${text}`,
          );
          assert.equal(body.detail, 'Something went wrong on our side.');
        }
      } finally {
        await new Promise<void>((resolve) => running.server.close(() => resolve()));
        await database.drop();
      }
    });
  });
}

function withCookie(client: Client, method: string): RequestInit {
  return {
    method,
    headers: { Cookie: client.cookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'csrf-x', name: 'x' }),
  };
}

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}
