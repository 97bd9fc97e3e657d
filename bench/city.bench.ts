/**
 * The city at scale, on PostgreSQL (issue 16): the synthetic city of bench/synthetic-city.ts, 38
 * districts each with a plan of 300 targets on 300 indicators (ten years of accepted values, one a
 * year here) under 6 goal areas, and a shared retail-sales indicator. Measured, each beside a baseline run in the same process:
 * - the city cockpit (`cityOverview`: every district's plan evaluated, counted per goal area),
 *   cold (a new as-of date each round, so nothing comes from the overview cache), against one SQL
 *   query doing the same aggregation (targets per district and goal area with their indicator's
 *   latest accepted value);
 * - a district's ranks on the shared indicator over 10 years (`rankSeriesOf`), against one SQL
 *   query ranking the same values with a window function.
 * Goals: city cockpit < 500 ms; ranks over 10 years < 50 ms.
 *
 * Figures and what they mean: docs/performance.md (the earlier 1.1–1.7 s evaluated no data).
 *
 * Run: npm run bench -- city   (needs the local PostgreSQL; SHIXIAO_TEST_PG to point elsewhere)
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../src/db';
import { rankSeriesOf, saveTenant } from '../src/modules/city';
import { cityOverview, forgetCachedOverviews } from '../src/modules/cityview';
import { importObservations } from '../src/modules/imports';
import { importPlanText } from '../src/modules/plans';
import { districtPlanFile, fullCity } from './synthetic-city';
import type { BenchResult } from './types';

/** The synthetic city with one value a year: its 1.4 million monthly values would load for longer than the run. */
const shape = { ...fullCity, monthly: false, tasks: 0 };
const DISTRICTS = shape.districts;
const admin = process.env.SHIXIAO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The data is loaded (recorded) before the first as-of day below: a value counts from when it
 * became known, and an earlier run loaded it "now", after every as-of day, so its cockpit
 * evaluated 11,400 targets without a single value (every light grey).
 */
const loadedAt = new Date('2026-01-05T00:00:00Z');

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(rows);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(rounds: number, f: (round: number) => Promise<unknown>): Promise<number> {
  await f(-1); // warm the code paths (and, for the SQL, the plan cache)
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await f(r);
    out.push(performance.now() - start);
  }
  return median(out);
}

/** The same aggregation as the city cockpit, as one SQL query. */
function aggregationSql(db: Db, cityId: number) {
  return sql`
    select p.tenant_id, t.goal_area_id, count(*) as targets, sum(o.value) as latest
    from targets t
    join plans p on p.id = t.plan_id
    join tenants d on d.id = p.tenant_id and d.parent_id = ${cityId}
    left join observations o on o.indicator_id = t.indicator_id and o.status = 'accepted'
      and o.period = (select max(o2.period) from observations o2
                      where o2.indicator_id = t.indicator_id and o2.status = 'accepted')
    group by p.tenant_id, t.goal_area_id`.execute(db.kysely);
}

function ranksSql(db: Db, cityId: number) {
  return sql`
    select d.slug, o.period, o.value,
           rank() over (partition by o.period order by o.value desc) as rank
    from observations o
    join indicators i on i.id = o.indicator_id and i.code = 'retail_sales'
    join plans p on p.id = i.plan_id
    join tenants d on d.id = p.tenant_id and d.parent_id = ${cityId}
    where o.status = 'accepted'`.execute(db.kysely);
}

export async function benchCity(): Promise<BenchResult[]> {
  const name = `shixiao_bench_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  try {
    await migrateToLatest(db);
    const by = { actor: { kind: 'system' as const }, at: new Date() };
    const { tenant: city } = await saveTenant(db, { slug: 'bench-city', name: '基准市' }, by);
    const cityId = (
      await db.kysely
        .selectFrom('tenants')
        .select('id')
        .where('slug', '=', city.slug)
        .executeTakeFirstOrThrow()
    ).id;
    for (let d = 0; d < DISTRICTS; d++) {
      await saveTenant(db, { slug: `d${d}`, name: `区县${d}`, parent: city.slug }, by);
      const r = await importPlanText(db, {
        tenantSlug: `d${d}`,
        text: districtPlanFile(d, shape),
        now: loadedAt,
      });
      if (!r.ok) throw new Error(`bench plan ${d}: ${JSON.stringify(r.problems[0])}`);
    }
    // Statistics, as autovacuum would gather on a database in use (else every plan is a guess).
    await sql`analyze`.execute(db.kysely);
    const d0 = (
      await db.kysely.selectFrom('tenants').select('id').where('slug', '=', 'd0').executeTakeFirstOrThrow()
    ).id;
    // A new as-of day per round: every district's plan is evaluated (and stored), nothing cached.
    const day = (r: number) => new Date(Date.UTC(2026, 0, 10 + r + 1)).toISOString().slice(0, 10);
    let targets = 0;
    const evaluated = await time(5, async (r) => {
      forgetCachedOverviews();
      const o = await cityOverview(db, cityId, day(r));
      targets = o.districts.reduce((n, x) => n + Object.values(x.counts).reduce((a, b) => a + b, 0), 0);
    });
    const cockpitBase = await time(5, () => aggregationSql(db, cityId));
    // The same days again on an empty memory: every district's statuses come from plan_statuses.
    const cold = await time(5, async (r) => {
      forgetCachedOverviews();
      await cityOverview(db, cityId, day(r));
    });
    // One district's value accepted, then a cold read: that district alone is evaluated again.
    const afterWrite: number[] = [];
    for (let r = 0; r < 5; r++) {
      const w = await importObservations(db, {
        tenantSlug: `d${r + 1}`,
        rows: once([{ row: 2, indicator: 'i0', period: '2025', value: String(1000 + r) }]),
        source: 'bench.csv',
        now: loadedAt,
        userId: null,
        status: 'accepted',
        allowOutliers: true,
      });
      if (!w.ok) throw new Error(`bench write: ${JSON.stringify(w)}`);
      forgetCachedOverviews();
      const start = performance.now();
      await cityOverview(db, cityId, day(0));
      afterWrite.push(performance.now() - start);
    }
    // The same day again: the overview comes from its cache once the revision is read.
    const warm = await time(5, () => cityOverview(db, cityId, day(0)));
    let points = 0;
    const ranks = await time(10, async () => {
      points = (await rankSeriesOf(db, d0, 'retail_sales'))?.points.length ?? 0;
    });
    const ranksBase = await time(10, () => ranksSql(db, cityId));
    const round = (x: number) => Math.round(x * 10) / 10;
    return [
      {
        name: `city cockpit, cold, statuses stored (${DISTRICTS} districts × ${targets / DISTRICTS} targets, PostgreSQL)`,
        value: round(cold),
        unit: 'ms',
        baseline: round(cockpitBase),
        note: 'goal < 500 ms; memory emptied each round; baseline: the same aggregation as one SQL query',
      },
      {
        name: `city cockpit, cold, one district written since its statuses were stored`,
        value: round(median(afterWrite)),
        unit: 'ms',
        baseline: round(cockpitBase),
        note: 'that district evaluated again; baseline: the same aggregation as one SQL query',
      },
      {
        name: `city cockpit, a day nothing was evaluated for (all ${DISTRICTS} districts evaluated and stored)`,
        value: round(evaluated),
        unit: 'ms',
        baseline: round(cockpitBase),
        note: 'what the status job or the first reader of a new day pays; baseline: the same aggregation as one SQL query',
      },
      {
        name: `city cockpit, warm (the same day again, overview cached under the city's revision)`,
        value: round(warm),
        unit: 'ms',
        baseline: round(cockpitBase),
        note: 'goal < 500 ms; baseline: the same aggregation as one SQL query',
      },
      {
        name: `ranks of one indicator over ${points} years (${DISTRICTS} districts, PostgreSQL)`,
        value: round(ranks),
        unit: 'ms',
        baseline: round(ranksBase),
        note: 'goal < 50 ms; baseline: one SQL query with rank() over (partition by period)',
      },
    ];
  } finally {
    await db.close();
    const drop = new pg.Client({ connectionString: admin });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  }
}
