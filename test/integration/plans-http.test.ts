/** The plan read API over a real socket, on SQLite and PostgreSQL, with the demo plan loaded. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

for (const dialect of dialects) {
  describe(`plan API [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());
    const get = (path: string) => admin.get(path);

    it('answers the health check', async () => {
      const res = await get('/api/health');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    it('lists the demo plan', async () => {
      const body = (await (await get('/api/plans')).json()) as { plans: { id: string; status: string }[] };
      assert.deepEqual(
        body.plans.map((p) => [p.id, p.status]),
        [['yuzhong-2023', 'published']],
      );
    });

    it('returns the plan with goal areas, targets and programmes', async () => {
      const res = await get('/api/plans/yuzhong-2023');
      assert.equal(res.status, 200);
      const plan = (await res.json()) as {
        plan: { title: string; baseline_year: number };
        goal_areas: unknown[];
        targets: { id: string; indicator: string | null; value: number | null; kind: string }[];
        programmes: { number: number; actions: { lead_department: { name: string } | null }[] }[];
        indicators: {
          id: string;
          latest: { period: string; value: number; source_url: string | null } | null;
        }[];
      };
      assert.equal(plan.plan.title, '渝中区未来五年发展目标');
      assert.equal(plan.goal_areas.length, 6);
      assert.equal(plan.programmes.length, 12);
      assert.ok(
        plan.programmes.every((p) => p.actions.length >= 3 && p.actions.every((a) => a.lead_department)),
      );
      const gdpTarget = plan.targets.find((t) => t.indicator === 'gdp' && t.kind === 'level');
      assert.equal(gdpTarget?.value, 2100);
      const gdp = plan.indicators.find((i) => i.id === 'gdp');
      assert.equal(gdp?.latest?.period, '2025');
      assert.equal(gdp?.latest?.value, 1781.8);
      assert.match(gdp?.latest?.source_url ?? '', /cqyz\.gov\.cn/);
    });

    it('reads observations of one indicator as known at a date', async () => {
      const res = await get('/api/plans/yuzhong-2023/observations?indicator=gdp');
      const body = (await res.json()) as {
        observations: { period: string; value: number; alternate: boolean }[];
      };
      const main = body.observations.filter((o) => !o.alternate).map((o) => [o.period, o.value]);
      assert.deepEqual(main.slice(-3), [
        ['2022', 1560.9],
        ['2023', 1631.3],
        ['2025', 1781.8],
      ]);
      const before = await get('/api/plans/yuzhong-2023/observations?indicator=gdp&as_of=2000-01-01');
      assert.deepEqual(((await before.json()) as { observations: unknown[] }).observations, []);
    });

    it('answers unknown things with problem+json', async () => {
      for (const [path, status] of [
        ['/api/plans/nope', 404],
        ['/api/plans/yuzhong-2023/observations?indicator=nope', 404],
        ['/api/plans/yuzhong-2023/observations?as_of=yesterday', 400],
        ['/api/nothing', 404],
      ] as const) {
        const res = await get(path);
        assert.equal(res.status, status, path);
        assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
        const body = (await res.json()) as { status: number; title: string };
        assert.equal(body.status, status);
      }
    });

    it('sets security headers on every response, errors included', async () => {
      for (const path of ['/', '/api/health', '/api/plans/nope', '/portal/']) {
        const res = await get(path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
        assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
        assert.equal(res.headers.get('x-powered-by'), null, path);
      }
      const trace = await fetch(server.url + '/api/health', { method: 'TRACE' }).catch(() => null);
      // Node's fetch refuses TRACE itself; when it does go out, the server must say 405.
      if (trace) assert.equal(trace.status, 405);
    });

    it('publishes an OpenAPI 3.1 document of its routes', async () => {
      const doc = (await (await get('/api/openapi.json')).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      assert.equal(doc.openapi, '3.1.0');
      for (const path of [
        '/api/plans',
        '/api/plans/{plan}',
        '/api/plans/{plan}/observations',
        '/api/plans/{plan}/targets',
      ]) {
        assert.ok(doc.paths[path], path);
      }
    });

    it('refuses the internal API without a login, but serves the public one', async () => {
      const internal = await fetch(server.url + '/api/plans/yuzhong-2023');
      assert.equal(internal.status, 401);
      const open = await fetch(server.url + '/api/public/plans/yuzhong-2023');
      assert.equal(open.status, 200);
      assert.equal(((await open.json()) as { plan: { id: string } }).plan.id, 'yuzhong-2023');
    });

    it('serves the web app at / and the server-rendered portal at /portal/', async () => {
      const app = await get('/');
      assert.equal(app.status, 200);
      assert.match(await app.text(), /<div id="root">/);
      const portal = await get('/portal/');
      assert.equal(portal.status, 200);
      const html = await portal.text();
      assert.doesNotMatch(html, /<div id="root">/);
      assert.match(html, /<h1>渝中区未来五年发展目标<\/h1>/);
    });

    it('does not serve the database, .git or .env', async () => {
      for (const path of ['/.git/config', '/.env', '/data/shixiao.db', '/shixiao.db']) {
        const res = await get(path);
        assert.equal(res.status, 404, path);
      }
    });
  });
}
