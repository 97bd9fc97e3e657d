/**
 * Stored statuses (docs/adr/0007-stored-statuses.md): the city cockpit and a district's status
 * are read from `plan_statuses` by a server with nothing in memory, and a stored row is never
 * served once a write has changed its revision; only the districts whose revision moved are
 * evaluated again. SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { evaluatePlan } from '../../src/domain/targets';
import { cityOverview, districtStatus, forgetCachedOverviews } from '../../src/modules/cityview';
import { saveTenant } from '../../src/modules/city';
import { importObservations } from '../../src/modules/imports';
import { importPlanText, loadPlanModel } from '../../src/modules/plans';
import { forgetCachedStatuses, getPlanStatus, statusRefreshJob } from '../../src/modules/status';
import { describeEachDatabase } from '../databases';
import { districtPlan, seedCity, tenantId } from '../helpers/city';

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(rows);
}

const asOf = '2099-12-31';

/** A district plan with one level target on its GDP: 200 亿元 by 2027. */
function gdpPlan(slug: string): string {
  const plan = JSON.parse(
    districtPlan(slug, [{ indicator: 'gdp', period: '2023', value: 100, published: '2024-03-01' }]),
  ) as { targets: unknown[] };
  plan.targets = [{ id: 't-gdp', indicator: 'gdp', kind: 'level', value: 200, year: 2027 }];
  return JSON.stringify(plan);
}

describeEachDatabase('stored statuses', (ctx) => {
  const id = (slug: string) => tenantId(ctx.db, slug);
  const stored = async (when = asOf) =>
    new Map(
      (
        await ctx.db.kysely
          .selectFrom('plan_statuses as s')
          .innerJoin('tenants as t', 't.id', 's.tenant_id')
          .select(['t.slug', 's.revision', 's.neighbours'])
          .where('s.as_of', '=', when)
          .execute()
      ).map((r) => [r.slug, `${r.revision}|${r.neighbours ?? '-'}`]),
    );
  /** The GDP target's status as the engine alone evaluates the plan now (no store, no cache). */
  const engine = async (slug: string) => {
    const r = evaluatePlan(
      await loadPlanModel(ctx.db, await id(slug), `${slug}-2023`, `${asOf}T23:59:59.999Z`),
      asOf,
    );
    assert.ok(r.ok);
    return r.evaluations.find((e) => e.target === 't-gdp')?.status;
  };

  before(async () => {
    await seedCity(ctx.db, 'sc', {
      east: {
        rankTarget: true,
        observations: [{ indicator: 'retail_sales', period: '2024', value: 1500, published: '2025-03-01' }],
      },
      west: {
        rankTarget: true,
        observations: [{ indicator: 'retail_sales', period: '2024', value: 1600, published: '2025-03-01' }],
      },
    });
    for (const slug of ['north', 'south']) {
      await saveTenant(
        ctx.db,
        { slug, name: `${slug}区`, parent: 'sc' },
        { actor: { kind: 'system' }, at: new Date() },
      );
      const r = await importPlanText(ctx.db, { tenantSlug: slug, text: gdpPlan(slug), now: new Date() });
      assert.equal(r.ok, true, JSON.stringify(r));
    }
  });

  it('stores what a cold city cockpit evaluates and serves it to the next cold server', async () => {
    const city = await id('sc');
    forgetCachedOverviews();
    const first = await cityOverview(ctx.db, city, asOf);
    assert.deepEqual([...(await stored()).keys()].sort(), ['east', 'north', 'south', 'west']);
    forgetCachedOverviews();
    const again = await cityOverview(ctx.db, city, asOf);
    assert.notEqual(again, first, 'nothing came from memory');
    assert.deepEqual(again, first);
    const north = again.districts.find((d) => d.tenant === 'north');
    const status = (await engine('north')) ?? 'none';
    assert.equal(north?.counts[status], 1, `north's one target is ${status} by the engine`);
  });

  it('never serves a stored row after a write; evaluates again only the districts it moved', async () => {
    const city = await id('sc');
    forgetCachedOverviews();
    const before = await cityOverview(ctx.db, city, asOf);
    const rows = await stored();
    const statusBefore = await engine('north');
    const r = await importObservations(ctx.db, {
      tenantSlug: 'north',
      rows: once([{ row: 2, indicator: 'gdp', period: '2024', value: '250' }]),
      source: 'north.csv',
      now: new Date(),
      userId: null,
      asOf: '2025-07-01',
      status: 'accepted',
    });
    assert.equal(r.ok, true, JSON.stringify(r));
    const statusAfter = (await engine('north')) ?? 'none';
    assert.notEqual(statusAfter, statusBefore, 'the new value changes the target');
    forgetCachedOverviews();
    const after = await cityOverview(ctx.db, city, asOf);
    assert.equal(after.districts.find((d) => d.tenant === 'north')?.counts[statusAfter], 1);
    assert.notDeepEqual(after, before);
    const drill = await districtStatus(ctx.db, city, 'north', asOf);
    assert.equal(drill.targets[0]?.status, statusAfter);
    const now = await stored();
    assert.notEqual(now.get('north'), rows.get('north'), "north's row was evaluated again");
    assert.equal(now.get('south'), rows.get('south'), "south's row, which the write did not touch, stayed");
    // East and west rank on their neighbours' data: any district's write moves their revision.
    assert.notEqual(now.get('east'), rows.get('east'));
    forgetCachedOverviews();
    assert.equal(
      (await getPlanStatus(ctx.db, await id('north'), 'north-2023', asOf)).statuses[0]?.status,
      statusAfter,
    );
  });

  it("stores every plan's statuses as of the job's day, and a second run changes nothing", async () => {
    const today = '2026-12-02';
    await statusRefreshJob.run?.({ db: ctx.db, now: new Date(`${today}T06:00:00Z`), today });
    const first = await stored(today);
    assert.deepEqual([...first.keys()].sort(), ['east', 'north', 'south', 'west']);
    forgetCachedOverviews();
    await statusRefreshJob.run?.({ db: ctx.db, now: new Date(`${today}T07:00:00Z`), today });
    assert.deepEqual(await stored(today), first);
  });

  it('drops the rows kept under an older revision when the job runs', async () => {
    const r = await importObservations(ctx.db, {
      tenantSlug: 'south',
      rows: once([{ row: 2, indicator: 'gdp', period: '2024', value: '150' }]),
      source: 'south.csv',
      now: new Date(),
      userId: null,
      asOf: '2025-07-01',
      status: 'accepted',
    });
    assert.equal(r.ok, true, JSON.stringify(r));
    const before = await stored(asOf);
    assert.ok(before.has('south') && before.has('north'));
    const today = '2026-12-03';
    forgetCachedStatuses(); // the job runs minutes after a write, past the revision's 200 ms cache
    await statusRefreshJob.run?.({ db: ctx.db, now: new Date(`${today}T06:00:00Z`), today });
    assert.deepEqual([...(await stored(today)).keys()].sort(), ['east', 'north', 'south', 'west']);
    const after = await stored(asOf);
    assert.equal(after.has('south'), false, "south's row of an earlier revision is gone");
    assert.equal(after.get('north'), before.get('north'), "north's row, still current, stays");
  });
});
