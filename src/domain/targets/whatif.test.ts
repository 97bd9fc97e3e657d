import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePlan } from './evaluate';
import { yuzhongGdp } from './fixtures';
import { whatIf } from './whatif';

const asOf = '2026-06-30';

void describe('what if (Yuzhong GDP ≥ 2100亿元 by 2027, latest 2025 = 1781.8)', () => {
  void it('assumed growth fills the years before the target year and the engine projects 2027', () => {
    const r = whatIf(yuzhongGdp, 't-gdp', { kind: 'growth', percent: 10 }, asOf);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepEqual(
      r.whatIf.path.map((p) => p.period),
      ['2026'],
    );
    assert.ok(Math.abs((r.whatIf.path[0]?.value ?? 0) - 1959.98) < 0.01);
    assert.equal(r.whatIf.as_of, '2027-06-30');
    assert.equal(r.whatIf.evaluation.latest?.period, '2026');
    assert.equal(r.whatIf.target_year_value, r.whatIf.evaluation.projection?.value);
  });

  // Below the observed 4.5% the trend's scatter grows, and with it the interval: the probability
  // is monotone only from the observed rate up; the status is monotone throughout.
  void it('more growth never lowers the status, nor (above the observed rate) the probability', () => {
    const order = ['no_data', 'off_track', 'at_risk', 'on_track', 'achieved'];
    let prev = { p: -1, s: -1 };
    for (const percent of [-5, 0, 4.5, 8, 12, 20]) {
      const r = whatIf(yuzhongGdp, 't-gdp', { kind: 'growth', percent }, asOf);
      assert.ok(r.ok);
      const p = r.whatIf.evaluation.projection?.probability ?? 0;
      const s = order.indexOf(r.whatIf.evaluation.status);
      if (percent > 4.5) assert.ok(p >= prev.p, `${percent}%: probability ${p} < ${prev.p}`);
      assert.ok(s >= prev.s, `${percent}%: status ${r.whatIf.evaluation.status}`);
      prev = { p, s };
    }
  });

  void it('a value for the target year itself gives the final status', () => {
    const hit = whatIf(yuzhongGdp, 't-gdp', { kind: 'value', year: 2027, value: 2150 }, asOf);
    assert.ok(hit.ok);
    assert.equal(hit.whatIf.evaluation.status, 'achieved');
    assert.equal(hit.whatIf.target_year_value, 2150);
    assert.equal(hit.whatIf.path.length, 2, '2026 on the way, then 2027');
    const miss = whatIf(yuzhongGdp, 't-gdp', { kind: 'value', year: 2027, value: 1900 }, asOf);
    assert.ok(miss.ok);
    assert.notEqual(miss.whatIf.evaluation.status, 'achieved');
  });

  void it('saves nothing: the plan evaluates as before', () => {
    const before = JSON.stringify(evaluatePlan(yuzhongGdp, asOf));
    whatIf(yuzhongGdp, 't-gdp', { kind: 'growth', percent: 30 }, asOf);
    assert.equal(JSON.stringify(evaluatePlan(yuzhongGdp, asOf)), before);
  });

  void it('says why it cannot answer', () => {
    const cases = [
      whatIf(yuzhongGdp, 'nope', { kind: 'growth', percent: 5 }, asOf),
      whatIf(yuzhongGdp, 't-gdp', { kind: 'growth', percent: -100 }, asOf),
      whatIf(yuzhongGdp, 't-gdp', { kind: 'value', year: 2025, value: 1 }, asOf),
      whatIf(yuzhongGdp, 't-gdp', { kind: 'value', year: 2030, value: 1 }, asOf),
    ];
    for (const r of cases) assert.ok(!r.ok && r.reason.length > 0);
  });
});
