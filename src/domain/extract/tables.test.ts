// Error classes found on the second held-out round (issue 17): indicator tables written as text,
// a finished plan span looked back on, goals announced in a line with no figure, years in Chinese
// digits, totals after several nouns. Examples are our own, not taken from any evaluation text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc, tuples } from '../test-support';
import { extractStatements, type Statement } from './index';

const brief = (s: Statement) => [s.text, s.value, s.unit, s.kind, s.qualifier, s.period, s.target_year];

test('an indicator table (Markdown or Word tabs): base-year results, targets of the last year, growth columns', () => {
  const md = doc`
    表2 “十五五”主要指标
    | 指标 | 2025年 | 2030年 | 年均增长 | 属性 |
    |---|---|---|---|---|
    | 一般公共预算收入（亿元） | 40 | 55 | 6.5% | 预期性 |
    | 城镇化率（%） | 70.1 | 74 | [3.9] | 预期性 |
    | 城镇调查失业率（%） | — | ≤5 | — | 预期性 |
    | 新建幼儿园（所） | 6 | 10 | — | 约束性 |
  `;
  const want = [
    ['40', 4e9, '元', 'level', 'exact', 'achievement', null],
    ['55', 5.5e9, '元', 'level', 'exact', 'target', 2030],
    ['6.5%', 6.5, '%', 'growth_rate', 'exact', 'target', 2030],
    ['70.1', 70.1, '%', 'share', 'exact', 'achievement', null],
    ['74', 74, '%', 'share', 'exact', 'target', 2030],
    ['[3.9]', 3.9, 'pp', 'growth_rate', 'exact', 'target', 2030],
    ['≤5', 5, '%', 'share', 'at_most', 'target', 2030],
    ['6', 6, '所', 'count', 'exact', 'achievement', null],
    ['10', 10, '所', 'count', 'exact', 'target', 2030],
  ];
  assert.deepEqual(extractStatements(md, { year: 2026 }).map(brief), want);
  // The same table as Word gives it (cells tab-separated): the same statements, spans on the cells.
  const tabs = md
    .split('\n')
    .filter((l) => !l.startsWith('|---'))
    .map((l) =>
      l
        .replace(/^\| | \|$/g, '')
        .split(' | ')
        .join('\t'),
    )
    .join('\n');
  const got = extractStatements(tabs, { year: 2026 });
  assert.deepEqual(got.map(brief), want);
  for (const s of got) assert.equal(tabs.slice(s.start, s.end), s.text);
});

test('a task table is no indicator table: its figures are read from the sentences in its cells', () => {
  const text = doc`
    | 序号 | 工作任务 | 牵头单位 | 完成时限 |
    |---|---|---|---|
    | 1 | 新建社区食堂8个 | 区民政局 | 2026年10月底前 |
  `;
  const got = extractStatements(text, { year: 2026 });
  assert.deepEqual(
    got.map((s) => [s.value, s.unit, s.kind]),
    tuples('8 个 count'),
  );
});

test('a finished plan span opening a sentence reports results; its comma does not announce goals', () => {
  const text =
    '第一节 发展基础\n“十四五”期间，全镇累计新增就业8000人；建成污水管网46公里；农村自来水普及率达到99%。';
  const got = extractStatements(text, { year: 2026 });
  const want = tuples('8000 achievement null; 46 achievement null; 99 achievement null');
  assert.deepEqual(
    got.map((s) => [s.value, s.period, s.target_year]),
    want,
  );
});

test('a line with no figure announcing the coming goals dates the lines after it', () => {
  const text = doc`
    二、主要目标
    立足新起点，对标先进地区，今后五年全县要努力实现以下奋斗目标。
    居民人均可支配收入年均增长7%。
    新建养老机构12家，养老护理员持证上岗率达到95%。
  `;
  const goals = extractStatements(text, { year: 2026 }).map((s) => [s.value, s.period, s.target_year]);
  assert.deepEqual(goals, tuples('7 target 2030; 12 target 2030; 95 target 2030'));
  // A review line naming the plan's goals does not turn the results after it into targets.
  const review =
    '一、2024年工作回顾\n2024年是实现“十四五”规划目标任务的攻坚之年。\n全年新增城镇就业1.1万人。';
  const results = extractStatements(review, { year: 2025 }).map((s) => [s.value, s.period]);
  assert.deepEqual(results, tuples('11000 achievement'));
});

test('a year in Chinese digits after 展望 dates the target; a multiple shared by two subjects is each one’s', () => {
  const got = extractStatements('展望二〇三五年，出口额和实际使用外资比2025年翻一番。', { year: 2026 });
  const want = tuples('2 倍 ratio target 2035; 2 倍 ratio target 2035');
  assert.deepEqual(
    got.map((s) => [s.value, s.unit, s.kind, s.period, s.target_year]),
    want,
  );
  assert.ok(got[0]?.subject.startsWith('出口额'), got[0]?.subject);
  assert.ok(got[1]?.subject.startsWith('实际使用外资'), got[1]?.subject);
});

test('a count after several nouns is their total; 均 hands it to each', () => {
  const one = extractStatements('新建、改扩建公园和口袋广场14个。', { year: 2024 });
  assert.deepEqual(
    one.map((s) => [s.value, s.unit, s.kind]),
    tuples('14 个 count'),
  );
  const each = extractStatements('图书馆、文化馆均新增座位200个。', { year: 2024 });
  assert.equal(each.length, 2);
  // Rates still hold for each subject named.
  assert.equal(extractStatements('养老保险、医疗保险参保率达到97%。', { year: 2024 }).length, 2);
});
