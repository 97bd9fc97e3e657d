import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tuples } from '../test-support';
import { aheadOf, competitionRanks, cycleThrough, recomputeRatio, rollup, slugProblem } from '.';

/** Items written `key value; …` (`null`: no value), ranked in `direction`. */
const ranked = (items: string, direction: 'up' | 'down') =>
  competitionRanks(
    tuples(items).map(([key, value]) => ({ key: String(key), value: value as number | null })),
    direction,
  );

describe('competitionRanks', () => {
  it('gives ties one rank and skips the next (1, 1, 3), unranked last', () => {
    const r = ranked('a 10; b 30; c null; d 30; e 5', 'up');
    assert.deepEqual(
      r.map((x) => [x.key, x.rank, x.of]),
      tuples('b 1 4; d 1 4; a 3 4; e 4 4; c null 4'),
    );
  });

  it('ranks smaller first when the direction is down', () => {
    const r = ranked('a 3; b 1; c 3', 'down');
    assert.deepEqual(
      r.map((x) => [x.key, x.rank]),
      tuples('b 1; a 2; c 2'),
    );
  });

  it('names who is ahead', () => {
    const r = ranked('a 3; b 5; c 5', 'up');
    assert.deepEqual(
      aheadOf(r, 'a').map((x) => x.key),
      ['b', 'c'],
    );
    assert.deepEqual(aheadOf(r, 'b'), []);
  });

  it('property: a rank is 1 + the number strictly better', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 30 }),
        (vals) => {
          const items = vals.map((value, key) => ({ key, value }));
          for (const r of competitionRanks(items, 'up')) {
            if (r.value === null) assert.equal(r.rank, null);
            else assert.equal(r.rank, 1 + vals.filter((v) => v !== null && v > (r.value ?? 0)).length);
          }
        },
      ),
    );
  });
});

describe('rollup', () => {
  it('sums a flow and gives each district its share; a missing district makes it incomplete', () => {
    const r = rollup('flow', [
      { key: 'a', value: 300 },
      { key: 'b', value: 100 },
      { key: 'c', value: null },
    ]);
    assert.equal(r.total, 400);
    assert.equal(r.complete, false);
    assert.deepEqual(r.missing, ['c']);
    assert.deepEqual(
      r.districts.map((d) => d.share),
      [0.75, 0.25, null],
    );
    assert.deepEqual(r.distribution, { min: 100, max: 300, median: 200, mean: 200 });
  });

  it('recomputes a ratio from the totals of its parts, not the mean of the ratios', () => {
    // a: 100亿元 on 10 km² (10), b: 50亿元 on 40 km² (1.25): mean 5.625, true city figure 150/50 = 3.
    const total = recomputeRatio(
      { id: 'gdp_per_km2', unit: '亿元/平方公里', formula: 'gdp / area' },
      new Map([
        ['gdp', { unit: '亿元', total: 150 }],
        ['area', { unit: '平方公里', total: 50 }],
      ]),
    );
    assert.deepEqual(total, { value: 3, reason: null });
    const r = rollup(
      'ratio',
      [
        { key: 'a', value: 10 },
        { key: 'b', value: 1.25 },
      ],
      total,
    );
    assert.equal(r.total, 3);
    assert.equal(r.method, 'formula');
    assert.equal(r.distribution?.mean, 5.625);
  });

  it('refuses to roll up a ratio without parts', () => {
    const r = rollup('ratio', [{ key: 'a', value: 60 }]);
    assert.equal(r.total, null);
    assert.match(r.reason ?? '', /never|不取平均/);
  });
});

describe('tenant tree', () => {
  it('checks slugs', () => {
    assert.equal(slugProblem('yuzhong'), null);
    assert.equal(slugProblem('liang-jiang2'), null);
    for (const bad of ['Yuzhong', 'a', '1abc', 'a_b', 'a--b', 'abc-', '渝中', 'x'.repeat(41)])
      assert.match(slugProblem(bad) ?? '', /bad slug/, bad);
  });

  it('finds a cycle through the new parent', () => {
    const parents = new Map<string, string | null>([
      ['city', null],
      ['d1', 'city'],
      ['t1', 'd1'],
    ]);
    const parentOf = (k: string) => parents.get(k) ?? null;
    assert.deepEqual(cycleThrough('city', 't1', parentOf), ['t1', 'd1', 'city']);
    assert.deepEqual(cycleThrough('d1', 'd1', parentOf), ['d1']);
    assert.equal(cycleThrough('t1', 'city', parentOf), null);
  });
});
