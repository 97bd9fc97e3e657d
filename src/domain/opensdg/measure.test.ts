import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  growthRate,
  limitCoefficient,
  progressScore,
  progressThresholds,
  progressValue,
  seriesStatus,
  statusFromScore,
  targetAchieved,
  type ProgressInputs,
  type ProgressStatus,
} from './measure';

const close = (actual: number | null, expected: number, tolerance = 1e-12): void => {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected}`);
};

describe('growthRate (compound annual growth)', () => {
  const cases: [value: number, base: number, year: number, baseYear: number, expected: number][] = [
    [110, 100, 2016, 2015, 0.1],
    [121, 100, 2017, 2015, 0.1],
    [50, 100, 2016, 2015, -0.5],
    [100, 100, 2030, 2015, 0],
    [10.4, 14.5, 2023, 2015, (10.4 / 14.5) ** (1 / 8) - 1],
  ];
  for (const [value, base, year, baseYear, expected] of cases) {
    it(`${base} (${baseYear}) → ${value} (${year})`, () =>
      close(growthRate(value, base, year, baseYear), expected));
  }
});

describe('limitCoefficient', () => {
  const cases: [base: number, limit: number, expected: number][] = [
    [200, 100, 1],
    [250, 100, 1],
    [0, 0, 1],
    [100, 100, 0],
    [0, 100, 1],
    [50, 100, 1 - 0.5 ** 4.44],
    [150, 100, 1 - 0.5 ** 4.44],
    [-50, -100, 1 - 0.5 ** 4.44],
    [66.6, 100, 1 - 0.666 ** 4.44],
  ];
  for (const [base, limit, expected] of cases) {
    it(`base ${base}, limit ${limit}`, () => close(limitCoefficient(base, limit), expected));
  }
});

describe('progressThresholds', () => {
  it('method 1 defaults: 1.5 %, 0.5 %, 0', () => {
    assert.deepEqual(progressThresholds(1, {}, null, 10), {
      high: 0.015,
      med: 0.005,
      low: 0,
      coefficient: 1,
    });
  });
  it('method 2 defaults: 95 %, 60 %, 0 of the required growth', () => {
    assert.deepEqual(progressThresholds(2, {}, null, 10), { high: 0.95, med: 0.6, low: 0, coefficient: 1 });
  });
  it('configured thresholds override the defaults', () => {
    assert.deepEqual(progressThresholds(1, { high: 0.02 }, null, 10), {
      high: 0.02,
      med: 0.005,
      low: 0,
      coefficient: 1,
    });
  });
  it('method 1 thresholds shrink near the limit', () => {
    const t = progressThresholds(1, {}, 100, 50);
    const c = 1 - 0.5 ** 4.44;
    close(t.high, 0.015 * c);
    close(t.med, 0.005 * c);
    close(t.coefficient, c);
  });
  it('method 2 ignores the limit', () => {
    assert.equal(progressThresholds(2, {}, 100, 99).coefficient, 1);
  });
});

describe('progressValue', () => {
  const base: ProgressInputs = {
    method: 1,
    direction: 1,
    sign: 1,
    baseYear: 2015,
    baseValue: 100,
    currentYear: 2017,
    currentValue: 121,
    target: null,
    targetYear: 2030,
  };
  it('method 1, positive direction: the growth rate', () => close(progressValue(base), 0.1));
  it('method 1, negative direction: minus the growth rate', () =>
    close(progressValue({ ...base, direction: -1 }), -0.1));
  it('method 1, negative base value: sign flips it back', () =>
    close(progressValue({ ...base, sign: -1, baseValue: -100, currentValue: -121 }), -0.1));
  it('method 2: observed over |required| growth (Canada 1-1-1)', () => {
    const inputs: ProgressInputs = {
      ...base,
      method: 2,
      direction: -1,
      baseValue: 14.5,
      currentYear: 2023,
      currentValue: 10.4,
      target: 7.25,
      targetYear: 2030,
    };
    close(progressValue(inputs), 0.9010899546976208, 1e-12);
  });
});

describe('targetAchieved', () => {
  const cases: [target: number | null, direction: 1 | -1, current: number, expected: boolean][] = [
    [null, 1, 100, false],
    [90, 1, 90, true],
    [90, 1, 89.9, false],
    [10, -1, 10, true],
    [10, -1, 10.1, false],
  ];
  for (const [target, direction, current, expected] of cases) {
    it(`target ${target}, direction ${direction}, current ${current}`, () =>
      assert.equal(targetAchieved(target, direction, current), expected));
  }
});

describe('progressScore and seriesStatus', () => {
  const m1 = progressThresholds(1, {}, null, 10);
  const m2 = progressThresholds(2, {}, null, 10);
  const cases: [method: 1 | 2, progress: number, score: number, status: ProgressStatus][] = [
    [1, 0.03, 5, 'substantial_progress'],
    [1, 0.015, 2.5, 'substantial_progress'],
    [1, 0.01, 1.25, 'moderate_progress'],
    [1, 0.005, 0, 'moderate_progress'],
    [1, 0.0025, -1.25, 'limited_progress'],
    [1, 0, -2.5, 'limited_progress'],
    [1, -0.01, -3.75, 'deterioration'],
    [1, -0.1, -5, 'deterioration'],
    [2, 1.5, 5, 'substantial_progress'],
    [2, 0.95, 7.1429 * 0.95 - 4.2857, 'substantial_progress'],
    [2, 0.9010899546976208, 2.1506954374096354, 'moderate_progress'],
    [2, 0.6, 7.1429 * 0.6 - 4.2857, 'moderate_progress'],
    [2, 0.3, 4.1667 * 0.3 - 2.5, 'limited_progress'],
    [2, -0.2, 4.1667 * -0.2 - 2.5, 'deterioration'],
    [2, -2, -5, 'deterioration'],
  ];
  for (const [method, progress, score, status] of cases) {
    it(`method ${method}, progress ${progress} → ${score.toFixed(4)}, ${status}`, () => {
      const thresholds = method === 1 ? m1 : m2;
      close(progressScore(method, progress, thresholds, false), score, 1e-9);
      assert.equal(seriesStatus(progress, thresholds, false), status);
    });
  }
  it('a reached target scores 5 whatever the progress, even with none', () => {
    assert.equal(progressScore(2, -1, m2, true), 5);
    assert.equal(progressScore(2, null, m2, true), 5);
    assert.equal(seriesStatus(null, m2, true), 'target_achieved');
  });
  it('no progress value: no score, not available', () => {
    assert.equal(progressScore(1, null, m1, false), null);
    assert.equal(seriesStatus(null, m1, false), 'not_available');
  });
  it('method 1 near a limit scores the progress relative to the reduced thresholds', () => {
    const t = progressThresholds(1, {}, 100, 66.6);
    close(progressScore(1, 0.009991483690946268, t, false), 1.739752850099936, 1e-9);
  });
  it('method 1 at the limit: holding it is full progress, losing it deterioration', () => {
    const t = progressThresholds(1, {}, 100, 100);
    assert.equal(progressScore(1, 0, t, false), 5);
    assert.equal(seriesStatus(0, t, false), 'substantial_progress');
    close(progressScore(1, -0.01, t, false), -3.75);
  });
});

describe('statusFromScore (indicator bands)', () => {
  const cases: [score: number | null, status: ProgressStatus][] = [
    [5, 'substantial_progress'],
    [2.5, 'substantial_progress'],
    [2.4999, 'moderate_progress'],
    [0, 'moderate_progress'],
    [-0.0001, 'limited_progress'],
    [-2.5, 'limited_progress'],
    [-2.5001, 'deterioration'],
    [-5, 'deterioration'],
    [null, 'not_available'],
  ];
  for (const [score, status] of cases) {
    it(`${score} → ${status}`, () => assert.equal(statusFromScore(score, false), status));
  }
  it('all targets achieved wins over the score', () =>
    assert.equal(statusFromScore(1, true), 'target_achieved'));
});
