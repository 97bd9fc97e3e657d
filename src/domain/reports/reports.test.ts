import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tuples, words } from '../test-support';
import {
  buildBulletin,
  buildFactSheet,
  buildPlanSummary,
  headlineOf,
  headlineSentence,
  parseMonth,
  previousMonth,
  rankDepartments,
  type BulletinInput,
  type HeadlineFigure,
  type TaskLine,
} from './index';

const figure = (f: Partial<HeadlineFigure>): HeadlineFigure => ({
  name: '地区生产总值',
  unit: '亿元',
  measure: 'flow',
  label: '1—10月',
  value: 1781.8,
  previous: null,
  target: null,
  year: 2026,
  ...f,
});

describe('headline sentences', () => {
  const cases: [string, HeadlineFigure, string][] = [
    [
      'year to date, growth and the annual target',
      figure({ previous: 1679.4, target: { value: 2100, year: 2026 } }),
      '1—10月，全区地区生产总值完成1781.8亿元，同比增长6.1%，完成年度目标的84.8%。',
    ],
    ['a fall', figure({ previous: 1900 }), '1—10月，全区地区生产总值完成1781.8亿元，同比下降6.2%。'],
    [
      'a later target year and 亿 from 元',
      figure({
        unit: '元',
        value: 1.3e12,
        label: '2025年',
        previous: 1.3e12,
        target: { value: 2e12, year: 2027 },
      }),
      '2025年，全区地区生产总值完成1.3万亿元，与上年持平，完成2027年目标的65%。',
    ],
    [
      'a ratio in percent compares points',
      figure({ name: '城镇化率', unit: '%', measure: 'ratio', label: '2025年', value: 100, previous: 99.5 }),
      '2025年，全区城镇化率为100%，比上年提高0.5个百分点。',
    ],
    [
      'a stock in 万人 without comparison',
      figure({ name: '常住人口', unit: '万人', measure: 'stock', label: '2025年', value: 58.9 }),
      '2025年，全区常住人口达到58.9万人。',
    ],
  ];
  for (const [name, f, expected] of cases) it(name, () => assert.equal(headlineSentence(f), expected));
});

describe('headline figures from a series', () => {
  const air = {
    name: '空气质量优良天数',
    unit: '天',
    measure: 'flow' as const,
    frequency: 'monthly' as const,
    direction: 'up' as const,
  };
  const floor = [{ kind: 'annual_floor', value: 305, year: null, from: 2023, to: 2027 }];
  it('sums the months of the year to the month and the same months a year before', () => {
    const series = [
      { period: '2025-01', value: 20 },
      { period: '2025-02', value: 25 },
      { period: '2026-01', value: 22 },
      { period: '2026-02', value: 26 },
      { period: '2026-03', value: 30 },
    ];
    const f = headlineOf(air, series, floor, 2026, 2);
    assert.deepEqual(
      { label: f?.label, value: f?.value, previous: f?.previous, target: f?.target },
      { label: '1—2月', value: 48, previous: 45, target: { value: 305, year: 2026 } },
      'March is after the month: not known yet',
    );
  });
  it('is null when nothing is known by the month', () => {
    assert.equal(headlineOf(air, [{ period: '2026-05', value: 1 }], floor, 2026, 4), null);
  });
  it('takes the latest annual value of an annual indicator', () => {
    const gdp = { ...air, name: 'GDP', unit: '亿元', frequency: 'annual' as const };
    const f = headlineOf(
      gdp,
      [
        { period: '2024', value: 1700 },
        { period: '2025', value: 1781.8 },
      ],
      [{ kind: 'level', value: 2100, year: 2027, from: null, to: null }],
      2026,
      10,
    );
    assert.equal(f?.label, '2025年');
    assert.equal(f?.previous, 1700);
    assert.deepEqual(f?.target, { value: 2100, year: 2027 });
  });
});

describe('months', () => {
  for (const [text, ok] of [
    ['2026-10', true],
    ['2026-13', false],
    ['2026-1', false],
    ['202610', false],
    ['2026-00', false],
  ] as const)
    it(`${text} is ${ok ? '' : 'not '}a month`, () => assert.equal(parseMonth(text).ok, ok));
  it('the month before', () => {
    assert.equal(previousMonth('2026-01-01'), '2025-12');
    assert.equal(previousMonth('2026-12-01'), '2026-11');
  });
});

const task = (t: Partial<TaskLine>): TaskLine => ({
  id: 't1',
  title: '完成老旧小区改造',
  programme: 'p1',
  department: { code: 'zjw', name: '区住房城乡建委' },
  light: 'green',
  state: 'in_progress',
  percent: 40,
  expected: 50,
  escalation: 'none',
  due: '2026-12-31',
  reasons: [],
  ...t,
});

const input = (over: Partial<BulletinInput>): BulletinInput => ({
  month: '2026-10',
  asOf: '2026-10-31',
  issued: '2026-11-01',
  office: '区政府督查室',
  plan: { id: 'p', title: '渝中区未来五年发展目标' },
  headlines: [],
  goalAreas: [],
  programmes: [{ id: 'p1', number: 1, name: '城市更新' }],
  tasks: [],
  overdueReports: [],
  departments: [
    { code: 'zjw', name: '区住房城乡建委' },
    { code: 'kjj', name: '区科技局' },
  ],
  nextSteps: [],
  indicators: [],
  ...over,
});

const text = (b: ReturnType<typeof buildBulletin>) =>
  b.sections
    .flatMap((s) => [
      s.heading,
      ...[...s.blocks, ...s.subsections.flatMap((x) => x.blocks)].map((x) =>
        x.kind === 'paragraph' ? x.text : x.rows.flat().join(' '),
      ),
    ])
    .join('\n');

describe('the bulletin', () => {
  it('writes a month with no data as sentences saying so, in six sections', () => {
    const b = buildBulletin(input({ departments: [] }));
    assert.equal(b.sections.length, 6);
    assert.deepEqual(
      b.sections.map((s) => s.heading),
      words('一、总体情况 二、目标进展情况 三、重点任务推进情况 四、红灯事项 五、部门排名 六、下一步工作'),
    );
    const all = text(b);
    assert.match(all, /主要指标暂无可用数据/);
    assert.match(all, /本月暂无纳入督查的重点任务/);
    assert.match(all, /本期暂无参与排名的部门/);
    assert.equal(b.title, '关于2026年10月渝中区未来五年发展目标推进情况的通报');
    assert.equal(b.issuedText, '2026年11月1日');
  });

  it('lists only red items in the red list, the notice among them, and ranks the late department', () => {
    const tasks = [
      task({ id: 'a', light: 'red', escalation: 'notice', reasons: ['已逾期12天'] }),
      task({
        id: 'b',
        title: '建设山城步道',
        light: 'red',
        escalation: 'urge',
        department: { code: 'kjj', name: '区科技局' },
      }),
    ];
    const overdue = [
      {
        department: { code: 'zjw', name: '区住房城乡建委' },
        count: 3,
        oldestDue: '2026-08-05',
        items: [{ name: '老旧小区改造提升面积', period: '2026-07', due: '2026-08-05' }],
      },
    ];
    const b = buildBulletin(input({ tasks, overdueReports: overdue }));
    assert.deepEqual(b.counts, { tasks: 2, completed: 0, overdue: 2, notices: 1, overdueReports: 3 });
    const red = b.sections[3];
    assert.equal(red?.subsections[0]?.blocks[0]?.kind, 'table');
    const all = text(b);
    assert.match(all, /逾期（红灯）2项，其中列入督办1项；1个部门逾期未报数据3期/);
    assert.match(all, /已逾期12天/);
    assert.deepEqual(
      b.ranking.map((r) => [r.code, r.rank, r.score]),
      [
        ['kjj', 1, 95],
        ['zjw', 2, 84],
      ],
    );
  });

  it('keeps an empty department out of the ranking, listed last with its reason', () => {
    const r = rankDepartments(
      [
        { code: 'empty', name: '区外办' },
        { code: 'zjw', name: '区住房城乡建委' },
      ],
      [task({ light: 'blue', percent: 100 }), task({ id: 'y', light: 'yellow' })],
      [],
    );
    assert.deepEqual(
      r.map((x) => [x.code, x.rank, x.score]),
      [
        ['zjw', 1, 99],
        ['empty', null, null],
      ],
    );
    assert.equal(r[1]?.reasons, '本月无督查事项');
    assert.match(r[0]?.reasons ?? '', /牵头任务2项，完成1项（完成率50%）；预警1项；无逾期事项/);
  });

  it('takes rank, points and reasons from the month’s scorecards when there are some', () => {
    const r = rankDepartments(
      [
        { code: 'a', name: 'A' },
        { code: 'b', name: 'B' },
        { code: 'c', name: 'C' },
      ],
      [task({ department: { code: 'a', name: 'A' }, light: 'red' })],
      [],
      [
        { code: 'b', name: 'B', rank: 1, score: 100, reasons: '进展按时报送1/1（100%）' },
        { code: 'a', name: 'A', rank: 2, score: 40, reasons: '任务按期办结0/1（0%）' },
      ],
    );
    assert.deepEqual(
      r.map((x) => [x.code, x.rank, x.score, x.overdue, x.reasons]),
      [
        ['b', 1, 100, 0, '进展按时报送1/1（100%）'],
        ['a', 2, 40, 1, '任务按期办结0/1（0%）'],
        ['c', null, null, 0, '本月无考核事项'],
      ],
    );
  });

  it('ties share a rank only with equal completion rates', () => {
    const r = rankDepartments(
      [
        { code: 'a', name: 'A' },
        { code: 'b', name: 'B' },
        { code: 'c', name: 'C' },
      ],
      [
        task({ department: { code: 'a', name: 'A' } }),
        task({ department: { code: 'b', name: 'B' } }),
        task({ department: { code: 'c', name: 'C' }, light: 'blue' }),
      ],
      [],
    );
    assert.deepEqual(
      r.map((x) => [x.code, x.rank]),
      tuples('c 1; a 2; b 2'),
    );
  });
});

describe('fact sheets and the plan summary', () => {
  const withIndicator = input({
    indicators: [
      {
        id: 'gdp',
        name: '地区生产总值',
        unit: '亿元',
        frequency: 'annual',
        department: '区统计局',
        source: '区统计局年度统计',
        values: [
          { period: '2024', value: 1700 },
          { period: '2025', value: 1781.8 },
        ],
      },
    ],
    goalAreas: [
      {
        id: 'economy',
        name: '经济',
        targets: [
          {
            id: 't-gdp',
            indicatorId: 'gdp',
            text: '地区生产总值迈上2100亿元台阶',
            indicator: '地区生产总值',
            unit: '亿元',
            status: 'at_risk',
            latest: { period: '2025', value: 1781.8 },
            explanation: '按此速度2027年约为1946亿元',
            department: '区统计局',
            source: null,
          },
        ],
      },
    ],
  });
  it('a fact sheet has the definition, the latest values newest first and the target', () => {
    const doc = buildFactSheet(withIndicator, 'gdp');
    assert.equal(doc?.title, '地区生产总值指标情况');
    const table = doc?.sections[1]?.blocks.find((b) => b.kind === 'table');
    assert.deepEqual(table?.kind === 'table' && table.rows, [
      ['2025', '1781.8亿元'],
      ['2024', '1700亿元'],
    ]);
    assert.match(
      doc?.sections[0]?.blocks[0]?.kind === 'paragraph' ? doc.sections[0].blocks[0].text : '',
      /年度指标，单位亿元，责任部门区统计局/,
    );
    assert.equal(
      doc?.sections[2]?.blocks[0]?.kind === 'paragraph' && doc.sections[2].blocks[0].text,
      '地区生产总值迈上2100亿元台阶：存在风险。按此速度2027年约为1946亿元。',
    );
    assert.equal(buildFactSheet(withIndicator, 'nope'), null);
  });
  it('the summary names what needs attention, on an empty month too', () => {
    const text = (d: ReturnType<typeof buildPlanSummary>) =>
      d.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).join('\n');
    assert.match(text(buildPlanSummary(withIndicator)), /地区生产总值迈上2100亿元台阶（存在风险）/);
    const empty = text(buildPlanSummary(input({ departments: [] })));
    assert.match(empty, /本月无存在风险或进度滞后的目标。\n本月无逾期未办结任务。\n本月暂无参与排名的部门。/);
  });
});
