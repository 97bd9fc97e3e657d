import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compileFormulas,
  computeFormulaSeries,
  dimensionOf,
  evaluateFormula,
  type FormulaValue,
  parseFormula,
} from './index';

function evalWith(text: string, env: Record<string, [number, string]>) {
  const parsed = parseFormula(text);
  assert.ok(parsed.ok, text);
  return evaluateFormula(parsed.ast, (id) => {
    const entry = env[id];
    if (!entry) return undefined;
    const dim = dimensionOf(entry[1]);
    assert.ok(dim.ok);
    return { value: entry[0], dim: dim.value } satisfies FormulaValue;
  });
}

void describe('parseFormula', () => {
  const good: [string, string[]][] = [
    ['gdp / area', ['gdp', 'area']],
    ['modern_services_va / gdp * 100', ['modern_services_va', 'gdp']],
    ['(a + b) * 2 - -c', ['a', 'b', 'c']],
    ['a × b ÷ （c − 1）', ['a', 'b', 'c']],
    ['[rd-spend] / gdp', ['rd-spend', 'gdp']],
    ['1.5e2', []],
  ];
  for (const [text, refs] of good) {
    void it(`reads ${text}`, () => {
      const r = parseFormula(text);
      assert.ok(r.ok);
      assert.deepEqual(r.refs, refs);
    });
  }
  const bad = ['gdp /', '(gdp', 'gdp area', 'gdp $ area', '', ')', '[x'];
  for (const text of bad)
    void it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseFormula(text).ok, false));
});

void describe('evaluateFormula', () => {
  void it('precedence and parentheses', () => {
    const r = evalWith('2 + 3 * 4 - (1 + 1) / 2', {});
    assert.ok(r.ok);
    assert.equal(r.value.value, 13);
  });
  void it('gdp / area is 亿元/平方公里', () => {
    const r = evalWith('gdp / area', { gdp: [1781.8, '亿元'], area: [22.34, '平方公里'] });
    assert.ok(r.ok);
    assert.equal(r.value.dim.scale, 8);
    assert.deepEqual(r.value.dim.dims, { 元: 1, 平方公里: -1 });
  });
  void it('adds 亿元 and 万元 after scaling', () => {
    const r = evalWith('a + b', { a: [1, '亿元'], b: [2000, '万元'] });
    assert.ok(r.ok);
    assert.equal(r.value.value, 1.2);
  });
  void it('refuses 亿元 + 人', () => {
    const r = evalWith('gdp + pop', { gdp: [1, '亿元'], pop: [1, '人'] });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.reason, /unit clash/);
  });
  void it('reports division by zero', () => {
    const r = evalWith('gdp / area', { gdp: [1, '亿元'], area: [0, '平方公里'] });
    assert.deepEqual(r, { ok: false, reason: 'division by zero' });
  });
});

void describe('compileFormulas', () => {
  const base = [
    { id: 'gdp', unit: '亿元' },
    { id: 'pop', unit: '万人' },
    { id: 'area', unit: '平方公里' },
    { id: 'va', unit: '亿元' },
  ];
  void it('orders inputs first and converts to the declared unit', () => {
    const c = compileFormulas([
      { id: 'gdp_pc2', unit: '万元/人', formula: 'gdp_pc * 1' },
      { id: 'gdp_pc', unit: '元/人', formula: 'gdp / pop' },
      ...base,
      { id: 'share', unit: '%', formula: 'va / gdp * 100' },
    ]);
    assert.deepEqual(c.problems, new Map());
    assert.deepEqual(c.order, ['gdp_pc', 'gdp_pc2', 'share']);
    const f = c.formulas.get('gdp_pc');
    assert.ok(f);
    const series = new Map([
      ['gdp', new Map([['2025', 1781.8]])],
      ['pop', new Map([['2025', 58.9]])],
    ]);
    const units = new Map([...base.map((b) => [b.id, b.unit] as const)]);
    const out = computeFormulaSeries(
      f,
      (id) => units.get(id) ?? '',
      (id) => series.get(id),
    );
    // 1781.8亿元 / 58.9万人 = 30.25…万元/人 = 302513… 元/人
    assert.ok(Math.abs((out.values.get('2025') ?? 0) - 302512.733446519) < 1e-6);
  });
  void it('names unknown ids, cycles and unit clashes', () => {
    const c = compileFormulas([
      ...base,
      { id: 'x', unit: '亿元', formula: 'gdp + nope' },
      { id: 'a', unit: '亿元', formula: 'b * 1' },
      { id: 'b', unit: '亿元', formula: 'a * 1' },
      { id: 'clash', unit: '亿元', formula: 'gdp + pop' },
      { id: 'wrong', unit: '人', formula: 'gdp / area' },
    ]);
    assert.match(c.problems.get('x') ?? '', /unknown indicator 'nope'/);
    assert.match(c.problems.get('a') ?? '', /circular reference a → b → a/);
    assert.match(c.problems.get('b') ?? '', /circular/);
    assert.match(c.problems.get('clash') ?? '', /unit clash/);
    assert.match(c.problems.get('wrong') ?? '', /unit is 人/);
    assert.equal(c.formulas.size, 0);
  });
  void it('reports division by zero per period', () => {
    const c = compileFormulas([...base, { id: 'd', unit: '亿元/平方公里', formula: 'gdp / area' }]);
    const f = c.formulas.get('d');
    assert.ok(f);
    const series = new Map([
      [
        'gdp',
        new Map([
          ['2024', 100],
          ['2025', 110],
        ]),
      ],
      [
        'area',
        new Map([
          ['2024', 0],
          ['2025', 22],
        ]),
      ],
    ]);
    const units = new Map(base.map((b) => [b.id, b.unit] as const));
    const out = computeFormulaSeries(
      f,
      (id) => units.get(id) ?? '',
      (id) => series.get(id),
    );
    assert.deepEqual(out.problems, [{ period: '2024', reason: 'division by zero' }]);
    assert.equal(out.values.get('2025'), 5);
  });
});
