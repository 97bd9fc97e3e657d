/**
 * `shixiao tenants add` and `shixiao ranks` as a user runs them (CONTRACT.md), on SQLite and
 * PostgreSQL: a city with districts, plans loaded with `import-plan --tenant`, ranks as JSON,
 * and bad input (slug, unknown parent, cycle) refused with one line and exit 1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db';
import { publishDefinition } from '../../src/modules/city';
import { createTestDatabase, dialects, type TestDatabase } from '../databases';
import { districtPlan } from '../helpers/city';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-city-'));

function assertOneLineError(result: { code: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(result.code, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

for (const dialect of dialects) {
  describe(`shixiao tenants / ranks [${dialect}]`, () => {
    let database: TestDatabase;
    let db: string;
    before(async () => {
      database = await createTestDatabase(dialect);
      db = database.location;
    });
    after(() => database.drop());

    it('creates a city and its districts, loads their plans and ranks them as JSON', async () => {
      const add = (...args: string[]) => runCli(['tenants', 'add', ...args, '--db', db]);
      const city = await add('chongqing', '--name', '重庆市');
      assert.equal(city.code, 0, city.stderr);
      assert.match(city.stdout, /tenant chongqing \(重庆市\) created/);
      for (const [slug, name] of [
        ['yuzhong', '渝中区'],
        ['jiangbei', '江北区'],
        ['dadukou', '大渡口区'],
      ] as const) {
        const r = await add(slug, '--name', name, '--parent', 'chongqing');
        assert.equal(r.code, 0, r.stderr);
      }
      const values: Record<string, number> = { yuzhong: 1234.5, jiangbei: 980 };
      for (const [slug, value] of Object.entries(values)) {
        const file = join(dir, `${slug}-${dialect}.json`);
        writeFileSync(
          file,
          districtPlan(slug, [{ indicator: 'retail_sales', period: '2025', value, published: '2026-03-01' }]),
        );
        const r = await runCli(['import-plan', file, '--tenant', slug, '--db', db]);
        assert.equal(r.code, 0, r.stderr);
      }
      const ranks = await runCli(['ranks', '--indicator', 'retail_sales', '--db', db, '--json']);
      assert.equal(ranks.code, 0, ranks.stderr);
      const rows = JSON.parse(ranks.stdout) as Record<string, unknown>[];
      assert.deepEqual(
        rows.map((r) => ({ tenant: r.tenant, period: r.period, value: r.value, rank: r.rank, of: r.of })),
        [
          { tenant: 'yuzhong', period: '2025', value: 1234.5, rank: 1, of: 2 },
          { tenant: 'jiangbei', period: '2025', value: 980, rank: 2, of: 2 },
          { tenant: 'dadukou', period: '2025', value: null, rank: null, of: 2 },
        ],
      );
    });

    it('updates a name and a parent', async () => {
      const moved = await runCli([
        'tenants',
        'add',
        'dadukou',
        '--name',
        '大渡口',
        '--parent',
        'jiangbei',
        '--db',
        db,
      ]);
      assert.equal(moved.code, 0, moved.stderr);
      assert.match(moved.stdout, /tenant dadukou \(大渡口\) updated under jiangbei/);
      const list = await runCli(['tenants', 'list', '--json', '--db', db]);
      const dadukou = (JSON.parse(list.stdout) as { slug: string; parent: string | null }[]).find(
        (t) => t.slug === 'dadukou',
      );
      assert.equal(dadukou?.parent, 'jiangbei');
      const back = await runCli([
        'tenants',
        'add',
        'dadukou',
        '--name',
        '大渡口区',
        '--parent',
        'chongqing',
        '--db',
        db,
      ]);
      assert.equal(back.code, 0, back.stderr);
    });

    it('refuses a cycle, an unknown parent and a bad slug with one line, writing nothing', async () => {
      assertOneLineError(
        await runCli(['tenants', 'add', 'chongqing', '--name', '重庆市', '--parent', 'yuzhong', '--db', db]),
        /--parent yuzhong: chongqing cannot sit under its own descendant \(yuzhong → chongqing\)/,
      );
      assertOneLineError(
        await runCli(['tenants', 'add', 'yuzhong', '--name', '渝中区', '--parent', 'yuzhong', '--db', db]),
        /yuzhong cannot sit under itself/,
      );
      assertOneLineError(
        await runCli(['tenants', 'add', 'beibei', '--name', '北碚区', '--parent', 'nowhere', '--db', db]),
        /--parent nowhere: no such tenant/,
      );
      assertOneLineError(
        await runCli(['tenants', 'add', 'Bei_Bei', '--name', '北碚区', '--db', db]),
        /bad slug 'Bei_Bei'/,
      );
      const list = await runCli(['tenants', 'list', '--json', '--db', db]);
      const all = JSON.parse(list.stdout) as { slug: string; parent: string | null }[];
      assert.deepEqual(all.map((t) => t.slug).sort(), ['chongqing', 'dadukou', 'jiangbei', 'yuzhong']);
      assert.equal(all.find((t) => t.slug === 'chongqing')?.parent, null);
    });

    it("refuses a district plan whose unit departs from the city's definition, with one line", async () => {
      const handle = await openDatabase(db);
      try {
        const cityRow = await handle.kysely
          .selectFrom('tenants')
          .select('id')
          .where('slug', '=', 'chongqing')
          .executeTakeFirstOrThrow();
        const definition = {
          code: 'area',
          name: '辖区面积',
          unit: '公顷',
          measure: 'stock',
          direction: 'up',
          frequency: 'annual',
        } as const;
        await publishDefinition(handle, cityRow.id, definition, {
          actor: { kind: 'system' },
          at: new Date(),
        });
      } finally {
        await handle.close();
      }
      const file = join(dir, `dadukou-${dialect}.json`);
      writeFileSync(file, districtPlan('dadukou', []));
      const r = await runCli(['import-plan', file, '--tenant', 'dadukou', '--db', db]);
      assertOneLineError(
        r,
        /dadukou-\w+\.json:1: indicators\[1\]\.unit: indicator 'area' has the id of the city's definition 辖区面积 \(version 1\), whose unit is '公顷', but the plan says '平方公里'/,
      );
      const check = await openDatabase(db);
      try {
        const plans = await check.kysely
          .selectFrom('plans as p')
          .innerJoin('tenants as t', 't.id', 'p.tenant_id')
          .select('p.code')
          .where('t.slug', '=', 'dadukou')
          .execute();
        assert.deepEqual(plans, []);
      } finally {
        await check.close();
      }
    });

    it('refuses a bad period and an unknown indicator with one line', async () => {
      assertOneLineError(
        await runCli(['ranks', '--indicator', 'retail_sales', '--period', '2025-13', '--db', db]),
        /--period 2025-13: use YYYY, YYYY-Qn or YYYY-MM/,
      );
      assertOneLineError(
        await runCli(['ranks', '--indicator', 'nothing', '--db', db, '--json']),
        /indicator 'nothing'/,
      );
    });
  });
}
