// Table-driven from the worked examples of docs/methods.md: change one, change the other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePlan } from './evaluate';
import { annual, indicator, monthly, plan, yuzhongGdp } from './fixtures';
import type { IndicatorInput, PlanInput, TargetEvaluation, TargetInput } from './types';

function one(input: PlanInput, asOf: string): TargetEvaluation {
  const r = evaluatePlan(input, asOf);
  assert.ok(r.ok);
  const [e] = r.evaluations;
  assert.ok(e);
  return e;
}

void describe('acceptance: Yuzhong GDP ≥ 2100亿元 by 2027, as of 2026-06-30', () => {
  const e = one(yuzhongGdp, '2026-06-30');
  void it('is at_risk with p ≈ 0.738', () => {
    assert.equal(e.status, 'at_risk');
    assert.equal(e.ratio, 0.7379);
  });
  void it('explains itself with 4.5%, ≈1946亿元 and 8.6%', () => {
    assert.equal(
      e.explanation.zh,
      '2022—2025年年均增长4.5%，按此速度2027年约为1946亿元，低于2100亿元目标；此后需年均增长8.6%',
    );
    assert.match(e.explanation.en, /4\.5% a year.*194\.6 billion yuan.*8\.6% a year/);
  });
  void it('reports the numbers', () => {
    assert.deepEqual(e.latest, { period: '2025', value: 1781.8 });
    assert.deepEqual(e.baseline, { period: '2022', value: 1560.9 });
    assert.equal(e.required_growth, 8.56);
    assert.equal(e.expected, 1865.01);
    assert.equal(e.expected_path.at(-1)?.value, 2100);
    assert.equal(e.projection?.year, 2027);
    assert.ok(e.projection && e.projection.value > 1900 && e.projection.value < 2000);
    assert.equal(e.stale, false);
  });
});

/** A plan of one yearly indicator with one target on it over 2023–2027. */
const overYears = (
  ind: IndicatorInput,
  target: Omit<TargetInput, 'id' | 'indicator'>,
  values: Record<number, number>,
): PlanInput =>
  plan(ind, { id: 't', indicator: ind.id, from: 2023, to: 2027, ...target }, annual(ind.id, values));

interface Case {
  name: string;
  input: PlanInput;
  asOf: string;
  status: TargetEvaluation['status'];
  ratio?: number | null;
  zh?: RegExp;
  stale?: boolean;
}

const gdp = indicator('gdp', '亿元');
const level = (value: number, extra = {}) => ({
  id: 't',
  indicator: 'gdp',
  kind: 'level' as const,
  value,
  year: 2027,
  ...extra,
});
const air = indicator('air', '天', { frequency: 'monthly' });
const floor = { id: 't', indicator: 'air', kind: 'annual_floor' as const, value: 305, from: 2023, to: 2027 };
const full = (year: number) => monthly('air', year, [25, 23, 25, 26, 27, 26, 27, 27, 26, 25, 24, 25]); // 306
const rd = indicator('rd', '亿元');
const growth = { id: 't', indicator: 'rd', kind: 'growth_rate' as const, value: 15, from: 2022, to: 2027 };

const cases: Case[] = [
  { name: 'level: no data', input: plan(gdp, level(2100), []), asOf: '2026-06-30', status: 'no_data' },
  {
    name: 'level: reached early is achieved',
    input: plan(gdp, level(2100), annual('gdp', { 2022: 1560.9, 2025: 2105 })),
    asOf: '2026-06-30',
    status: 'achieved',
    zh: /2025年为2105亿元，已达到2100亿元目标/,
  },
  {
    name: 'level: approx (左右) within 5% is achieved',
    input: plan(gdp, level(2100, { qualifier: 'approx' }), annual('gdp', { 2022: 1560.9, 2025: 2000 })),
    asOf: '2026-06-30',
    status: 'achieved',
  },
  {
    name: 'level: on the required path is on_track',
    input: plan(gdp, level(2100), annual('gdp', { 2022: 1560.9, 2025: 1870 })),
    asOf: '2026-06-30',
    status: 'on_track',
  },
  {
    name: 'level: falling is off_track (p < 0)',
    input: plan(gdp, level(2100), annual('gdp', { 2022: 1560.9, 2025: 1500 })),
    asOf: '2026-06-30',
    status: 'off_track',
    zh: /年均下降/,
  },
  {
    name: 'level: target year in and missed is off_track',
    input: plan(gdp, level(2100), annual('gdp', { 2022: 1560.9, 2027: 2050 })),
    asOf: '2028-06-30',
    status: 'off_track',
    zh: /2027年为2050亿元，未达到2027年2100亿元目标/,
  },
  {
    name: 'level: lower is better (PM2.5 down to 30)',
    input: plan(
      indicator('pm', '微克/立方米', { direction: 'down', measure: 'stock' }),
      { id: 't', indicator: 'pm', kind: 'level', value: 30, year: 2027 },
      annual('pm', { 2022: 40, 2025: 33 }),
    ),
    asOf: '2026-06-30',
    status: 'on_track',
  },
  {
    name: 'level: data not yet recorded on the as-of date does not count',
    input: plan(gdp, level(2100), [
      ...annual('gdp', { 2022: 1560.9 }),
      { indicator: 'gdp', period: '2025', value: 1781.8, recorded_at: '2026-07-15' },
    ]),
    asOf: '2026-06-30',
    status: 'no_data',
  },
  {
    name: 'level: alternate figures are ignored',
    input: plan(gdp, level(2100), [
      ...annual('gdp', { 2022: 1560.9, 2025: 1781.8 }),
      { indicator: 'gdp', period: '2025', value: 2200, alternate: true },
    ]),
    asOf: '2026-06-30',
    status: 'at_risk',
  },
  {
    name: 'level: stale when 2025 is overdue',
    input: plan(gdp, level(2100), annual('gdp', { 2022: 1560.9, 2024: 1700 })),
    asOf: '2026-06-30',
    status: 'at_risk',
    stale: true,
  },
  {
    name: 'growth_rate: 年均增长15%, achieved 12% a year: p = 0.8',
    input: plan(rd, growth, annual('rd', { 2022: 100, 2025: 100 * 1.12 ** 3 })),
    asOf: '2026-06-30',
    status: 'at_risk',
    ratio: 0.8,
  },
  {
    name: 'growth_rate: T in and r ≥ g is achieved',
    input: plan(rd, growth, annual('rd', { 2022: 100, 2027: 205 })),
    asOf: '2028-06-30',
    status: 'achieved',
  },
  {
    name: 'growth_rate: T passed, r < g is off_track',
    input: plan(rd, growth, annual('rd', { 2022: 100, 2026: 160 })),
    asOf: '2028-01-15',
    status: 'off_track',
  },
  {
    name: 'annual_floor: a completed year below 305 is off_track',
    input: plan(air, floor, [
      ...full(2023),
      ...monthly('air', 2024, [25, 23, 25, 26, 27, 26, 27, 27, 26, 25, 24, 20]),
    ]),
    asOf: '2025-03-01',
    status: 'off_track',
    zh: /2024年为301天/,
  },
  {
    name: 'annual_floor: all years met, running year behind the elapsed share is at_risk',
    input: plan(air, floor, [...full(2023), ...monthly('air', 2024, [20, 20, 20, 20, 20, 20])]),
    asOf: '2024-07-20',
    status: 'at_risk',
    zh: /按时间进度应达到152.5天/,
  },
  {
    name: 'annual_floor: the whole range met is achieved',
    input: plan(air, floor, [2023, 2024, 2025, 2026, 2027].flatMap(full)),
    asOf: '2028-02-01',
    status: 'achieved',
  },
  {
    name: 'annual_floor: a year is incomplete without all its months',
    input: plan(air, floor, [
      ...full(2023),
      ...monthly('air', 2024, [28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28]),
    ]),
    asOf: '2025-03-01',
    status: 'on_track',
  },
  {
    name: 'annual_cap: ≤ 60 each year, 2024 at 61 is off_track',
    input: overYears(indicator('acc', '起'), { kind: 'annual_cap', value: 60 }, { 2023: 55, 2024: 61 }),
    asOf: '2025-06-30',
    status: 'off_track',
  },
  {
    name: 'rank: first in the city each year',
    input: overYears(
      indicator('rk', '名', { direction: 'down', measure: 'stock' }),
      { kind: 'rank', value: 1 },
      { 2023: 1, 2024: 1 },
    ),
    asOf: '2025-06-30',
    status: 'on_track',
  },
  {
    name: 'streak: broken in 2024',
    input: overYears(indicator('civ', '', { measure: 'stock' }), { kind: 'streak' }, { 2023: 1, 2024: 0 }),
    asOf: '2025-06-30',
    status: 'off_track',
  },
  {
    name: 'milestone: 20 days before due is at_risk',
    input: plan([], { id: 'm', kind: 'milestone', due: '2026-07-20' }, []),
    asOf: '2026-06-30',
    status: 'at_risk',
  },
  {
    name: 'milestone: past due is off_track',
    input: plan([], { id: 'm', kind: 'milestone', due: '2026-06-01' }, []),
    asOf: '2026-06-30',
    status: 'off_track',
  },
  {
    name: 'milestone: done',
    input: plan([], { id: 'm', kind: 'milestone', due: '2026-06-01', done: '2026-05-20' }, []),
    asOf: '2026-06-30',
    status: 'achieved',
  },
  {
    name: 'qualitative: rated',
    input: plan([], { id: 'q', kind: 'qualitative', rating: 'on_track' }, []),
    asOf: '2026-06-30',
    status: 'on_track',
  },
  {
    name: 'qualitative: unrated',
    input: plan([], { id: 'q', kind: 'qualitative' }, []),
    asOf: '2026-06-30',
    status: 'no_data',
  },
  {
    name: 'formula: 地均GDP = gdp / area',
    input: {
      ...plan(
        [
          gdp,
          indicator('area', '平方公里', { measure: 'stock' }),
          indicator('dens', '亿元/平方公里', { measure: 'ratio', formula: 'gdp / area' }),
        ],
        { id: 't', indicator: 'dens', kind: 'level', value: 100, year: 2027 },
        [...annual('gdp', { 2022: 1560.9, 2025: 2300 }), ...annual('area', { 2022: 22.34, 2025: 22.34 })],
      ),
    },
    asOf: '2026-06-30',
    status: 'achieved',
    zh: /102.9543亿元\/平方公里/,
  },
];

void describe('worked examples', () => {
  for (const c of cases) {
    void it(c.name, () => {
      const e = one(c.input, c.asOf);
      assert.equal(e.status, c.status, e.explanation.zh);
      if (c.ratio !== undefined) assert.equal(e.ratio, c.ratio);
      if (c.zh) assert.match(e.explanation.zh, c.zh);
      if (c.stale !== undefined) assert.equal(e.stale, c.stale);
      assert.ok(e.explanation.zh.length > 0 && e.explanation.en.length > 0);
    });
  }
  void it('monthly flows make a year only when all 12 months are in', () => {
    const e = one(plan(air, floor, [...full(2023), ...monthly('air', 2024, [25, 25])]), '2024-03-05');
    assert.deepEqual(e.series, [{ period: '2023', value: 306 }]);
    assert.deepEqual(e.latest, { period: '2024-02', value: 50 });
  });
  void it('rejects a bad as-of date', () => assert.equal(evaluatePlan(yuzhongGdp, '2026-13-01').ok, false));
  void it('names a formula cycle', () => {
    const e = one(
      plan(
        [indicator('a', '亿元', { formula: 'b * 1' }), indicator('b', '亿元', { formula: 'a * 1' })],
        { id: 't', indicator: 'a', kind: 'level', value: 1, year: 2027 },
        [],
      ),
      '2026-06-30',
    );
    assert.equal(e.status, 'no_data');
    assert.match(e.problem ?? '', /circular reference/);
  });
});
