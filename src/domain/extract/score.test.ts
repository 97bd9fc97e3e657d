import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { seedFile, seedLabelsFile } from '../../../test/fixtures';
import { extractStatements } from './index';
import { normalizeSpan, scoreExtraction, spansOverlap, type GoldLabel } from './score';

test('span normalisation and overlap', () => {
  assert.equal(normalizeSpan('存贷款余额近 **1.3万亿元**'), '存贷款余额近1.3万亿元');
  assert.equal(normalizeSpan('比例（２０%）：'), '比例(20%):');
  assert.ok(spansOverlap('存贷款余额近 **1.3万亿元**', '存贷款余额近1.3万亿元'));
  assert.ok(spansOverlap('软件企业突破 **2500家**', '突破2500家'));
  assert.ok(!spansOverlap('新增就业6.6万人', '软件企业突破2500家'));
});

test('scorer: optional labels do not count against recall; kind/qualifier level is stricter', () => {
  const g = (text: string, value: number, extra: Partial<GoldLabel> = {}): GoldLabel => ({
    text,
    value,
    unit: '个',
    kind: 'count',
    qualifier: 'exact',
    period: 'achievement',
    target_year: null,
    ...extra,
  });
  const gold = [g('新建学校3个', 3), g('新建医院5个', 5), g('六大公园', 6, { optional: true })];
  const pred = [
    g('新建学校3个', 3),
    g('新建医院5个', 5, { qualifier: 'approx' }),
    g('六大公园', 6),
    g('其他9个', 9),
  ];
  const sc = scoreExtraction(pred, gold);
  assert.deepEqual([sc.valueUnit.tp, sc.valueUnit.fp, sc.valueUnit.fn], [2, 1, 0]);
  assert.deepEqual([sc.full.tp, sc.full.fp, sc.full.fn], [1, 2, 1]);
});

test('the seed reaches the goals (F1 ≥ 0.90 value+unit, ≥ 0.80 with kind+qualifier, target years ≥ 0.9)', () => {
  const text = readFileSync(seedFile, 'utf8');
  const gold = JSON.parse(readFileSync(seedLabelsFile, 'utf8')) as GoldLabel[];
  const sc = scoreExtraction(extractStatements(text, { year: 2023 }), gold);
  assert.ok(sc.valueUnit.f1 >= 0.9, `value+unit F1 ${sc.valueUnit.f1}`);
  assert.ok(sc.full.f1 >= 0.8, `full F1 ${sc.full.f1}`);
  assert.ok(sc.targetYear.accuracy >= 0.9, `target year ${sc.targetYear.accuracy}`);
});
