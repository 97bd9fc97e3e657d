/**
 * The city cockpit: every district's lights side by side, the indicators they share, and the
 * drill-down into one district's targets (a computed rank target among them). SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { cityOverview, districtStatus } from '../../src/modules/cityview';
import { importObservations } from '../../src/modules/imports';
import { getPlanStatus } from '../../src/modules/status';
import { describeEachDatabase } from '../databases';
import { seedCity, tenantId } from '../helpers/city';

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(rows);
}

describeEachDatabase('city overview', (ctx) => {
  const id = (slug: string) => tenantId(ctx.db, slug);

  before(async () => {
    await seedCity(ctx.db, 'cq', {
      yuzhong: {
        rankTarget: true,
        observations: [{ indicator: 'retail_sales', period: '2024', value: 1500, published: '2025-03-01' }],
      },
      jiangbei: {
        rankTarget: true,
        observations: [{ indicator: 'retail_sales', period: '2024', value: 1600, published: '2025-03-01' }],
      },
      nanan: { observations: [] },
    });
  });

  it('puts the districts side by side with their lights and the indicators they share', async () => {
    const o = await cityOverview(ctx.db, await id('cq'), '2025-06-30');
    assert.equal(o.city, 'cq');
    assert.deepEqual(
      o.districts.map((d) => [d.tenant, d.plan?.id, d.counts.on_track, d.counts.off_track]),
      [
        ['jiangbei', 'jiangbei-2023', 1, 0],
        ['nanan', 'nanan-2023', 0, 0],
        ['yuzhong', 'yuzhong-2023', 0, 1],
      ],
    );
    assert.deepEqual(
      o.shared_indicators.find((s) => s.id === 'retail_sales'),
      { id: 'retail_sales', name: '社会消费品零售总额', unit: '亿元', districts: 3 },
    );
  });

  it('drills down into one district, and refuses a district of no city of the caller', async () => {
    const d = await districtStatus(ctx.db, await id('cq'), 'yuzhong', '2025-06-30');
    assert.equal(d.targets.length, 1);
    assert.equal(d.targets[0]?.status, 'off_track');
    assert.match(d.targets[0]?.explanation.zh ?? '', /领先于本区的：jiangbei区（1600亿元）/);
    await assert.rejects(
      districtStatus(ctx.db, await id('cq'), 'nowhere', '2025-06-30'),
      /district 'nowhere'/,
    );
    await assert.rejects(
      cityOverview(ctx.db, await id('yuzhong'), '2025-06-30'),
      /districts below your tenant/,
    );
  });

  it("counts what each district's own cockpit counts, and sees a write at once though cached", async () => {
    const city = await id('cq');
    const before = await cityOverview(ctx.db, city, '2099-12-31');
    for (const d of before.districts) {
      const own = await getPlanStatus(ctx.db, await id(d.tenant), d.plan?.id ?? '', '2099-12-31');
      assert.deepEqual(d.counts, own.counts, d.tenant);
    }
    assert.equal(before.districts.find((d) => d.tenant === 'yuzhong')?.counts.off_track, 1);
    assert.equal(await cityOverview(ctx.db, city, '2099-12-31'), before, 'the same day again is cached');
    // Yuzhong's corrected 2024 figure is accepted: 1700 亿元 puts it ahead of Jiangbei's 1600.
    const r = await importObservations(ctx.db, {
      tenantSlug: 'yuzhong',
      rows: once([{ row: 2, indicator: 'retail_sales', period: '2024', value: '1700' }]),
      source: 'yuzhong.csv',
      now: new Date(),
      userId: null,
      asOf: '2025-07-01',
      status: 'accepted',
    });
    assert.equal(r.ok, true, JSON.stringify(r));
    const after = await cityOverview(ctx.db, city, '2099-12-31');
    assert.deepEqual(
      after.districts.map((d) => [d.tenant, d.counts.on_track, d.counts.off_track]),
      [
        ['jiangbei', 0, 1],
        ['nanan', 0, 0],
        ['yuzhong', 1, 0],
      ],
    );
  });
});
