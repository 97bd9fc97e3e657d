/**
 * The data book (数据册) of a bulletin's month with exceljs: every indicator's values, every target's
 * status, every task, the ranking and the overdue reports, one sheet each. Units stand in the
 * headers (or a unit column where rows differ), header rows are frozen, and every text cell is
 * neutralised against formula injection (SECURITY.md V1.2.10); numbers stay numbers.
 */
import type ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../domain/data-import';
import { statusText, type Bulletin, type BulletinInput } from '../../../domain/reports';

type Cell = string | number | null;

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][], widths: number[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

const lightText: Record<string, string> = {
  blue: '蓝灯（已完成）',
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
};
const escalationText: Record<string, string> = { none: '', reminder: '提醒', urge: '催办', notice: '督办' };

export async function bulletinXlsx(input: BulletinInput, b: Bulletin): Promise<Buffer> {
  // Loaded on first use, not at start-up (as the imports module does).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = input.office;
  book.title = b.title;
  sheet(
    book,
    '说明',
    ['项目', '内容'],
    [
      ['标题', b.title],
      ['月份', input.month],
      ['数据截至', input.asOf],
      ['发文单位', input.office],
      ['日期', b.issuedText],
      ['规划', input.plan.title],
    ],
    [14, 60],
  );
  sheet(
    book,
    '目标',
    [
      '领域',
      '目标编号',
      '目标',
      '指标',
      '单位',
      '最新期',
      '最新值（按单位列）',
      '状态',
      '说明',
      '责任部门',
      '资料来源',
    ],
    input.goalAreas.flatMap((a) =>
      a.targets.map((t) => [
        a.name,
        t.id,
        t.text,
        t.indicator,
        t.unit,
        t.latest?.period ?? null,
        t.latest?.value ?? null,
        statusText[t.status],
        t.explanation,
        t.department,
        t.source,
      ]),
    ),
    [10, 14, 36, 20, 10, 10, 14, 10, 50, 16, 30],
  );
  sheet(
    book,
    '指标数值',
    ['指标编号', '指标', '单位', '频率', '责任部门', '期别', '数值（按单位列）', '资料来源'],
    input.indicators.flatMap((i) =>
      i.values.length === 0
        ? [[i.id, i.name, i.unit, i.frequency, i.department, null, null, i.source]]
        : i.values.map((v) => [i.id, i.name, i.unit, i.frequency, i.department, v.period, v.value, i.source]),
    ),
    [22, 30, 12, 10, 16, 10, 16, 40],
  );
  sheet(
    book,
    '任务',
    [
      '任务编号',
      '任务',
      '专项',
      '牵头部门',
      '灯',
      '状态',
      '进度（%）',
      '应达进度（%）',
      '督办',
      '完成时限',
      '原因',
    ],
    input.tasks.map((t) => [
      t.id,
      t.title,
      t.programme,
      t.department?.name ?? null,
      lightText[t.light] ?? t.light,
      t.state,
      t.percent,
      t.expected,
      escalationText[t.escalation] ?? t.escalation,
      t.due,
      t.reasons.join('；'),
    ]),
    [14, 40, 10, 16, 12, 14, 10, 12, 8, 12, 50],
  );
  sheet(
    book,
    '部门排名',
    [
      '名次',
      '部门',
      '得分（分）',
      '牵头任务（项）',
      '已完成（项）',
      '逾期（项）',
      '督办（项）',
      '预警（项）',
      '逾期未报（期）',
      '情况',
    ],
    b.ranking.map((r) => [
      r.rank,
      r.name,
      r.score,
      r.tasks,
      r.completed,
      r.overdue,
      r.notices,
      r.yellow,
      r.overdueReports,
      r.reasons,
    ]),
    [8, 20, 10, 12, 12, 10, 10, 10, 12, 60],
  );
  sheet(
    book,
    '逾期未报',
    ['部门', '指标', '期别', '应报日期'],
    input.overdueReports.flatMap((o) =>
      o.items.map((i) => [o.department?.name ?? '未明确', i.name, i.period, i.due]),
    ),
    [20, 30, 10, 12],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
