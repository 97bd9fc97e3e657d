/**
 * V2.2.1 + V15.3.6: property tests (fast-check) at every route of the OpenAPI document with a
 * body or a query — wrong types, NaN/Infinity, huge numbers, 1 MB strings, NUL, lone surrogates,
 * deep nesting, extra keys, `__proto__` and `constructor.prototype` payloads — as a caller who may
 * use the route (the administrator, or a reporter / head / supervisor of the indicator's
 * department for the data routes), CSRF token included: only 2xx/4xx, never 5xx, and the
 * server, which runs in this process, has no polluted prototype afterwards. Both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Role } from '../../src/domain/access';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { apiRoutes, fillPath, routeKey, type ApiRoute, type JsonSchema } from './support';

const numRuns = Number(process.env.SHIXIAO_FUZZ_RUNS ?? 20);
const password = 'fuzz password 模糊 2026!';
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Shifts the servers' clock between suites so the per-address login limit of one never blocks the next. */
let skewMs = 0;

const megabyte = `"${'x'.repeat(1 << 20)}"`;
const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
const deepObject = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
const proto = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
];

/** A JSON fragment (raw text, so NaN-like strings, lone surrogates and 1e400 survive). */
const rawValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '"NaN"',
    '"Infinity"',
    '"-Infinity"',
    '1e400',
    '-1e400',
    '1e308',
    '-1.7976931348623157e308',
    '9007199254740993',
    '123456789012345678901234567890123456789',
    '5e-324',
    '-0',
    '0',
    '1',
    '-1',
    '1.5',
    'null',
    'true',
    'false',
    '[]',
    '{}',
    '""',
    '"\\u0000"',
    '"a\\u0000b"',
    '"\\ud800"',
    '"\\udfff x \\ud83d"',
    '"2026"',
    '"2026-Q5"',
    '"9999-12-31T23:59:59Z"',
    '"gdp"',
    '["admin"]',
    '["admin","admin","admin","admin","admin","admin","admin"]',
    '"\' OR 1=1--"',
    '"<script>alert(1)</script>"',
    '"../../../etc/passwd"',
    megabyte,
    deepArray,
    deepObject,
    ...proto,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.double().map((d) => (Number.isFinite(d) ? String(d) : JSON.stringify(String(d)))),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
);

const key: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'department_id',
    'status',
    'approved_by',
    'role',
    'id',
  ),
  fc.string({ maxLength: 12 }),
);

/** A body for a schema: its fields with hostile values, maybe extra keys and prototype keys. */
function bodyFor(schema: JsonSchema | null): fc.Arbitrary<string> {
  const fields = Object.keys(schema?.properties ?? {});
  const object = fc
    .tuple(
      fc.subarray(fields),
      fc.array(fc.tuple(key, rawValue), { maxLength: 3 }),
      fc.array(rawValue, { minLength: fields.length, maxLength: fields.length }),
    )
    .map(([chosen, extra, values]) => {
      const parts = chosen.map((f, i) => `${JSON.stringify(f)}:${values[i] ?? 'null'}`);
      for (const [k, v] of extra) parts.push(`${JSON.stringify(k)}:${v}`);
      return `{${parts.join(',')}}`;
    });
  return fc.oneof(
    { weight: 4, arbitrary: object },
    { weight: 1, arbitrary: rawValue },
    { weight: 1, arbitrary: fc.constantFrom(...proto, '{', '{"a":1,}', "{'a':1}", '', 'NaN', '\u0000') },
  );
}

/** A query string for the route's parameters, with hostile values and prototype keys. */
function queryFor(params: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e400',
      '9007199254740993',
      '-1',
      '0',
      '%00',
      'a%00b',
      '%ED%A0%80', // a lone surrogate as (invalid) UTF-8
      '%FF%FE',
      '%',
      '%zz',
      `${'x'.repeat(4000)}`,
      "'%20OR%201=1--",
      '2026-02-30',
      '9999-99-99',
      'true',
      'yes',
      '',
    ),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
  );
  const pair = fc.tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...params) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '__proto__[polluted]',
          'constructor[prototype][polluted]',
          '__proto__',
          'x',
        ),
      },
    ),
    value,
  );
  return fc
    .array(pair, { minLength: 1, maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
}

function assertNotPolluted(what: string) {
  assert.equal(
    ({} as Record<string, unknown>).polluted,
    undefined,
    `${what}: Object.prototype.polluted is set`,
  );
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys, `${what}: new keys`);
}

for (const dialect of dialects) {
  describe(`input fuzzing at every route [${dialect}]`, () => {
    let server: RunningTestServer;
    let callers: Record<string, Client>;
    let routes: ApiRoute[];
    before(async () => {
      skewMs += 10 * 60 * 1000;
      const skew = skewMs;
      server = await startTestServer(dialect, { now: () => new Date(Date.now() + skew) });
      const admin = await login(server.url, 'admin', testAdminPassword);
      const make = async (username: string, roles: Role[], departments: string[]) => {
        const res = await admin.send('POST', '/api/users', { username, password, roles, departments });
        assert.equal(res.status, 201, `create ${username}: ${await res.text()}`);
        return login(server.url, username, password);
      };
      const reporter = await make('fz-rep', ['reporter'], ['tjj']);
      callers = {
        admin,
        'data:write': reporter,
        'data:approve': await make('fz-head', ['dept_head'], ['tjj']),
        'data:accept': await make('fz-sup', ['supervisor'], []),
      };
      await make('fz-victim', ['viewer'], []);
      assert.equal(
        (await admin.send('POST', '/api/departments', { code: 'fz-dept', name: 'Fuzz' })).status,
        201,
      );
      const draft = await reporter.send('POST', '/api/plans/yuzhong-2023/data/values', {
        indicator: 'gdp',
        period: '2026',
        value: 1,
      });
      assert.equal(draft.status, 201, await draft.text());
      routes = (await apiRoutes(server.url)).filter((r) => r.body !== null || r.queryParams.length > 0);
      // Login last: its failures count towards the per-address limit.
      routes.sort((a, b) => Number(a.path === '/api/auth/login') - Number(b.path === '/api/auth/login'));
    });
    after(() => server.stop());

    it('has routes with bodies and queries to fuzz', () => {
      assert.ok(routes.filter((r) => r.body).length >= 15, routes.map(routeKey).join(', '));
      assert.ok(routes.filter((r) => r.queryParams.length).length >= 8);
    });

    it('answers only 2xx/4xx to hostile bodies and queries, and pollutes no prototype', async () => {
      const overrides = { username: 'fz-victim', code: 'fz-dept', period: '2026' };
      // Data routes need a department user or the supervisor; the administrator has the rest.
      const callerFor = (access: string): Client => callers[access] ?? callers.admin;
      const failures: string[] = [];
      for (const route of routes) {
        const client = callerFor(route.access);
        const path = fillPath(route.path, overrides);
        if (route.body !== null) {
          await fc
            .assert(
              fc.asyncProperty(bodyFor(route.body), async (text) => {
                const res = await fetch(server.url + path, {
                  method: route.method,
                  headers: {
                    Cookie: client.cookie,
                    'X-CSRF-Token': client.csrf,
                    'Content-Type': 'application/json',
                  },
                  body: text,
                });
                const out = await res.text();
                if (res.status >= 500)
                  failures.push(`${routeKey(route)} ${text.slice(0, 200)} → ${res.status} ${out}`);
                return res.status < 500;
              }),
              { numRuns, endOnFailure: true },
            )
            .catch(() => undefined); // collected in failures, reported together below
        }
        if (route.queryParams.length > 0) {
          await fc
            .assert(
              fc.asyncProperty(queryFor(route.queryParams), async (query) => {
                const res = await fetch(`${server.url}${path}?${query}`, {
                  method: route.method,
                  headers: {
                    Cookie: client.cookie,
                    'X-CSRF-Token': client.csrf,
                    ...(route.method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
                  },
                  body: route.method === 'GET' ? undefined : '{}',
                });
                const out = await res.text();
                if (res.status >= 500)
                  failures.push(`${routeKey(route)} ?${query.slice(0, 200)} → ${res.status} ${out}`);
                return res.status < 500;
              }),
              { numRuns, endOnFailure: true },
            )
            .catch(() => undefined);
        }
        assertNotPolluted(routeKey(route));
      }
      assert.deepEqual(failures, [], failures.join('\n'));
      assertNotPolluted('after all routes');
      // The server still answers normally.
      assert.equal((await callers.admin.get('/api/plans')).status, 200);
      skewMs += 2 * 60 * 1000;
    });

    it('ignores __proto__ and constructor.prototype in bodies it accepts', async () => {
      const admin = callers.admin;
      const res = await fetch(`${server.url}/api/departments/fz-dept`, {
        method: 'PATCH',
        headers: { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' },
        body: '{"name":"ok","__proto__":{"polluted":"yes","name":"proto"},"constructor":{"prototype":{"polluted":"yes"}}}',
      });
      assert.ok(res.status === 200 || res.status === 400, `${res.status} ${await res.text()}`);
      assertNotPolluted('PATCH department');
      const list = (await (await admin.get('/api/departments')).json()) as unknown;
      assert.ok(!JSON.stringify(list).includes('proto'), JSON.stringify(list));
    });
  });
}
