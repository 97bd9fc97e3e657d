import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSettings, checkValue, partsFromFormulas, warningZh, type CheckInput } from '.';

const gdp = { code: 'gdp', name: '地区生产总值', unit: '亿元', measure: 'flow', frequency: 'annual' };
const growth = {
  code: 'gdp_growth',
  name: '地区生产总值增速',
  unit: '%',
  measure: 'ratio',
  frequency: 'annual',
};
const share = {
  code: 'msh',
  name: '现代服务业增加值占GDP比重',
  unit: '%',
  measure: 'ratio',
  frequency: 'annual',
};
const air = { code: 'air', name: '空气质量优良天数', unit: '天', measure: 'flow', frequency: 'monthly' };
const gdpSeries = [
  { period: '2022', value: 1539.6 },
  { period: '2023', value: 1662.5 },
  { period: '2024', value: 1719.4 },
  { period: '2025', value: 1781.8 },
];
const codes = (input: CheckInput) => checkValue(input).map((w) => w.code);

describe('entry checks', () => {
  it('finds what looks wrong, and nothing in a plausible value', () => {
    const cases: [string, CheckInput, string[]][] = [
      ['plausible GDP', { indicator: gdp, period: '2026', value: 1850, series: gdpSeries }, []],
      [
        'GDP typed in 万元',
        { indicator: gdp, period: '2026', value: 18_500_000, series: gdpSeries },
        ['scale_slip'],
      ],
      [
        'GDP typed in 元 per 万',
        { indicator: gdp, period: '2026', value: 0.185, series: gdpSeries },
        ['scale_slip'],
      ],
      [
        'GDP far off the trend',
        { indicator: gdp, period: '2026', value: 4000, series: gdpSeries },
        ['outside_trend'],
      ],
      ['GDP halved', { indicator: gdp, period: '2026', value: 900, series: gdpSeries }, ['outside_trend']],
      ['no history, no series check', { indicator: gdp, period: '2026', value: 18_500_000, series: [] }, []],
      ['negative amount', { indicator: gdp, period: '2026', value: -5, series: [] }, ['negative']],
      ['negative growth is fine', { indicator: growth, period: '2026', value: -3.2, series: [] }, []],
      ['growth 120% is not a share', { indicator: growth, period: '2026', value: 120, series: [] }, []],
      ['share above 100', { indicator: share, period: '2026', value: 103, series: [] }, ['share_range']],
      ['share below 0', { indicator: share, period: '2026', value: -1, series: [] }, ['share_range']],
      ['share at 100', { indicator: share, period: '2026', value: 100, series: [] }, []],
      ['32 days in a month', { indicator: air, period: '2026-05', value: 32, series: [] }, ['days_range']],
      [
        'bounds',
        { indicator: gdp, period: '2026', value: 5, series: [], bounds: { min: 1000, max: 3000 } },
        ['below_min'],
      ],
      [
        'above bound',
        { indicator: gdp, period: '2026', value: 3500, series: [], bounds: { max: 3000 } },
        ['above_max'],
      ],
      [
        'part above whole',
        {
          indicator: gdp,
          period: '2026',
          value: 1900,
          series: [],
          wholes: [{ code: 'gdp', name: '地区生产总值', value: 1850 }],
        },
        ['part_above_whole'],
      ],
      [
        'whole below part',
        {
          indicator: gdp,
          period: '2026',
          value: 1200,
          series: [],
          parts: [{ code: 't', name: '第三产业增加值', value: 1300 }],
        },
        ['whole_below_part'],
      ],
      [
        'YTD flow falls within a year',
        {
          indicator: { ...air, frequency: 'quarterly', unit: '亿元' },
          period: '2026-Q3',
          value: 90,
          series: [
            { period: '2026-Q1', value: 40 },
            { period: '2026-Q2', value: 95 },
          ],
          ytd: true,
        },
        ['ytd_falls'],
      ],
      [
        'YTD restarts in a new year',
        {
          indicator: { ...air, frequency: 'quarterly', unit: '亿元' },
          period: '2027-Q1',
          value: 40,
          series: [{ period: '2026-Q4', value: 200 }],
          ytd: true,
        },
        [],
      ],
    ];
    for (const [what, input, want] of cases) assert.deepEqual(codes(input), want, what);
  });

  it('suggests the value of the 万/亿 slip and says it in Chinese', () => {
    const [w] = checkValue({ indicator: gdp, period: '2026', value: 18_500_000, series: gdpSeries });
    assert.ok(w);
    assert.equal(w.params.suggested, 1850);
    assert.equal(w.params.reference_period, '2025');
    assert.match(warningZh(w, '亿元'), /万元和亿元.*1850亿元/);
  });

  it('reads parts from share formulas and the plan settings', () => {
    assert.deepEqual(
      partsFromFormulas([
        { formula: 'modern_services_va / gdp * 100', unit: '%' },
        { formula: 'gdp / area_land', unit: '亿元/平方公里' },
        { formula: '100 * a / b', unit: '%' },
      ]),
      [
        ['modern_services_va', 'gdp'],
        ['a', 'b'],
      ],
    );
    const s = checkSettings({
      data_checks: { bounds: { gdp: { min: 0, max: 'x' } }, parts: [['t', 'gdp'], [1]], ytd: ['fai'] },
    });
    assert.deepEqual(s.bounds.get('gdp'), { min: 0, max: undefined });
    assert.deepEqual(s.parts, [['t', 'gdp']]);
    assert.ok(s.ytd.has('fai'));
    assert.deepEqual(checkSettings(null).parts, []);
  });
});
