/**
 * A rank target on a shared indicator (社零总额保持全市第一) is evaluated on the ranks computed from
 * the districts' accepted data: it turns red when another district's accepted value overtakes,
 * names the districts ahead, and a typed rank (unit 名) is still read as typed. SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { importObservations } from '../../src/modules/imports';
import { getPlanStatus } from '../../src/modules/status';
import { describeEachDatabase } from '../databases';
import { seedCity, tenantId } from '../helpers/city';

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield await Promise.resolve(rows);
}

describeEachDatabase('city rank targets', (ctx) => {
  const idOf = (slug: string) => tenantId(ctx.db, slug);

  before(async () => {
    await seedCity(ctx.db, 'cq', {
      yuzhong: {
        rankTarget: true,
        observations: [
          { indicator: 'retail_sales', period: '2023', value: 1400, published: '2024-03-01' },
          { indicator: 'retail_sales', period: '2024', value: 1500, published: '2025-03-01' },
        ],
      },
      jiangbei: {
        observations: [
          { indicator: 'retail_sales', period: '2023', value: 1200, published: '2024-03-01' },
          { indicator: 'retail_sales', period: '2024', value: 1300, published: '2025-03-01' },
        ],
      },
      nanan: {
        observations: [{ indicator: 'retail_sales', period: '2023', value: 800, published: '2024-03-01' }],
      },
      // A district that types its rank: the typed value is what counts.
      shapingba: {
        rankTarget: true,
        typedRank: true,
        observations: [
          { indicator: 'retail_sales', period: '2024', value: 100, published: '2025-03-01' },
          { indicator: 'retail_rank', period: '2024', value: 1, published: '2025-03-01' },
        ],
      },
    });
  });

  it('keeps a first place computed from data, then turns red when another district overtakes', async () => {
    const yuzhong = await idOf('yuzhong');
    const before = await getPlanStatus(ctx.db, yuzhong, 'yuzhong-2023', '2025-06-30');
    const t = before.statuses.find((s) => s.target === 't-retail-rank');
    assert.equal(t?.status, 'on_track');
    assert.deepEqual(
      t?.series.map((p) => [p.period, p.value]),
      [
        ['2023', 1],
        ['2024', 1],
      ],
    );
    assert.match(t?.explanation.zh ?? '', /2024年在cq市3个有数据的区县中居第1名/);
    assert.match(t?.explanation.zh ?? '', /尚无数据：nanan区/);

    // Jiangbei's corrected 2024 figure is accepted: 1600 亿元 overtakes Yuzhong's 1500.
    const r = await importObservations(ctx.db, {
      tenantSlug: 'jiangbei',
      rows: once([{ row: 2, indicator: 'retail_sales', period: '2024', value: '1600' }]),
      source: 'jiangbei.csv',
      userId: null,
      now: new Date(),
      asOf: '2025-06-01',
      status: 'accepted',
    });
    assert.equal(r.ok, true, JSON.stringify(r));
    const after = await getPlanStatus(ctx.db, yuzhong, 'yuzhong-2023', '2099-12-31');
    const red = after.statuses.find((s) => s.target === 't-retail-rank');
    assert.equal(red?.status, 'off_track');
    assert.deepEqual(red?.latest, { period: '2024', value: 2 });
    assert.match(red?.explanation.zh ?? '', /2024年为第2名，未实现保持前1名的目标/);
    assert.match(red?.explanation.zh ?? '', /领先于本区的：jiangbei区（1600亿元）/);
    assert.match(
      red?.explanation.en ?? '',
      /No\. 2 of the 3 districts of cq市 with data; ahead: jiangbei区 \(160 billion yuan\)/,
    );

    // As known before the correction, Yuzhong was still first.
    const known = await getPlanStatus(ctx.db, yuzhong, 'yuzhong-2023', '2025-04-30');
    assert.equal(known.statuses.find((s) => s.target === 't-retail-rank')?.status, 'on_track');
  });

  it('reads a typed rank (unit 名) as typed', async () => {
    const s = await getPlanStatus(ctx.db, await idOf('shapingba'), 'shapingba-2023', '2025-06-30');
    const t = s.statuses.find((x) => x.target === 't-retail-rank');
    assert.equal(t?.status, 'on_track');
    assert.doesNotMatch(t?.explanation.zh ?? '', /位列/);
  });
});
