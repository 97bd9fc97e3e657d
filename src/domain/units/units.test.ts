import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { eachCase, table } from '../test-support';
import {
  add,
  convert,
  convertValue,
  compareDecimal,
  decimalToString,
  formatChinese,
  formatEnglish,
  formatQuantity,
  parseDecimal,
  parseUnit,
  quantity,
  type Quantity,
  toText,
  unitLabel,
} from './index';

function q<U extends string>(value: number | string, unit: U): Quantity<U> {
  const r = quantity(value, unit);
  assert.ok(r.ok);
  return r.value;
}

void describe('parseUnit', () => {
  const cases: [string, number, string][] = [
    ['亿元', 8, '元'],
    ['万亿元', 12, '元'],
    ['万元', 4, '元'],
    ['元', 0, '元'],
    ['万人', 4, '人'],
    ['%', 0, '%'],
    ['个百分点', 0, 'pp'],
    ['亿元/平方公里', 8, '元/平方公里'],
    ['万元/人', 4, '元/人'],
    ['元/万人', -4, '元/人'],
  ];
  for (const [text, scale, base] of cases) {
    void it(`${text} = 10^${scale} ${base}`, () => {
      const r = parseUnit(text);
      assert.ok(r.ok);
      assert.equal(r.value.scale, scale);
      assert.equal(r.value.base, base);
    });
  }
  void it('rejects an empty unit', () => assert.equal(parseUnit(' ').ok, false));
});

void describe('exact conversion', () => {
  const cases: [number | string, string, string, number][] = [
    [1.3, '万亿元', '亿元', 13000],
    [1.3, '万亿元', '元', 1.3e12],
    [1781.8, '亿元', '万元', 17818000],
    [6.6, '万人', '人', 66000],
    [0.1, '亿元', '万元', 1000],
    ['0.3', '万元', '元', 3000],
    [33, '万元/人', '元/人', 330000],
  ];
  for (const [value, from, to, expected] of cases) {
    void it(`${value}${from} = ${expected}${to}`, () => {
      assert.deepEqual(convertValue(value, from, to), { ok: true, value: expected });
    });
  }
  void it('refuses to convert across base units', () => {
    const r = convertValue(1, '亿元', '人');
    assert.equal(r.ok, false);
  });
  void it('1.3万亿元 is exactly 13000亿元 as a quantity', () => {
    const r = convert(q('1.3', '万亿元'), '亿元');
    assert.ok(r.ok);
    assert.equal(toText(r.value), '13000亿元');
  });
  void it('adds after conversion, exactly', () => {
    const a = q(0.1, '亿元');
    const b = convert(q(2000, '万元'), '亿元');
    assert.ok(b.ok);
    const sum = add(a, b.value);
    assert.ok(sum.ok);
    assert.equal(toText(sum.value), '0.3亿元');
  });
  void it('round trips exactly (property)', () => {
    const units = ['元', '万元', '亿元', '万亿元'];
    fc.assert(
      fc.property(
        // Up to 15 significant digits: the precision every double holds exactly as decimal text.
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.integer({ min: -6, max: 6 }),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        (m, e, from, to) => {
          const x = Number(`${m}e${e}`);
          const there = convertValue(x, from, to);
          assert.ok(there.ok);
          assert.deepEqual(convertValue(there.value, to, from), { ok: true, value: x });
        },
      ),
    );
  });
  void it('decimal text round trips', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: -30, max: 30 }), (m, e) => {
        const text = decimalToString({ m, e });
        const back = parseDecimal(text);
        assert.ok(back.ok);
        assert.equal(compareDecimal(back.value, { m, e }), 0);
      }),
    );
  });
});

void describe('formatting', () => {
  // value | unit | text
  const zh = table`
    1781.8 | 亿元  | 1781.8亿元
    1.3e12 | 元    | 1.3万亿元
    66000  | 人    | 6.6万人
    2500   | 家    | 2500家
    305    | 天    | 305天
    75     | %     | 75%
    0.5    | pp    | 0.5个百分点
    408000 | 人    | 40.8万人
    13000  | 亿元  | 1.3万亿元
    330000 | 元/人 | 33万元/人
  `;
  eachCase(
    zh,
    ([value, unit, text]) => `formatChinese(${value}, ${unit}) = ${text}`,
    ([value, unit = '', text]) => assert.equal(formatChinese(Number(value), unit), text),
  );
  void it('formatQuantity keeps the unit given', () => {
    assert.equal(formatQuantity(1781.8, '亿元'), '1781.8亿元');
    assert.equal(formatQuantity(0.1 + 0.2, '亿元'), '0.3亿元');
  });
  const en = table`
    1781.8 | 亿元          | 178.18 billion yuan
    1.3    | 万亿元        | 1.3 trillion yuan
    66000  | 人            | 66,000 people
    6.6    | 万人          | 66,000 people
    75     | %             | 75%
    1      | 名            | No. 1
    25     | 亿元/平方公里 | 2.5 billion yuan per km²
    33     | 万元/人       | 330,000 yuan per person
    50     | 件/万人       | 50 items per 10,000 people
  `;
  eachCase(
    en,
    ([value, unit, text]) => `formatEnglish(${value}, ${unit}) = ${text}`,
    ([value, unit = '', text]) => assert.equal(formatEnglish(Number(value), unit), text),
  );
});

describe('unitLabel', () => {
  it('names a unit in English for headings and axes, keeps it in Chinese', () => {
    const labels = table`
      亿元    | en | 100 million yuan
      天      | en | days
      万元/人 | en | 10,000 yuan per person
      件/万人 | en | items per 10,000 people
      %       | en | %
      亿元    | zh | 亿元
    `;
    for (const [unit = '', lang, label] of labels) assert.equal(unitLabel(unit, lang as 'en' | 'zh'), label);
  });
});
