/**
 * Two short documents from a bulletin's inputs, in the same official layout: a one-page fact sheet
 * of one indicator (its definition, latest values, targets and their status) and a plan summary
 * for leaders (the overall situation, what needs attention, the ranking's top and bottom).
 */
import { formatChinese } from '../units';
import { buildBulletin, statusText } from './bulletin';
import { chineseDate } from './month';
import { headlineSentence } from './sentences';
import type { Block, BulletinInput, OfficialDocument, TableBlock } from './types';

const p = (text: string): Block => ({ kind: 'paragraph', text });
/** Ends a clause as a sentence. */
const sentence = (text: string) => (/[。！？]$/.test(text) ? text : `${text}。`);
const frequencyText: Record<string, string> = { annual: '年度', quarterly: '季度', monthly: '月度' };

function monthText(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** Null when the plan has no indicator of that id. */
export function buildFactSheet(input: BulletinInput, indicatorId: string): OfficialDocument | null {
  const i = input.indicators.find((x) => x.id === indicatorId);
  if (!i) return null;
  const targets = input.goalAreas.flatMap((a) => a.targets).filter((t) => t.indicatorId === indicatorId);
  const recent = [...i.values].slice(-6).reverse();
  const values: TableBlock = {
    kind: 'table',
    caption: `表1 ${i.name}最新数据`,
    unit: `单位：${i.unit}`,
    columns: ['期别', '数值'],
    rows: recent.map((v) => [v.period, formatChinese(v.value, i.unit)]),
    source: `资料来源：${i.source ?? i.department ?? '责任部门报送数据'}`,
    widths: [40, 60],
  };
  const headline = input.headlines.find((h) => h.name === i.name);
  return {
    title: `${i.name}指标情况`,
    office: input.office,
    issuedText: chineseDate(input.issued),
    sections: [
      {
        heading: '一、基本情况',
        blocks: [
          p(
            `${i.name}（${i.id}）为${frequencyText[i.frequency] ?? i.frequency}指标，单位${i.unit}，责任部门${i.department ?? '未明确'}，资料来源${i.source ?? '未注明'}。数据截至${monthText(input.month)}底。`,
          ),
        ],
        subsections: [],
      },
      {
        heading: '二、最新数据',
        blocks:
          recent.length === 0
            ? [p('截至月底暂无数据。')]
            : [...(headline ? [p(headlineSentence(headline))] : []), values],
        subsections: [],
      },
      {
        heading: '三、目标进展',
        blocks:
          targets.length === 0
            ? [p('本指标未设定量化目标。')]
            : targets.map((t) => p(`${t.text}：${statusText[t.status]}。${sentence(t.explanation)}`)),
        subsections: [],
      },
    ],
  };
}

/** The leaders' one-page summary of the month. */
export function buildPlanSummary(input: BulletinInput): OfficialDocument {
  const b = buildBulletin(input);
  const overall = b.sections[0];
  const attention = input.goalAreas
    .flatMap((a) => a.targets)
    .filter((t) => t.status === 'off_track' || t.status === 'at_risk')
    .map((t) => p(`${t.text}（${statusText[t.status]}）：${sentence(t.explanation)}`));
  const red = input.tasks.filter((t) => t.light === 'red');
  const ranked = b.ranking.filter((r) => r.rank !== null);
  const names = (rows: typeof ranked) => rows.map((r) => `${r.name}（${r.score}分）`).join('、');
  const ranking =
    ranked.length === 0
      ? [p('本月暂无参与排名的部门。')]
      : [
          p(`排名靠前：${names(ranked.slice(0, 3))}。`),
          ...(ranked.length > 3 ? [p(`排名靠后：${names(ranked.slice(-3).reverse())}。`)] : []),
        ];
  return {
    title: `${input.plan.title}推进情况摘要（${monthText(input.month)}）`,
    office: input.office,
    issuedText: chineseDate(input.issued),
    sections: [
      { heading: '一、总体情况', blocks: overall?.blocks ?? [], subsections: [] },
      {
        heading: '二、需要关注的事项',
        blocks: [
          ...(attention.length === 0 ? [p('本月无存在风险或进度滞后的目标。')] : attention),
          p(
            red.length === 0
              ? '本月无逾期未办结任务。'
              : `逾期未办结任务${red.length}项：${red
                  .slice(0, 5)
                  .map((t) => `${t.title}（${t.department?.name ?? '未明确'}）`)
                  .join('、')}${red.length > 5 ? '等' : ''}。`,
          ),
        ],
        subsections: [],
      },
      { heading: '三、部门排名', blocks: ranking, subsections: [] },
    ],
  };
}
