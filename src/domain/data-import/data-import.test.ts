import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createRowValidator,
  exportLine,
  formatRowProblem,
  neutraliseCell,
  parseValue,
  type IndicatorInfo,
  type RawRow,
} from './index';

const indicators: IndicatorInfo[] = [
  { code: 'gdp', unit: '亿元', frequency: 'annual', department: 'tjj' },
  { code: 'air', unit: '天', frequency: 'monthly', department: 'sthjj' },
  { code: 'q', unit: '万人', frequency: 'quarterly', department: null },
  { code: 'rate', unit: '%', frequency: 'annual', department: 'tjj' },
];
const history = new Map([
  [
    'gdp',
    [
      { period: '2023', value: 1600 },
      { period: '2020', value: 1300 },
    ],
  ],
  [
    'air',
    [
      { period: '2022', value: 300 },
      { period: '2024-05', value: 27 },
    ],
  ],
  ['rate', [{ period: '2023', value: 0.5 }]],
]);
const row = (r: Partial<RawRow>): RawRow => ({
  row: 2,
  indicator: 'gdp',
  period: '2024',
  value: '1700',
  ...r,
});
const validator = (opts: { allowOutliers?: boolean; department?: string } = {}) =>
  createRowValidator({ indicators, history, asOf: '2025-06-30', ...opts });

void describe('parseValue', () => {
  const good: [string, number][] = [
    ['1234.5', 1234.5],
    [' 1,234.5 ', 1234.5],
    ['1,234,567', 1234567],
    ['-3', -3],
    ['+.5', 0.5],
    ['1.5E+12', 1.5e12],
    ['１，２３４．５', 1234.5],
    ['－２', -2],
    ['-0', 0],
  ];
  for (const [text, value] of good)
    void it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseValue(text), { ok: true, value }));
  for (const text of ['', ' ', 'abc', '1,23', '12%', 'NaN', 'Infinity', '1e400', '0x10', '1.2.3', '1 234'])
    void it(`refuses ${JSON.stringify(text)}`, () => assert.equal(parseValue(text).ok, false));

  void it('never throws and agrees with Number on plain decimals', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseValue(s)));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseValue(String(n));
        assert.ok(r.ok);
        assert.equal(r.value, n === 0 ? 0 : n);
      }),
    );
  });
});

void describe('neutraliseCell and exportLine', () => {
  for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
    void it(`neutralises ${JSON.stringify(bad)}`, () => assert.equal(neutraliseCell(bad), `'${bad}`));
  void it('leaves ordinary text alone', () => assert.equal(neutraliseCell('区统计局 = ok'), '区统计局 = ok'));
  void it('keeps a negative value numeric and quotes the neutralised note', () => {
    const line = exportLine({
      indicator: 'gdp',
      period: '2024',
      value: -1.5,
      unit: '亿元',
      source: '-x',
      note: '=A1,"b"',
      alternate: false,
      status: 'accepted',
      version: 2,
      recorded_at: '2025-01-01T00:00:00.000Z',
    });
    assert.equal(line, `gdp,2024,-1.5,亿元,'-x,"'=A1,""b""",,accepted,2,2025-01-01T00:00:00.000Z`);
  });
});

void describe('createRowValidator', () => {
  void it('accepts a good row, trimmed', () => {
    const r = validator().check(row({ indicator: ' gdp ', source: ' 局 ', note: '' }));
    assert.deepEqual(r, {
      ok: true,
      row: {
        row: 2,
        indicator: 'gdp',
        period: '2024',
        value: 1700,
        source: '局',
        note: null,
        breakdown: null,
        // 2024 as a period key (year: first month ordinal × 3), what the importer looks up by.
        periodKey: 2024 * 12 * 3,
      },
    });
  });

  void it('reports every bad cell of a row with row, column and reason', () => {
    const r = validator().check(row({ row: 7, indicator: 'nope', period: '2024-13', value: 'x' }));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.problems.map((p) => [p.row, p.column]),
      [
        [7, 'indicator'],
        [7, 'period'],
        [7, 'value'],
      ],
    );
    assert.match(
      formatRowProblem('f.csv', r.problems[0]),
      /^f\.csv: row 7, indicator: unknown indicator 'nope'/,
    );
  });

  const refused: [string, Partial<RawRow>, RegExp][] = [
    ['a period of the wrong frequency', { period: '2024-05' }, /gdp is annual: period must be YYYY/],
    ['a quarter for a quarterly one', { indicator: 'q', period: '2024-05' }, /YYYY-Qn/],
    ['a period not ended yet', { period: '2025' }, /2025 has not ended by 2025-06-30/],
    ['a month not ended yet', { indicator: 'air', period: '2025-06', value: '25' }, /has not ended/],
    ['another base unit', { unit: '人' }, /unit 人 does not match gdp's unit 亿元/],
    ['more than 10× the stored value', { value: '17000' }, /outside 1\/10…10× of the stored 1600/],
    ['less than 1/10 of it', { value: '150' }, /outside/],
    [
      'a month judged by months, not the annual total',
      { indicator: 'air', period: '2024-06', value: '300' },
      /stored 27/,
    ],
  ];
  for (const [what, r, reason] of refused)
    void it(`refuses ${what}`, () => {
      const out = validator().check(row(r));
      assert.equal(out.ok, false);
      if (!out.ok) assert.match(out.problems.map((p) => p.reason).join('; '), reason);
    });

  void it('converts a convertible unit exactly', () => {
    const r = validator().check(row({ unit: '万元', value: '17000000' }));
    assert.ok(r.ok);
    assert.equal(r.row.value, 1700);
  });

  void it('lets --allow-outliers through, and never range-checks percentages', () => {
    assert.ok(validator({ allowOutliers: true }).check(row({ value: '17000' })).ok);
    assert.ok(validator().check(row({ indicator: 'rate', value: '6' })).ok);
  });

  void it('uses the nearest earlier period as the yardstick', () => {
    // 2021 is judged against 2020 (1300), so 140 fails though 2023's 1600 would fail too; 1200 passes.
    assert.ok(validator().check(row({ period: '2021', value: '1200' })).ok);
    assert.equal(validator().check(row({ period: '2021', value: '125' })).ok, false);
  });

  void it('refuses a second value for the same indicator and period, naming the first row', () => {
    const v = validator();
    assert.ok(v.check(row({ row: 2 })).ok);
    const second = v.check(row({ row: 9 }));
    assert.equal(second.ok, false);
    if (!second.ok)
      assert.match(second.problems[0].reason, /second value of gdp for 2024 in this file \(first in row 2\)/);
    assert.ok(v.check(row({ row: 10, breakdown: { Sex: 'F' } })).ok);
    assert.equal(v.check(row({ row: 11, breakdown: { Sex: 'F' } })).ok, false);
  });

  void it("refuses another department's indicator when a department is named", () => {
    const out = validator({ department: 'sthjj' }).check(row({}));
    assert.equal(out.ok, false);
    if (!out.ok) assert.match(out.problems[0].reason, /belongs to another department/);
    assert.ok(
      validator({ department: 'sthjj' }).check(row({ indicator: 'air', period: '2024-06', value: '26' })).ok,
    );
  });
});
