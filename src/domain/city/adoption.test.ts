import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAdoption, refusalMessage, type DefinitionVersion } from '.';

const v1: DefinitionVersion = {
  code: 'retail_sales',
  version: 1,
  name: '社会消费品零售总额',
  unit: '亿元',
  measure: 'flow',
  direction: 'up',
  frequency: 'annual',
  formula: null,
};
const v2: DefinitionVersion = { ...v1, version: 2, unit: '万元' };
const ind = { id: 'retail_sales', unit: '亿元', measure: 'flow', direction: 'up', frequency: 'annual' };

describe('checkAdoption', () => {
  it('adopts the newest version the indicator agrees with on unit, measure and direction', () => {
    assert.deepEqual([...checkAdoption([ind], [v1]).adopted], [['retail_sales', 1]]);
    assert.deepEqual([...checkAdoption([ind], [v2, v1]).adopted], [['retail_sales', 1]]);
    assert.deepEqual([...checkAdoption([{ ...ind, unit: '万元' }], [v1, v2]).adopted], [['retail_sales', 2]]);
  });

  it('ignores indicators whose id is no city code', () => {
    const r = checkAdoption([{ ...ind, id: 'gdp', unit: '元' }], [v1]);
    assert.equal(r.adopted.size, 0);
    assert.deepEqual(r.refusals, []);
  });

  it('refuses a departure on a binding field against the current version, naming both values', () => {
    const r = checkAdoption(
      [
        { ...ind, id: 'x', unit: '元' },
        { ...ind, unit: '元', direction: 'down' },
      ],
      [v1, v2],
    );
    assert.deepEqual(
      r.refusals.map((d) => [d.index, d.field, d.plan, d.city, d.version]),
      [
        [1, 'unit', '元', '万元', 2],
        [1, 'direction', 'down', 'up', 2],
      ],
    );
    assert.match(
      refusalMessage(r.refusals[0]),
      /retail_sales.*社会消费品零售总额 \(version 2\).*'万元'.*'元'/,
    );
  });

  it('refuses to move an indicator back to an older version than the one it adopted', () => {
    const r = checkAdoption([ind], [v1, v2], new Map([['retail_sales', 2]]));
    assert.equal(r.adopted.size, 0);
    assert.deepEqual(
      r.refusals.map((d) => [d.field, d.plan, d.city, d.version]),
      [['unit', '亿元', '万元', 2]],
    );
    assert.deepEqual(
      [...checkAdoption([ind], [v1, v2], new Map([['retail_sales', 1]])).adopted],
      [['retail_sales', 1]],
    );
  });

  it('accepts another frequency or formula with a warning', () => {
    const r = checkAdoption([{ ...ind, frequency: 'quarterly', formula: 'a + b' }], [v1]);
    assert.deepEqual([...r.adopted], [['retail_sales', 1]]);
    assert.deepEqual(
      r.warnings.map((d) => [d.field, d.plan, d.city]),
      [
        ['frequency', 'quarterly', 'annual'],
        ['formula', 'a + b', null],
      ],
    );
  });
});
