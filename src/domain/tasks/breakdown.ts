/**
 * The Excel 任务分解表 (task breakdown table), pure: its columns (Chinese headers, with a hidden
 * row of codes so a filled-in template reads back exactly), and the checking of its rows against
 * the plan: every problem names the row and the column, and one problem is enough to write
 * nothing. Cells arrive as text (dates already YYYY-MM-DD when the cell was a date).
 */
import { isIsoDate } from '../periods';
import type { ReportCycle, TaskPriority } from './types';

export const breakdownColumns = [
  { key: 'id', zh: '任务编号（可空）', width: 16 },
  { key: 'action', zh: '所属举措', width: 12 },
  { key: 'title', zh: '任务名称', width: 36 },
  { key: 'description', zh: '任务描述', width: 30 },
  { key: 'lead_department', zh: '牵头单位', width: 18 },
  { key: 'co_department_1', zh: '配合单位一', width: 18 },
  { key: 'co_department_2', zh: '配合单位二', width: 18 },
  { key: 'co_department_3', zh: '配合单位三', width: 18 },
  { key: 'leader', zh: '责任领导', width: 14 },
  { key: 'start', zh: '开始日期', width: 12 },
  { key: 'due', zh: '截止日期', width: 12 },
  { key: 'cycle', zh: '报送周期', width: 10 },
  { key: 'priority', zh: '优先级', width: 8 },
  { key: 'percent', zh: '当前进度（%）', width: 10 },
  { key: 'milestones', zh: '节点（日期 名称，分号分隔）', width: 40 },
  { key: 'targets', zh: '关联目标（编号，顿号分隔）', width: 20 },
] as const;
export type BreakdownKey = (typeof breakdownColumns)[number]['key'];

export const cycleLabels: Record<ReportCycle, string> = {
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
};
export const priorityLabels: Record<TaskPriority, string> = { high: '高', normal: '中', low: '低' };

export interface BreakdownInput {
  /** The sheet's row number (1-based, as Excel shows it). */
  row: number;
  cells: Partial<Record<BreakdownKey, string>>;
}

export interface BreakdownRow {
  row: number;
  id: string | null;
  action: string | null;
  title: string;
  description: string | null;
  lead_department: string;
  co_departments: string[];
  leader: string | null;
  start: string;
  due: string;
  cycle: ReportCycle;
  priority: TaskPriority;
  percent: number | null;
  milestones: { title: string; due: string }[];
  targets: string[];
}

export interface BreakdownProblem {
  row: number;
  field: BreakdownKey;
  message: string;
}

export interface BreakdownPlan {
  departments: readonly { code: string; name: string }[];
  actions: readonly { code: string }[];
  targets: readonly { code: string }[];
  /** Task codes already in the plan. */
  taken: ReadonlySet<string>;
}

const headerOf = (key: BreakdownKey) => breakdownColumns.find((c) => c.key === key)!.zh;

/** `2026/3/5`, `2026.3.5` or `2026-03-05` as `2026-03-05`; null when it is no real day. */
export function normalizeDay(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(day) ? day : null;
}

const cycles: Record<string, ReportCycle> = {
  每周: 'weekly',
  周: 'weekly',
  weekly: 'weekly',
  每月: 'monthly',
  月: 'monthly',
  monthly: 'monthly',
  每季度: 'quarterly',
  季度: 'quarterly',
  quarterly: 'quarterly',
};
const priorities: Record<string, TaskPriority> = {
  高: 'high',
  high: 'high',
  中: 'normal',
  普通: 'normal',
  normal: 'normal',
  低: 'low',
  low: 'low',
};

/** Checks every row: the rows that could be read, and every problem (none: the table may be written). */
export function checkBreakdown(
  inputs: readonly BreakdownInput[],
  plan: BreakdownPlan,
): { rows: BreakdownRow[]; problems: BreakdownProblem[] } {
  const problems: BreakdownProblem[] = [];
  const rows: BreakdownRow[] = [];
  const byName = new Map(plan.departments.map((d) => [d.name, d.code]));
  const codes = new Set(plan.departments.map((d) => d.code));
  const actions = new Set(plan.actions.map((a) => a.code));
  const targets = new Set(plan.targets.map((t) => t.code));
  const seenIds = new Map<string, number>();

  for (const { row, cells } of inputs) {
    const problem = (field: BreakdownKey, zh: string, en: string) =>
      problems.push({
        row,
        field,
        message: `第${row}行“${headerOf(field)}”：${zh} Row ${row}, ${field}: ${en}`,
      });
    const text = (key: BreakdownKey) => (cells[key] ?? '').trim();
    const department = (key: BreakdownKey): string | null => {
      const v = text(key);
      if (!v) return null;
      const inParens = /[（(]([^）)]+)[）)]\s*$/.exec(v)?.[1];
      const code = codes.has(v)
        ? v
        : (byName.get(v) ?? (inParens && codes.has(inParens) ? inParens : undefined));
      if (!code) problem(key, `未知部门“${v}”。`, `unknown department '${v}'.`);
      return code ?? null;
    };
    const day = (key: 'start' | 'due'): string | null => {
      const v = text(key);
      if (!v) {
        problem(key, '必填。', 'required.');
        return null;
      }
      const d = normalizeDay(v);
      if (!d) problem(key, `“${v}”不是有效日期（应为YYYY-MM-DD）。`, `'${v}' is not a date (YYYY-MM-DD).`);
      return d;
    };

    const id = text('id') || null;
    if (id !== null) {
      if (!/^[\w.-]{1,80}$/.test(id))
        problem('id', '编号只能含字母、数字和 - _ .', 'letters, digits, - _ . only.');
      else if (plan.taken.has(id)) problem('id', `任务编号“${id}”已存在。`, `a task '${id}' exists.`);
      else if (seenIds.has(id))
        problem('id', `与第${seenIds.get(id)}行编号重复。`, `the same id as row ${seenIds.get(id)}.`);
      seenIds.set(id, row);
    }
    const action = text('action') || null;
    if (action !== null && !actions.has(action))
      problem('action', `未知工作举措“${action}”。`, `unknown action '${action}'.`);
    const title = text('title');
    if (!title) problem('title', '必填。', 'required.');
    else if (title.length > 300) problem('title', '不能超过300字。', 'at most 300 characters.');
    let lead: string | null = null;
    if (!text('lead_department')) problem('lead_department', '必填。', 'required.');
    else lead = department('lead_department');
    const co: string[] = [];
    for (const key of ['co_department_1', 'co_department_2', 'co_department_3'] as const) {
      const code = department(key);
      if (code === null) continue;
      if (code === lead)
        problem(key, '配合单位不能是牵头单位。', 'the lead department cannot also co-operate.');
      else if (!co.includes(code)) co.push(code);
    }
    const start = day('start');
    const due = day('due');
    if (start && due && due < start)
      problem('due', `截止日期${due}早于开始日期${start}。`, `due ${due} is before start ${start}.`);
    const cycleText = text('cycle');
    const cycle = cycles[cycleText] ?? (cycleText ? undefined : 'monthly');
    if (!cycle)
      problem(
        'cycle',
        `“${cycleText}”应为每周、每月或每季度。`,
        `'${cycleText}': weekly, monthly or quarterly.`,
      );
    const priorityText = text('priority');
    const priority = priorities[priorityText] ?? (priorityText ? undefined : 'normal');
    if (!priority)
      problem('priority', `“${priorityText}”应为高、中或低。`, `'${priorityText}': high, normal or low.`);
    let percent: number | null = null;
    const percentText = text('percent').replace(/%$/, '');
    if (percentText) {
      percent = Number(percentText);
      if (!Number.isFinite(percent) || percent < 0 || percent > 100)
        problem(
          'percent',
          `进度须在0至100之间（收到${percentText}）。`,
          `percent must be 0–100 (got ${percentText}).`,
        );
    }
    const milestones: { title: string; due: string }[] = [];
    for (const part of text('milestones')
      .split(/[;；\n]+/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^(\S+)\s+(.+)$/.exec(part);
      const d = m ? normalizeDay(m[1]) : null;
      if (!m || !d) {
        problem(
          'milestones',
          `“${part}”应写作“日期 名称”，如“2026-03-31 完成方案”。`,
          `'${part}': write 'date title', e.g. '2026-03-31 plan done'.`,
        );
        continue;
      }
      if (start && due && (d < start || d > due))
        problem(
          'milestones',
          `节点“${m[2]}”的日期${d}不在任务起止日期（${start}至${due}）之内。`,
          `milestone '${m[2]}' is due ${d}, outside the task's span ${start} – ${due}.`,
        );
      milestones.push({ title: m[2].trim(), due: d });
    }
    const linked = text('targets')
      .split(/[、,，\s]+/)
      .filter(Boolean);
    for (const t of linked)
      if (!targets.has(t)) problem('targets', `未知目标“${t}”。`, `unknown target '${t}'.`);

    if (title && lead && start && due && cycle && priority) {
      rows.push({
        row,
        id,
        action,
        title,
        description: text('description') || null,
        lead_department: lead,
        co_departments: co,
        leader: text('leader') || null,
        start,
        due,
        cycle,
        priority,
        percent,
        milestones,
        targets: [...new Set(linked)],
      });
    }
  }
  return { rows, problems };
}
