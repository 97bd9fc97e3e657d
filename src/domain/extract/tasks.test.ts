import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc, orNull, table } from '../test-support';
import { extractTaskRows, matchDepartment, parseDeadline, splitDepartments } from './tasks';

const departments = [
  { id: 'fgw', name: '区发展改革委' },
  { id: 'czj', name: '区财政局' },
  { id: 'zjw', name: '区住房城乡建委' },
  { id: 'scjgj', name: '区市场监管局' },
  { id: 'jw', name: '区教委' },
  { id: 'zfw', name: '区委政法委' },
];

test('deadlines name the last day of the period written', () => {
  // text | last day (- when it names none)
  const rows = table`
    2025年6月底前完成 | 2025-06-30
    2025年底前        | 2025-12-31
    2024年2月         | 2024-02-29
    2026年第三季度    | 2026-09-30
    2026年上半年      | 2026-06-30
    2026年十月        | 2026-10-31
    2026-03-15        | 2026-03-15
    2025年至2027年    | 2027-12-31
    长期坚持          | -
    持续推进          | -
  `;
  for (const [input = '', want] of rows) assert.equal(parseDeadline(input), orNull(want), input);
});

test('department lists split on 、，and 和 between offices', () => {
  assert.deepEqual(splitDepartments('区财政局、区统计局，区商务委'), ['区财政局', '区统计局', '区商务委']);
  assert.deepEqual(splitDepartments('区财政局和区统计局等'), ['区财政局', '区统计局']);
  assert.deepEqual(splitDepartments('区住房和城乡建设委员会'), ['区住房和城乡建设委员会']);
  assert.deepEqual(splitDepartments('—'), []);
});

test('departments match by name, normalised name or abbreviation, never by a guess', () => {
  // name written | department matched (- when none)
  const rows = table`
    区发展改革委           | fgw
    区发展和改革委员会     | fgw
    发展改革委             | fgw
    区住房和城乡建设委员会 | zjw
    区市场监督管理局       | scjgj
    区教育委员会           | jw
    区委政法委             | zfw
    区公安分局             | -
    区                     | -
  `;
  for (const [input = '', want] of rows)
    assert.equal(matchDepartment(input, departments), orNull(want), input);
});

test('a Markdown task-division table gives one row per task with lead, co-departments and due date', () => {
  const text = doc`
    附件：2026年重点任务分解表

    | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
    | --- | --- | --- | --- | --- |
    | 1 | 完成老旧小区改造100万平方米 | 区住房城乡建委 | 区财政局、区规划自然资源局 | 2026年12月底前 |
    | 2 | 出台促进消费十条措施 | 区商务委 | — | 2026年3月底前 |
    | 3 | 持续优化营商环境 | 区发展改革委 | 各有关单位 | 长期坚持 |
  `;
  const rows = extractTaskRows(text);
  assert.deepEqual(
    rows.map((r) => [r.row, r.title, r.lead, r.co, r.due]),
    [
      [1, '完成老旧小区改造100万平方米', '区住房城乡建委', ['区财政局', '区规划自然资源局'], '2026-12-31'],
      [2, '出台促进消费十条措施', '区商务委', [], '2026-03-31'],
      [3, '持续优化营商环境', '区发展改革委', [], null],
    ],
  );
  const first = rows[0];
  assert.ok(first && text.slice(first.start, first.end).includes('老旧小区'));
});

test('tab-separated rows (a table copied from Word) and 责任单位 listing the lead first', () => {
  const text = doc`
    序号\t重点任务\t责任单位\t完成时间
    1\t建成智慧城管平台\t区城市管理局、区大数据中心\t2026年第二季度
  `;
  assert.deepEqual(
    extractTaskRows(text).map((r) => [r.title, r.lead, r.co, r.due]),
    [['建成智慧城管平台', '区城市管理局', ['区大数据中心'], '2026-06-30']],
  );
});

test('prose items with 牵头单位 / 配合单位 and a deadline', () => {
  const text = doc`
    （一）推进城市更新
    1. 实施老旧小区改造提升工程。（牵头单位：区住房城乡建委；配合单位：区财政局、区发展改革委；2025年6月底前完成）
    2. 建设社区嵌入式服务设施。牵头单位：区民政局，2025年底前建成。
    3. 这一行没有牵头单位，不是任务。
  `;
  assert.deepEqual(
    extractTaskRows(text).map((r) => [r.title, r.lead, r.co, r.due]),
    [
      ['实施老旧小区改造提升工程', '区住房城乡建委', ['区财政局', '区发展改革委'], '2025-06-30'],
      ['建设社区嵌入式服务设施', '区民政局', [], '2025-12-31'],
    ],
  );
});

test('a table without a lead-department column is not a task table', () => {
  const text = doc`
    | 指标 | 2025年 | 2026年目标 |
    | --- | --- | --- |
    | 地区生产总值 | 1500 | 1600 |
  `;
  assert.deepEqual(extractTaskRows(text), []);
});

test('placeholders for everyone concerned are not department names', () => {
  assert.deepEqual(splitDepartments('各有关单位'), []);
  assert.deepEqual(splitDepartments('区财政局、相关部门、各街道'), ['区财政局']);
});
