/**
 * V3.2.x stored XSS: hostile department and user names come back as JSON data (both databases)
 * and the admin users page shows them as text in Chromium, with no dialog and no script run.
 * V1.2.4 SQL injection probes in every path and query parameter (SQLite): 4xx, or the same
 * answer as a harmless unknown value, and the tables intact afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { dialects } from '../databases';
import { launchBrowser, loginByForm, newPage } from '../e2e/browser';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { apiRoutes, fillPath, routeKey } from './support';

const payloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
];
const password = 'xss test password 跨站 2026!';

async function createVictims(admin: Client): Promise<void> {
  for (const [i, name] of payloads.entries()) {
    const dept = await admin.send('POST', '/api/departments', { code: `xss-${i}`, name, name_en: name });
    assert.equal(dept.status, 201, await dept.text());
    const user = await admin.send('POST', '/api/users', {
      username: `xss-${i}`,
      display_name: name,
      password,
      roles: ['viewer'],
      departments: [`xss-${i}`],
    });
    assert.equal(user.status, 201, await user.text());
  }
}

for (const dialect of dialects) {
  describe(`stored XSS payloads come back as data [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
      await createVictims(admin);
    });
    after(() => server.stop());

    it('returns the names verbatim as application/json, never as HTML', async () => {
      for (const path of ['/api/users', '/api/departments']) {
        const res = await admin.get(path);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('Content-Type') ?? '', /^application\/json/);
        assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
        const text = await res.text();
        for (const p of payloads) assert.ok(text.includes(JSON.stringify(p).slice(1, -1)), `${path}: ${p}`);
      }
      const users = (await (await admin.get('/api/users')).json()) as {
        users?: { username: string; display_name: string | null }[];
      };
      const list = users.users ?? (users as unknown as { username: string; display_name: string | null }[]);
      for (const [i, p] of payloads.entries()) {
        assert.equal(list.find((u) => u.username === `xss-${i}`)?.display_name, p);
      }
    });
  });
}

describe('stored XSS in a browser: /admin/users shows the text literally', () => {
  let server: RunningTestServer;
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    await createVictims(await login(server.url, 'admin', testAdminPassword));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in through /login, lists the users, fires no dialog', async () => {
    const page = await newPage(browser, { width: 1280, height: 720 }); // Playwright's default viewport
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await loginByForm(page, server.url, 'admin', testAdminPassword);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    for (const p of payloads) {
      await page.getByRole('cell', { name: p, exact: true }).first().waitFor();
    }
    await page.waitForTimeout(500); // any onerror / onload handler would have run by now
    assert.deepEqual(dialogs, [], 'a dialog fired');
    assert.equal(
      await page.locator('table img[src="x"], table svg[onload], table iframe, table script').count(),
      0,
    );
    const html = await page.locator('table').first().innerHTML();
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the payload is escaped in the DOM');
    assert.deepEqual(pageErrors, []);
  });
});

describe('SQL injection probes in every path and query parameter [sqlite]', () => {
  let server: RunningTestServer;
  let admin: Client;
  before(async () => {
    assert.ok(dialects.includes('sqlite'));
    server = await startTestServer('sqlite');
    admin = await login(server.url, 'admin', testAdminPassword);
  });
  after(() => server.stop());

  const probes = [
    "' OR 1=1--",
    "' OR '1'='1",
    '1; DROP TABLE users',
    "x'; DROP TABLE users;--",
    '" OR ""="',
    "') OR ('a'='a",
    '1 UNION SELECT username, password_hash FROM users--',
    "' AND SLEEP(2)--",
    '%',
    '_',
  ];
  const control = 'zz-unknown-value';

  /** Counts of every array in a JSON body: an injection that widens a query changes them. */
  function shape(value: unknown): string {
    if (Array.isArray(value)) return `[${value.length}:${value.map(shape).join(',')}]`;
    if (value && typeof value === 'object') {
      return `{${Object.entries(value)
        .filter(([, v]) => typeof v === 'object' && v !== null)
        .map(([k, v]) => `${k}=${shape(v)}`)
        .join(',')}}`;
    }
    return '';
  }

  async function call(method: string, path: string): Promise<{ status: number; shape: string; ms: number }> {
    const started = Date.now();
    const res = method === 'GET' ? await admin.get(path) : await admin.send(method, path, {});
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, shape: shape(parsed), ms: Date.now() - started };
  }

  it('answers 4xx or exactly what a harmless unknown value gets, and keeps the tables', async () => {
    const before = (await (await admin.get('/api/users')).text()).length;
    const routes = (await apiRoutes(server.url)).filter(
      (r) => r.method === 'GET' && (r.pathParams.length > 0 || r.queryParams.length > 0),
    );
    assert.ok(routes.length >= 10);
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const targets = [
        ...route.pathParams.map((p) => ['path', p]),
        ...route.queryParams.map((q) => ['query', q]),
      ];
      for (const [where, name] of targets as [string, string][]) {
        const url = (value: string) =>
          where === 'path'
            ? fillPath(route.path, { [name]: value })
            : `${fillPath(route.path)}?${name}=${encodeURIComponent(value)}`;
        const base = await call('GET', url(control));
        for (const probe of probes) {
          const got = await call('GET', url(probe));
          calls++;
          const what = `${routeKey(route)} ${where} ${name}=${probe}`;
          if (got.status >= 500) failures.push(`${what}: ${got.status}`);
          else if (got.status < 400 && (got.status !== base.status || got.shape !== base.shape)) {
            failures.push(`${what}: ${got.status} ${got.shape} differs from ${base.status} ${base.shape}`);
          }
          if (got.ms > 1500) failures.push(`${what}: took ${got.ms} ms`);
        }
      }
    }
    assert.ok(calls >= 100, `only ${calls} probes`);
    assert.deepEqual(failures, [], failures.join('\n'));
    // The tables are intact and the admin can still work.
    const after = await admin.get('/api/users');
    assert.equal(after.status, 200);
    assert.equal((await after.text()).length, before);
    assert.equal((await admin.get('/api/plans/yuzhong-2023/indicators')).status, 200);
    assert.equal((await login(server.url, 'admin', testAdminPassword)).csrf.length > 0, true);
  });
});
