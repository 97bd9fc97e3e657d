import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { PlanFile } from '../plan-file/schema';
import { convertValue } from '../units';
import { evaluatePlan, evaluateTarget } from './evaluate';
import { annual, indicator, monthly, plan, yuzhongGdp, yuzhongHeader } from './fixtures';
import { type PlanInput, type Status, statusOrder, type TargetInput } from './types';

function statusOf(input: PlanInput, asOf: string): { status: Status; ratio: number | null } {
  const r = evaluatePlan(input, asOf);
  assert.ok(r.ok);
  const e = r.evaluations[0];
  assert.ok(e);
  return { status: e.status, ratio: e.ratio };
}

const toYuan = (v: number) => {
  const r = convertValue(v, '亿元', '元');
  assert.ok(r.ok);
  return r.value;
};

// Values with at most two decimals, as statistics bureaus publish them.
const amount = fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100);
const seriesArb = fc.array(amount, { minLength: 2, maxLength: 6 });
const kindArb = fc.constantFrom<TargetInput['kind']>('level', 'growth_rate', 'annual_floor', 'annual_cap');
const asOfArb = fc.constantFrom('2024-06-30', '2026-06-30', '2028-06-30');

function build(values: number[], kind: TargetInput['kind'], v: number, unit: '亿元' | '元'): PlanInput {
  const scale = unit === '元' ? toYuan : (x: number) => x;
  const obs = Object.fromEntries(values.map((x, i) => [2022 + i, scale(x)]));
  const target: TargetInput =
    kind === 'growth_rate'
      ? { id: 't', indicator: 'x', kind, value: v % 30, from: 2022, to: 2027 }
      : { id: 't', indicator: 'x', kind, value: scale(v), year: 2027, from: 2022, to: 2027 };
  return plan(indicator('x', unit), target, annual('x', obs));
}

void describe('properties', () => {
  void it('the same plan in 亿元 and in 元 gives the same statuses', () => {
    fc.assert(
      fc.property(seriesArb, kindArb, amount, asOfArb, (values, kind, v, asOf) => {
        const a = statusOf(build(values, kind, v, '亿元'), asOf);
        const b = statusOf(build(values, kind, v, '元'), asOf);
        assert.equal(a.status, b.status);
        if (a.ratio !== null && b.ratio !== null) assert.ok(Math.abs(a.ratio - b.ratio) <= 1e-4);
      }),
      { numRuns: 300 },
    );
  });
  void it('raising the latest value never worsens a higher-is-better status', () => {
    fc.assert(
      fc.property(seriesArb, kindArb, amount, amount, asOfArb, (values, kind, v, raise, asOf) => {
        const before = statusOf(build(values, kind, v, '亿元'), asOf).status;
        const raised = [...values.slice(0, -1), (values.at(-1) ?? 0) + raise];
        const after = statusOf(
          build(raised, kind === 'annual_cap' ? 'annual_floor' : kind, v, '亿元'),
          asOf,
        ).status;
        const beforeComparable =
          kind === 'annual_cap' ? statusOf(build(values, 'annual_floor', v, '亿元'), asOf).status : before;
        assert.ok(
          statusOrder.indexOf(after) >= statusOrder.indexOf(beforeComparable),
          `${beforeComparable} → ${after}`,
        );
      }),
      { numRuns: 300 },
    );
  });
  // How fast this is belongs to `npm run bench` (targets.bench.ts); here: a re-evaluation after a
  // new observation answers exactly what a fresh evaluation of the same data answers.
  void it('re-evaluating one target after a new observation sees the new value, like a fresh evaluation', () => {
    const observations = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].flatMap((y) =>
      monthly(
        'air',
        y,
        Array.from({ length: 12 }, (_, i) => 25 + (i % 4)),
      ),
    );
    const data = {
      plan: yuzhongHeader,
      indicator: indicator('air', '天', { frequency: 'monthly' }),
      observations,
    };
    const target: TargetInput = {
      id: 't',
      indicator: 'air',
      kind: 'annual_floor',
      value: 305,
      from: 2023,
      to: 2027,
    };
    const before = evaluateTarget(target, data, '2026-03-20');
    for (let i = 0; i < 20; i++) {
      observations.push({ indicator: 'air', period: '2026-02', value: 20 + (i % 5) });
      const again = evaluateTarget(target, data, '2026-03-20');
      const fresh = evaluateTarget(target, { ...data, observations: [...observations] }, '2026-03-20');
      assert.deepEqual(again, fresh);
    }
    assert.notDeepEqual(evaluateTarget(target, data, '2026-03-20'), before);
  });
  void it('the acceptance plan is deterministic', () => {
    assert.deepEqual(evaluatePlan(yuzhongGdp, '2026-06-30'), evaluatePlan(yuzhongGdp, '2026-06-30'));
  });
});

// Compile-time: a parsed plan file is an evaluation input as it is.
export function acceptsPlanFile(file: PlanFile): PlanInput {
  return file;
}
