import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { project } from './projection';
import { incompleteBeta, studentTCdf, studentTQuantile } from './stats';

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) < tol, `${a} ≉ ${b}`);

void describe('Student t', () => {
  // Reference values from standard tables (R: qt, pt).
  const quantiles: [number, number, number][] = [
    [0.9, 1, 3.077684],
    [0.9, 2, 1.885618],
    [0.9, 5, 1.475884],
    [0.975, 10, 2.228139],
    [0.95, 30, 1.697261],
    [0.1, 3, -1.637744],
  ];
  for (const [p, df, q] of quantiles)
    void it(`qt(${p}, ${df}) = ${q}`, () => close(studentTQuantile(p, df), q));
  const cdf: [number, number, number][] = [
    [2, 3, 0.930337],
    [0, 7, 0.5],
    [-1, 1, 0.25],
    [1.5, 20, 0.925382],
  ];
  for (const [t, df, p] of cdf) void it(`pt(${t}, ${df}) = ${p}`, () => close(studentTCdf(t, df), p));
  void it('incomplete beta at known points', () => {
    close(incompleteBeta(0.5, 2, 2), 0.5);
    close(incompleteBeta(0.3, 1, 1), 0.3);
    close(incompleteBeta(0.2, 2, 3), 0.1808);
  });
});

void describe('project', () => {
  void it('needs three points', () => {
    const r = project({
      points: [
        { year: 2022, value: 1 },
        { year: 2023, value: 2 },
      ],
      year: 2027,
      threshold: 3,
      direction: 1,
      linear: false,
    });
    assert.equal(r.ok, false);
  });
  void it('an exact 10% growth path projects exactly, probability 1 above a lower target', () => {
    const points = [0, 1, 2, 3].map((i) => ({ year: 2022 + i, value: 100 * 1.1 ** i }));
    const r = project({ points, year: 2027, threshold: 150, direction: 1, linear: false });
    assert.ok(r.ok);
    close(r.projection.value, 100 * 1.1 ** 5, 1e-9);
    assert.equal(r.projection.probability, 1);
    assert.equal(r.projection.model, 'log-linear');
  });
  void it('a noisy linear trend: interval around the fit, probability near one half at the fit', () => {
    const points = [10, 12.5, 13.5, 16.2, 17.8].map((value, i) => ({ year: 2020 + i, value }));
    const r = project({ points, year: 2026, threshold: null, direction: 1, linear: true });
    assert.ok(r.ok);
    const mid = r.projection.value;
    const again = project({ points, year: 2026, threshold: mid, direction: 1, linear: true });
    assert.ok(again.ok);
    close(again.projection.probability ?? 0, 0.5, 1e-9);
    assert.ok(r.projection.low < mid && mid < r.projection.high);
  });
});
