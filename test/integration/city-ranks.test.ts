/**
 * Ranks of a city's districts on a shared indicator, from accepted current values: ties, a
 * district without data, a district without the indicator, late data, the direction, the default
 * period and "as known on". On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { cityRanks, resolveCity } from '../../src/modules/city';
import { describeEachDatabase } from '../databases';
import { seedCity } from '../helpers/city';

const pick = (r: Awaited<ReturnType<typeof cityRanks>>) =>
  r.ranks.map((e) => ({ tenant: e.tenant, value: e.value, rank: e.rank, of: e.of, late: e.late }));

describeEachDatabase('city ranks', (ctx) => {
  before(async () => {
    await seedCity(ctx.db, 'cq', {
      yuzhong: {
        observations: [
          { indicator: 'retail_sales', period: '2023', value: 1400, published: '2024-03-01' },
          { indicator: 'retail_sales', period: '2024', value: 1500, published: '2025-03-20' },
          { indicator: 'pm25', period: '2024', value: 30, published: '2025-03-01' },
        ],
      },
      jiangbei: {
        observations: [
          { indicator: 'retail_sales', period: '2023', value: 1200, published: '2024-03-01' },
          // Accepted after the 2024 deadline (2025-03-31): flagged late.
          { indicator: 'retail_sales', period: '2024', value: 1500, published: '2025-05-06' },
          { indicator: 'pm25', period: '2024', value: 28, published: '2025-03-01' },
        ],
      },
      shapingba: {
        observations: [
          { indicator: 'retail_sales', period: '2023', value: 1300, published: '2024-03-01' },
          { indicator: 'retail_sales', period: '2024', value: 900, published: '2025-03-01' },
        ],
      },
      // Holds the indicator but reported nothing for 2024.
      nanan: {
        observations: [{ indicator: 'retail_sales', period: '2023', value: 800, published: '2024-03-01' }],
      },
    });
  });

  it('ranks the latest period by default: ties share a rank (1, 1, 3), no data is listed without a rank, late data flagged', async () => {
    const city = await resolveCity(ctx.db);
    assert.equal(city.slug, 'cq');
    const r = await cityRanks(ctx.db, city, { indicator: 'retail_sales' });
    assert.equal(r.period, '2024');
    assert.deepEqual(pick(r), [
      { tenant: 'jiangbei', value: 1500, rank: 1, of: 3, late: true },
      { tenant: 'yuzhong', value: 1500, rank: 1, of: 3, late: false },
      { tenant: 'shapingba', value: 900, rank: 3, of: 3, late: false },
      { tenant: 'nanan', value: null, rank: null, of: 3, late: false },
    ]);
    assert.equal(r.ranks.find((e) => e.tenant === 'jiangbei')?.due, '2025-03-31');
    assert.equal(r.ranks.find((e) => e.tenant === 'nanan')?.missing, 'no_value');
  });

  it('ranks a named period', async () => {
    const r = await cityRanks(ctx.db, await resolveCity(ctx.db, 'cq'), {
      indicator: 'retail_sales',
      period: '2023',
    });
    assert.deepEqual(
      r.ranks.map((e) => [e.tenant, e.rank]),
      [
        ['yuzhong', 1],
        ['shapingba', 2],
        ['jiangbei', 3],
        ['nanan', 4],
      ],
    );
  });

  it('ranks ascending when lower is better, and lists a district whose plans lack the indicator', async () => {
    const r = await cityRanks(ctx.db, await resolveCity(ctx.db), { indicator: 'pm25' });
    assert.equal(r.direction, 'down');
    assert.deepEqual(
      r.ranks.map((e) => [e.tenant, e.rank, e.missing]),
      [
        ['jiangbei', 1, null],
        ['yuzhong', 2, null],
        ['nanan', null, 'no_value'],
        ['shapingba', null, 'no_value'],
      ],
    );
  });

  it('as known on a day: a value accepted later is not there yet', async () => {
    const r = await cityRanks(ctx.db, await resolveCity(ctx.db), {
      indicator: 'retail_sales',
      period: '2024',
      asOf: '2025-04-30',
    });
    assert.deepEqual(
      r.ranks.map((e) => [e.tenant, e.rank]),
      [
        ['yuzhong', 1],
        ['shapingba', 2],
        ['jiangbei', null],
        ['nanan', null],
      ],
    );
  });

  it('answers 404 for an indicator no district has', async () => {
    await assert.rejects(
      cityRanks(ctx.db, await resolveCity(ctx.db), { indicator: 'nothing' }),
      /indicator 'nothing'/,
    );
  });
});
