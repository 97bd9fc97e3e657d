import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateComputedRank } from './rank-target';

const plan = { start: 2023, end: 2027, baseline_year: 2022 };
const target = { id: 't', indicator: 'retail_sales', kind: 'rank' as const, value: 3, from: 2023, to: 2027 };

describe('evaluateComputedRank', () => {
  it('is no_data, saying why, when the district has no city', () => {
    const e = evaluateComputedRank(target, plan, { city: null, unit: '亿元', points: [] }, '2025-06-30');
    assert.equal(e.status, 'no_data');
    assert.match(e.explanation.zh, /未归属任何城市/);
  });

  it('judges 前3名 on the computed ranks and names at most five districts ahead', () => {
    const ahead = ['a', 'b', 'c', 'd', 'e', 'f'].map((n, i) => ({ name: `${n}区`, value: 900 - i }));
    const points = [
      { period: '2023', rank: 2, of: 9, value: 950, ahead: ahead.slice(0, 1), missing: [], late: false },
      { period: '2024', rank: 7, of: 9, value: 800, ahead, missing: ['z区'], late: true },
    ];
    const e = evaluateComputedRank(target, plan, { city: '重庆市', unit: '亿元', points }, '2025-06-30');
    assert.equal(e.status, 'off_track');
    assert.match(e.explanation.zh, /2024年在重庆市9个有数据的区县中居第7名/);
    assert.match(
      e.explanation.zh,
      /a区（900亿元）、b区（899亿元）、c区（898亿元）、d区（897亿元）、e区（896亿元）等6个/,
    );
    assert.match(e.explanation.zh, /尚无数据：z区；本区数据逾期报送/);
    const ok = evaluateComputedRank(
      target,
      plan,
      { city: '重庆市', unit: '亿元', points: points.slice(0, 1) },
      '2024-06-30',
    );
    assert.equal(ok.status, 'on_track');
  });
});
