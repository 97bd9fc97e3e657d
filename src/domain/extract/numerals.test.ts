import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fractionToPercent, mul, parseAnyNumber, parseChineseNumeral } from './numerals';

test('Chinese numerals', () => {
  const table: Array<[string, number | null]> = [
    ['零', 0],
    ['五', 5],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百五', 150],
    ['三百零五', 305],
    ['一千零十', 1010],
    ['两千五百', 2500],
    ['两千五', 2500],
    ['十五万', 150000],
    ['三万五', 35000],
    ['一万亿', 1e12],
    ['三亿五千万', 350000000],
    ['二〇二三', 2023],
    ['三点五', 3.5],
    ['十四五', null],
    ['十三五', null],
    ['', null],
  ];
  for (const [input, want] of table) assert.equal(parseChineseNumeral(input), want, input);
});

test('Arabic numbers and magnitude products have no binary noise', () => {
  assert.equal(parseAnyNumber('1,234.5'), 1234.5);
  assert.equal(mul(11.6, 1e4), 116000);
  assert.equal(mul(1.3, 1e12), 1.3e12);
  assert.equal(mul(40.8, 1e4), 408000);
});

test('fractions become percentages', () => {
  assert.equal(fractionToPercent(1, 2), 50);
  assert.equal(fractionToPercent(1, 3), 33.33);
  assert.equal(fractionToPercent(2, 3), 66.67);
  assert.equal(fractionToPercent(3, 2), null);
});
