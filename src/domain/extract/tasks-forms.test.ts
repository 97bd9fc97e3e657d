/**
 * The forms of task-division lists found in public documents (test/extract-sets/tasks/README.md,
 * error classes of the first run), each with examples of our own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deadlineInText, parseDeadline, taskListYear } from './task-deadlines';
import { doc } from '../test-support';
import { extractTaskRows, splitDepartments } from './tasks';

const rows = (text: string, year?: number) =>
  extractTaskRows(text, year).map((r) => [r.title, r.lead, r.co, r.due]);

test('task columns headed 重点工作, 主要工作举措 or 2026年预期目标 are read', () => {
  for (const head of ['重点工作', '主要工作举措', '2026年预期目标', '目标任务']) {
    const text = [
      `| 序号 | ${head} | 责任单位 |`,
      '| --- | --- | --- |',
      '| 1 | 建成口袋公园12个 | 区园林局 |',
    ].join('\n');
    assert.deepEqual(rows(text, 2026), [['建成口袋公园12个', '区园林局', [], null]], head);
  }
});

test('units on lines of their own under the item: 牵头单位 leads, 责任单位 then co-operates', () => {
  const text = doc`
    1.新增城镇就业1.2万人。

    牵头单位:区人社局

    责任单位:区工业园区,各街道
    (二)完成造林绿化5000亩
    责任单位:区林业局
  `;
  assert.deepEqual(rows(text, 2026), [
    ['新增城镇就业1.2万人', '区人社局', ['区工业园区'], null],
    ['完成造林绿化5000亩', '区林业局', [], null],
  ]);
});

test('（X牵头，Y、Z配合）, a name-first numbered item, and a month deadline in the document year', () => {
  const text =
    '3. 推行审批告知承诺制。梳理承诺事项清单，9月底前全面推行。（区审批局牵头，区司法局、区市场监管局等部门配合）';
  assert.deepEqual(rows(text, 2026), [
    ['推行审批告知承诺制', '区审批局', ['区司法局', '区市场监管局'], '2026-09-30'],
  ]);
});

test('the title stops at the bracket holding the units, not at the 牵头单位 inside it', () => {
  const text = '5.建成区级应急物资库1个。(责任领导:王某;牵头单位:区应急局;责任单位:区财政局、相关镇街)';
  assert.deepEqual(rows(text, 2026), [['建成区级应急物资库1个', '区应急局', ['区财政局'], null]]);
});

test('a Word table keeps its rows after a section row merged across it, and leading empty cells', () => {
  const text = doc`
    序号\t项目\t工作任务\t牵头单位\t配合单位
    一、稳住经济大盘\t\t\t\t
    1\t投资\t新开工项目40个\t区发改委\t区统计局
    \t\t新增入库项目15个\t区发改委\t
  `;
  assert.deepEqual(rows(text, 2026), [
    ['新开工项目40个', '区发改委', ['区统计局'], null],
    ['新增入库项目15个', '区发改委', [], null],
  ]);
});

test('a one-year task list dates rows without a deadline (or 全年) at its year end; other texts do not', () => {
  const table = ['| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- |'];
  const list = [
    '2026年区政府重点工作责任清单',
    ...table,
    '| 1 | 改造雨污管网8公里 | 区水务局 | 全年 |',
    '| 2 | 建成智慧停车平台 | 区城管局 | |',
  ];
  assert.deepEqual(
    extractTaskRows(list.join('\n')).map((r) => r.due),
    ['2026-12-31', '2026-12-31'],
  );
  const measures = [
    '关于促进夜间经济的若干措施（2026年）',
    ...table,
    '| 1 | 打造夜间消费街区3条 | 区商务局 | 长期坚持 |',
  ];
  assert.deepEqual(
    extractTaskRows(measures.join('\n'), 2026).map((r) => r.due),
    [null],
  );
});

test('units: ★ marks the lead, a second lead co-operates, 牵头单位 beside 责任单位 makes the latter co', () => {
  const text = doc`
    | 工作任务 | 牵头单位 | 责任单位 |
    | --- | --- | --- |
    | 一、扩大有效需求 | | |
    | 1.社会消费品零售总额增长6% | ★区商务局、统计局 | 各街道办事处 |
    | 2.一般公共预算收入增长4% | 区财政局 区税务局 | 区审计局。 |
  `;
  assert.deepEqual(rows(text, 2026), [
    ['1.社会消费品零售总额增长6%', '区商务局', ['统计局'], null],
    ['2.一般公共预算收入增长4%', '区财政局', ['区税务局', '区审计局'], null],
  ]);
});

test('groups under 各 are placeholders, whatever follows in their 、-list', () => {
  assert.deepEqual(splitDepartments('区教育局，各乡镇人民政府、街道办事处，区体育中心'), [
    '区教育局',
    '区体育中心',
  ]);
  assert.deepEqual(splitDepartments('区直各部门、区级相关部门、区文旅局等单位'), ['区文旅局']);
});

test('deadlines: without a year in the document year; inside a text only when followed by 前', () => {
  const cases: ReadonlyArray<readonly [string, number | undefined, string | null]> = [
    ['6月底前', 2026, '2026-06-30'],
    ['全年', 2026, '2026-12-31'],
    ['年底前', 2026, '2026-12-31'],
    ['第三季度', 2026, '2026-09-30'],
    ['6月底前', undefined, null],
    ['长期坚持', 2026, null],
  ];
  for (const [s, y, want] of cases) assert.equal(parseDeadline(s, y), want, s);
  assert.equal(deadlineInText('梳理清单，9月底前全面推行'), '9月底前');
  assert.equal(deadlineInText('2027年底前建成投用'), '2027年底前');
  assert.equal(deadlineInText('2025年3月召开了推进会'), null);
});

test('the year of a one-year task list comes from its title, not from a span', () => {
  assert.equal(taskListYear('2026年区政府工作报告重点任务分解表\n正文'), 2026);
  assert.equal(taskListYear('某区2026年重点工作及责任清单'), 2026);
  assert.equal(taskListYear('2026—2028年城市更新三年行动任务分工方案'), null);
  assert.equal(taskListYear('关于促进夜间经济的若干措施（2026年）'), null);
});
