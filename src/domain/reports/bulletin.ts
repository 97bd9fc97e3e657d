/**
 * Builds the bulletin model from its inputs: six sections in the order supervision offices print
 * them — 总体情况, 目标进展, 重点任务, 红灯事项, 部门排名, 下一步工作 — every sentence and table
 * made from the numbers (no data → a sentence saying so, never an empty section).
 */
import { formatChinese } from '../units';
import { chineseDate } from './month';
import { rankDepartments, rankingWeights } from './ranking';
import { countList, headlineSentence, percentText } from './sentences';
import type {
  Block,
  Bulletin,
  BulletinInput,
  RankedDepartment,
  Section,
  TableBlock,
  TargetLight,
  TaskLine,
} from './types';

export const statusText: Record<TargetLight, string> = {
  achieved: '已实现',
  on_track: '进展正常',
  at_risk: '存在风险',
  off_track: '进度滞后',
  no_data: '暂无数据',
};

const numerals = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];
const numeral = (i: number) => numerals[i] ?? String(i + 1);
const p = (text: string): Block => ({ kind: 'paragraph', text });

/** The five target lights counted in one sentence, in the bulletin's fixed order. */
function statusList(c: Record<TargetLight, number>): string {
  return countList([
    ['已实现', c.achieved],
    ['进展正常', c.on_track],
    ['存在风险', c.at_risk],
    ['进度滞后', c.off_track],
    ['暂无数据', c.no_data],
  ]);
}

function targetCounts(input: BulletinInput) {
  const counts: Record<TargetLight, number> = {
    achieved: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    no_data: 0,
  };
  for (const a of input.goalAreas) for (const t of a.targets) counts[t.status] += 1;
  return counts;
}

function taskCounts(tasks: readonly TaskLine[]) {
  const c = { tasks: tasks.length, completed: 0, green: 0, overdue: 0, yellow: 0, notices: 0 };
  for (const t of tasks) {
    if (t.light === 'blue') c.completed++;
    else if (t.light === 'red') c.overdue++;
    else if (t.light === 'yellow') c.yellow++;
    else c.green++;
    if (t.escalation === 'notice') c.notices++;
  }
  return c;
}

function overall(input: BulletinInput, monthText: string): Section {
  const tc = targetCounts(input);
  const total = Object.values(tc).reduce((a, b) => a + b, 0);
  const blocks: Block[] = [];
  const lights = statusList(tc);
  blocks.push(
    p(
      total === 0
        ? `截至${monthText}底，${input.plan.title}尚无纳入监测的量化目标。`
        : `截至${monthText}底，${input.plan.title}确定的${total}项目标中，${lights}。`,
    ),
  );
  blocks.push(
    p(
      input.headlines.length === 0
        ? `${monthText}，主要指标暂无可用数据，待责任部门报送后纳入下期通报。`
        : input.headlines.map(headlineSentence).join(''),
    ),
  );
  const k = taskCounts(input.tasks);
  const reports = input.overdueReports.reduce((a, o) => a + o.count, 0);
  const late = input.overdueReports.filter((o) => o.count > 0).length;
  const taskText =
    k.tasks === 0
      ? '本月暂无纳入督查的重点任务'
      : `纳入督查的${k.tasks}项重点任务中，${countList([
          ['已完成', k.completed],
          ['正常推进', k.green],
          ['预警（黄灯）', k.yellow],
          ['逾期（红灯）', k.overdue],
        ])}${k.notices > 0 ? `，其中列入督办${k.notices}项` : ''}`;
  blocks.push(
    p(`${taskText}；${reports > 0 ? `${late}个部门逾期未报数据${reports}期` : '各部门数据均按期报送'}。`),
  );
  return { heading: '总体情况', blocks, subsections: [] };
}

function targetsSection(input: BulletinInput, table: () => number): Section {
  const subsections = input.goalAreas
    .filter((a) => a.targets.length > 0)
    .map((a, i) => {
      const c = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
      for (const t of a.targets) c[t.status]++;
      const sources = [...new Set(a.targets.map((t) => t.source).filter((s): s is string => !!s))];
      const rows = a.targets.map((t) => [
        t.text,
        t.latest ? `${t.latest.period}：${formatChinese(t.latest.value, t.unit ?? '')}` : '—',
        statusText[t.status],
        t.explanation,
      ]);
      const tbl: TableBlock = {
        kind: 'table',
        caption: `表${table()} ${a.name}目标进展`,
        unit: '单位：见各指标',
        columns: ['目标', '最新值', '状态', '说明'],
        widths: [28, 20, 12, 40],
        rows,
        source: `资料来源：${sources.length ? sources.join('；') : '各责任部门报送数据'}`,
      };
      const summary = statusList(c);
      return {
        heading: `（${numeral(i)}）${a.name}`,
        blocks: [p(`${a.name}领域共${a.targets.length}项目标，${summary}。`), tbl],
      };
    });
  const blocks = subsections.length === 0 ? [p('本期暂无目标进展数据。')] : [];
  return { heading: '目标进展情况', blocks, subsections };
}

function tasksSection(input: BulletinInput, table: () => number): Section {
  if (input.tasks.length === 0)
    return { heading: '重点任务推进情况', blocks: [p('本月暂无纳入督查的重点任务。')], subsections: [] };
  const groups = [
    ...input.programmes.map((g) => ({ id: g.id, label: `${g.number}. ${g.name}` })),
    { id: null, label: '其他任务' },
  ];
  const rows: string[][] = [];
  for (const g of groups) {
    const own = input.tasks.filter((t) => t.programme === g.id);
    if (own.length === 0) continue;
    const k = taskCounts(own);
    const avg = own.reduce((a, t) => a + t.percent, 0) / own.length;
    rows.push([
      g.label,
      String(k.tasks),
      String(k.completed),
      String(k.green),
      String(k.yellow),
      String(k.overdue),
      String(k.notices),
      percentText(avg),
    ]);
  }
  const tbl: TableBlock = {
    kind: 'table',
    caption: `表${table()} 重点任务推进情况（按专项）`,
    unit: '单位：项，%',
    columns: ['专项', '任务数', '已完成', '正常', '预警', '逾期', '督办', '平均进度'],
    widths: [37, 9, 9, 9, 9, 9, 9, 9],
    rows,
    source: '资料来源：督查督办系统任务台账（截至月末的进展报告）',
  };
  const k = taskCounts(input.tasks);
  return {
    heading: '重点任务推进情况',
    blocks: [
      p(
        `全区${k.tasks}项重点任务平均进度${percentText(input.tasks.reduce((a, t) => a + t.percent, 0) / k.tasks)}，已完成${k.completed}项。`,
      ),
      tbl,
    ],
    subsections: [],
  };
}

function redSection(input: BulletinInput, table: () => number): Section {
  const red = input.tasks.filter((t) => t.light === 'red');
  const notices = input.tasks.filter((t) => t.escalation === 'notice');
  const reports = input.overdueReports.filter((o) => o.count > 0);
  const dept = (t: TaskLine) => t.department?.name ?? '未明确';
  const sub = (
    heading: string,
    empty: string,
    tbl: Omit<TableBlock, 'kind' | 'caption'> & { title: string },
    n: number,
  ) => ({
    heading,
    blocks:
      n === 0
        ? [p(empty)]
        : [
            {
              kind: 'table' as const,
              caption: `表${table()} ${tbl.title}`,
              unit: tbl.unit,
              columns: tbl.columns,
              rows: tbl.rows,
              source: tbl.source,
              widths: tbl.widths,
            },
          ],
  });
  return {
    heading: '红灯事项',
    blocks: [
      p(
        `截至月底，逾期未办结任务${red.length}项，督办事项${notices.length}项，逾期未报数据${reports.reduce((a, o) => a + o.count, 0)}期。`,
      ),
    ],
    subsections: [
      sub(
        '（一）逾期未办结',
        '本月无逾期未办结任务。',
        {
          title: '逾期未办结任务',
          unit: '单位：%',
          columns: ['任务', '牵头部门', '完成时限', '进度', '原因'],
          widths: [26, 16, 14, 8, 36],
          rows: red.map((t) => [
            t.title,
            dept(t),
            t.due ?? '—',
            percentText(t.percent),
            t.reasons.join('；'),
          ]),
          source: '资料来源：督查督办系统任务台账',
        },
        red.length,
      ),
      sub(
        '（二）督办事项',
        '本月无督办事项。',
        {
          title: '督办事项',
          unit: null,
          columns: ['任务', '牵头部门', '完成时限', '原因'],
          widths: [28, 16, 14, 42],
          rows: notices.map((t) => [t.title, dept(t), t.due ?? '—', t.reasons.join('；')]),
          source: '资料来源：督查督办系统督办记录',
        },
        notices.length,
      ),
      sub(
        '（三）逾期未报',
        '本月各部门数据均按期报送。',
        {
          title: '逾期未报数据',
          unit: '单位：期',
          columns: ['部门', '逾期期数', '最早应报日期', '事项'],
          widths: [20, 10, 16, 54],
          rows: reports.map((o) => [
            o.department?.name ?? '未明确',
            String(o.count),
            o.oldestDue,
            o.items.map((i) => `${i.name}${i.period}`).join('、'),
          ]),
          source: '资料来源：数据报送日历',
        },
        reports.length,
      ),
    ],
  };
}

function rankingSection(ranking: RankedDepartment[], table: () => number, scored: boolean): Section {
  const w = rankingWeights;
  const method = scored
    ? '排名采用本月部门考核得分：数据按时报送、任务按时报送、按期办结、目标进展和报送质量按权重计分，督办通知扣分；本月无考核事项的部门不参与排名。'
    : `排名按百分制计算：每项逾期任务扣${w.overdue}分，其中列入督办的再扣${w.notice}分，每期逾期未报数据扣${w.overdueReport}分，每项预警任务扣${w.yellow}分；得分相同的按任务完成率排序。本月无督查事项的部门不参与排名。`;
  if (ranking.length === 0)
    return { heading: '部门排名', blocks: [p('本期暂无参与排名的部门。')], subsections: [] };
  const tbl: TableBlock = {
    kind: 'table',
    caption: `表${table()} 部门排名`,
    unit: '单位：分',
    columns: ['名次', '部门', '得分', '情况'],
    widths: [8, 24, 8, 60],
    rows: ranking.map((r) => [
      r.rank === null ? '—' : String(r.rank),
      r.name,
      r.score === null ? '—' : String(r.score),
      r.reasons,
    ]),
    source: '资料来源：督查督办系统任务台账、数据报送日历',
  };
  return { heading: '部门排名', blocks: [p(method), tbl], subsections: [] };
}

function nextSection(input: BulletinInput, counts: Bulletin['counts']): Section {
  const steps = [...input.nextSteps];
  if (steps.length === 0) {
    if (counts.overdue > 0)
      steps.push(`对${counts.overdue}项逾期未办结任务，请牵头部门于5个工作日内报送整改措施和完成时限。`);
    if (counts.notices > 0)
      steps.push(`${counts.notices}项督办事项由区政府督查室跟踪督办，办结前每周报送进展。`);
    if (counts.overdueReports > 0) steps.push(`逾期未报数据的部门须于下月5日前补报，并说明逾期原因。`);
    steps.push('各责任部门对照年度目标和任务清单，按时报送月度进展和数据，确保应报尽报。');
  }
  return { heading: '下一步工作', blocks: steps.map((s, i) => p(`${i + 1}. ${s}`)), subsections: [] };
}

export function buildBulletin(input: BulletinInput): Bulletin {
  const month = Number(input.month.slice(5, 7));
  const year = Number(input.month.slice(0, 4));
  const monthText = `${year}年${month}月`;
  let tables = 0;
  const table = () => ++tables;
  const ranking = rankDepartments(input.departments, input.tasks, input.overdueReports, input.scorecard);
  const k = taskCounts(input.tasks);
  const counts = {
    tasks: k.tasks,
    completed: k.completed,
    overdue: k.overdue,
    notices: k.notices,
    overdueReports: input.overdueReports.reduce((a, o) => a + o.count, 0),
  };
  const sections = [
    overall(input, monthText),
    targetsSection(input, table),
    tasksSection(input, table),
    redSection(input, table),
    rankingSection(ranking, table, !!input.scorecard),
    nextSection(input, counts),
  ].map((s, i) => ({ ...s, heading: `${numeral(i)}、${s.heading}` }));
  return {
    month: input.month,
    asOf: input.asOf,
    title: `关于${monthText}${input.plan.title}推进情况的通报`,
    office: input.office,
    issuedText: chineseDate(input.issued),
    plan: input.plan,
    sections,
    ranking,
    counts,
  };
}
