import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPlanFile, formatProblem, parsePlanFile } from '.';

const minimal = `plan: {id: p1, title: 测试规划, start: 2023, end: 2027, baseline_year: 2022}
indicators:
  - {id: gdp, name: 地区生产总值, unit: 亿元, direction: up, frequency: annual, measure: flow}
  - {id: area, name: 面积, unit: 平方公里, direction: up, frequency: annual, measure: stock}
  - {id: gdp_per_km2, name: 地均, unit: 亿元/平方公里, direction: up, frequency: annual, measure: ratio, formula: "gdp / area"}
targets:
  - {id: t-gdp, indicator: gdp, kind: level, value: 2100, qualifier: at_least, year: 2027}
observations:
  - {indicator: gdp, period: "2022", value: 1560.9}
`;

function problemsOf(text: string): string[] {
  const result = parsePlanFile(text);
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.problems.map((p) => formatProblem('plan.yaml', p));
}

describe('plan file', () => {
  it('parses the contract example shape', () => {
    const result = parsePlanFile(minimal);
    assert.ok(result.ok);
    assert.equal(result.plan.indicators.length, 3);
    assert.equal(result.plan.observations[0]?.period, '2022');
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({
      plan: { id: 'p', title: 't', start: 2023, end: 2027, baseline_year: 2022 },
      indicators: [{ id: 'x', name: 'x', unit: '%', direction: 'up', frequency: 'annual', measure: 'ratio' }],
    });
    assert.ok(parsePlanFile(json).ok);
  });

  it('round-trips: format(parse(format(x))) is stable', () => {
    const first = parsePlanFile(minimal);
    assert.ok(first.ok);
    const text = formatPlanFile(first.plan);
    const second = parsePlanFile(text);
    assert.ok(second.ok);
    assert.equal(formatPlanFile(second.plan), text);
    assert.deepEqual(second.plan, first.plan);
  });

  const bad: [string, string, RegExp][] = [
    [
      'a cycle between formulas',
      minimal.replace('measure: stock}', 'measure: stock, formula: "gdp_per_km2 * 2"}'),
      /^plan\.yaml:4: indicators\[1\]\.formula: .*circular reference area → gdp_per_km2 → area/,
    ],
    [
      'unknown indicator in a target',
      minimal.replace('indicator: gdp, kind', 'indicator: rd, kind'),
      /^plan\.yaml:7: targets\[0\]\.indicator: unknown indicator 'rd'$/,
    ],
    [
      'a period that does not parse',
      minimal.replace('period: "2022"', 'period: "2022-13"'),
      /^plan\.yaml:9: observations\[0\]\.period: period must be YYYY, YYYY-Qn or YYYY-MM$/,
    ],
    [
      'a target year before its baseline',
      minimal.replace('year: 2027}', 'year: 2020}'),
      /^plan\.yaml:7: targets\[0\]\.year: target year 2020 is before its baseline year 2022$/,
    ],
    [
      'a formula naming an unknown indicator',
      minimal.replace('gdp / area', 'gdp / land'),
      /^plan\.yaml:5: indicators\[2\]\.formula: formula of 'gdp_per_km2': unknown indicator 'land'$/,
    ],
    [
      'a missing required field',
      minimal.replace(', unit: 亿元', ''),
      /^plan\.yaml:3: indicators\[0\]\.unit: /,
    ],
    [
      'an unknown field',
      minimal.replace('measure: flow}', 'measure: flow, colour: red}'),
      /^plan\.yaml:3: indicators\[0\]\.colour: unknown field colour$/,
    ],
    [
      'a wrong enum value',
      minimal.replace(
        'direction: up, frequency: annual, measure: flow',
        'direction: sideways, frequency: annual, measure: flow',
      ),
      /^plan\.yaml:3: indicators\[0\]\.direction: /,
    ],
    ['a duplicate id', minimal.replace('id: area,', 'id: gdp,'), /duplicate id 'gdp'/],
    ['broken YAML', 'plan: {id: [', /^plan\.yaml:1: \(file\): not valid YAML or JSON/],
    ['not a mapping', '- 1\n- 2\n', /expected a mapping/],
  ];
  for (const [name, text, expected] of bad) {
    it(`refuses ${name} with file:line: field: reason`, () => {
      const problems = problemsOf(text);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `got:\n${problems.join('\n')}`,
      );
    });
  }
});
