/**
 * Task-division tables (任务分解表, 责任分工): the rows of a table written as Markdown or as
 * cells separated by tabs or │/|, and the prose form 「……（牵头单位：区发展改革委；配合单位：区财政局；
 * 2025年6月底前完成）」. Each row gives a task's title, lead and co-operating departments (as
 * written; matching them to a plan's departments is `matchDepartment`) and its due date. Pure.
 */

/** One task read from a document. Offsets are into the text given (end exclusive). */
export interface TaskRow {
  /** 1-based position among the rows found. */
  row: number;
  title: string;
  lead: string | null;
  co: string[];
  /** `YYYY-MM-DD`, the last day of the period named (2025年6月底前 → 2025-06-30), or null. */
  due: string | null;
  /** The deadline as written (完成时限), for the reviewer. */
  dueText: string | null;
  start: number;
  end: number;
}

const TITLE_HEAD = /工作任务|重点任务|主要任务|任务(?:名称|内容)?|工作内容|事项|具体措施|工作措施/;
const LEAD_HEAD = /牵头(?:单位|部门)|责任(?:单位|部门)|主责(?:单位|部门)/;
const CO_HEAD = /配合(?:单位|部门)|协同(?:单位|部门)|参与(?:单位|部门)/;
const DUE_HEAD = /完成时限|时间节点|完成时间|时限|进度安排/;
const NUMBER_HEAD = /^(?:序号|编号|No\.?)$/i;

const lastDay = (y: number, m: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;

const CN_MONTH: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/**
 * The due date a deadline phrase names: 2025年6月底前 → 2025-06-30, 2025年底 → 2025-12-31,
 * 2025年第三季度 → 2025-09-30, 2025年上半年 → 2025-06-30, 2025-06-30 as is; 长期坚持 → null.
 */
export function parseDeadline(s: string): string | null {
  const iso = /(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(s);
  if (iso) {
    return `${iso[1]}-${iso[2]?.padStart(2, '0')}-${iso[3]?.padStart(2, '0')}`;
  }
  const years = [...s.matchAll(/(20\d\d)年/g)];
  const last = years.at(-1);
  if (!last) return null;
  const y = Number(last[1]);
  const after = s.slice((last.index ?? 0) + last[0].length);
  const month = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月/.exec(after);
  if (month) {
    const m = /^\d/.test(month[1] ?? '') ? Number(month[1]) : (CN_MONTH[month[1] ?? ''] ?? 12);
    if (/^[^，,；;。]{0,4}(?:上旬)/.test(after.slice(month[0].length)))
      return `${y}-${String(m).padStart(2, '0')}-10`;
    if (/^[^，,；;。]{0,4}(?:中旬)/.test(after.slice(month[0].length)))
      return `${y}-${String(m).padStart(2, '0')}-20`;
    return lastDay(y, m);
  }
  const quarter = /^(?:第)?([一二三四1-4])季度/.exec(after);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[1] ?? '') + 1 || Number(quarter[1]);
    return lastDay(y, q * 3);
  }
  if (/^上半年/.test(after)) return lastDay(y, 6);
  return lastDay(y, 12);
}

/** Splits a list of department names: 区财政局、区统计局，区商务委 → three names. */
export function splitDepartments(s: string): string[] {
  return (
    s
      .replace(/[（(][^）)]*(?:排名|列第一|第一位)[^）)]*[）)]/g, '')
      .split(/[、，,；;\s/]+|(?<=[委局办部室院会心所站队])(?:和|及|与)/)
      .map((x) => x.replace(/^(?:等|各)|等$/g, '').trim())
      // A deadline written in the same cell (区民政局，2025年底前建成) is not a department.
      .filter((x) => x.length >= 2 && !/^(?:无|—|-|\/)$/.test(x) && !/\d|年|月/.test(x))
      // 各有关单位, 相关部门, 各街道: a placeholder for everyone concerned, not a department's name.
      .filter((x) => !/^(?:有关|相关)(?:单位|部门)$|^(?:街道|部门|单位|镇街)$/.test(x))
  );
}

interface Columns {
  title: number;
  lead: number;
  co: number;
  due: number;
}

function columnsOf(cells: readonly string[]): Columns | null {
  const find = (re: RegExp): number => cells.findIndex((c) => re.test(c));
  const lead = find(LEAD_HEAD);
  const title = cells.findIndex((c, i) => i !== lead && TITLE_HEAD.test(c) && !LEAD_HEAD.test(c));
  if (lead === -1 || title === -1) return null;
  return { title, lead, co: find(CO_HEAD), due: find(DUE_HEAD) };
}

function cellsOf(line: string): string[] | null {
  const t = line.trim();
  if (t.includes('\t')) return t.split('\t').map((c) => c.trim());
  if (/^[|│]/.test(t) || /[|│]/.test(t)) {
    const cells = t.replace(/^[|│]|[|│]$/g, '').split(/[|│]/);
    return cells.length >= 3 ? cells.map((c) => c.trim()) : null;
  }
  return null;
}

const isRule = (cells: readonly string[]): boolean => cells.every((c) => /^:?-{2,}:?$|^$/.test(c));

/** Rows of tables whose header names a task column and a lead-department column. */
function tableRows(text: string): Omit<TaskRow, 'row'>[] {
  const out: Omit<TaskRow, 'row'>[] = [];
  let cols: Columns | null = null;
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const cells = cellsOf(line);
    if (!cells) {
      cols = null;
      continue;
    }
    const header = columnsOf(cells);
    if (header) {
      cols = header;
      continue;
    }
    if (!cols || isRule(cells)) continue;
    const title = (cells[cols.title] ?? '').replace(/\*\*/g, '').trim();
    if (title === '' || NUMBER_HEAD.test(title)) continue;
    const leads = splitDepartments(cells[cols.lead] ?? '');
    const dueText = cols.due === -1 ? null : (cells[cols.due] ?? '').trim() || null;
    out.push({
      title,
      // 责任单位 lists the lead first when no 配合单位 column is given.
      lead: leads[0] ?? null,
      co: [...(cols.co === -1 ? leads.slice(1) : []), ...splitDepartments(cells[cols.co] ?? '')],
      due: dueText === null ? null : parseDeadline(dueText),
      dueText,
      start,
      end: start + line.length,
    });
  }
  return out;
}

const PROSE_LEAD = /(?:牵头单位|牵头部门|责任单位|责任部门)[:：]\s*([^；;。）)\n]+)/;
const PROSE_CO = /(?:配合单位|配合部门|协同单位|参与单位)[:：]\s*([^；;。）)\n]+)/;
const PROSE_DUE = /(20\d\d年[^；;。，,）)\n]{0,12}|长期(?:坚持|推进)|持续推进)/;

/** Items written as prose with 牵头单位：… (one per line or sentence group). */
function proseRows(text: string): Omit<TaskRow, 'row'>[] {
  const out: Omit<TaskRow, 'row'>[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const lead = PROSE_LEAD.exec(line);
    if (!lead || cellsOf(line)) continue;
    const markerAt = line.search(/[（(]?(?:牵头单位|牵头部门|责任单位|责任部门)[:：]/);
    const title = line
      .slice(0, markerAt)
      .replace(/^\s*(?:[-•*]|\d{1,3}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*/, '')
      .replace(/\*\*/g, '')
      .replace(/[。；;，,\s]+$/, '')
      .trim()
      // 「高标准深化全域更新。实施老旧小区改造提升工程」: the action's name, then the task.
      .split(/[。；;]/)
      .at(-1)
      ?.trim();
    if (title === undefined || title === '') continue;
    const leads = splitDepartments(lead[1] ?? '');
    const co = PROSE_CO.exec(line);
    const rest = line.slice(markerAt);
    const due = PROSE_DUE.exec(rest);
    const dueText = due?.[1]?.trim() ?? null;
    out.push({
      title,
      lead: leads[0] ?? null,
      co: [...(co ? [] : leads.slice(1)), ...(co ? splitDepartments(co[1] ?? '') : [])],
      due: dueText === null ? null : parseDeadline(dueText),
      dueText,
      start,
      end: start + line.length,
    });
  }
  return out;
}

/** Every task row of a document, tables and prose, in document order. */
export function extractTaskRows(text: string): TaskRow[] {
  return [...tableRows(text), ...proseRows(text)]
    .sort((a, b) => a.start - b.start)
    .map((r, i) => ({ ...r, row: i + 1 }));
}

/** A department of a plan, as the matcher needs it. */
export interface DepartmentName {
  id: string;
  name: string;
}

/** A name reduced to what tells departments apart: no 区/市/县 prefix, no 和/与/及, 委员会 → 委. */
function normaliseDepartment(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/^[区市县](?=.{2,})/, '')
    .replace(/委员会/g, '委')
    .replace(/[和与及]/g, '');
}

/** True when every character of `short` appears in `long` in order (发展改革委 ⊂ 发展和改革委员会). */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The id of the plan department a written name means, or null when none or several could.
 * Exact names first, then names equal after normalising, then one abbreviation of the other
 * that ends in the same kind of office (委, 局, 办, 部 …).
 */
export function matchDepartment(written: string, departments: readonly DepartmentName[]): string | null {
  const exact = departments.find((d) => d.name === written || d.id === written);
  if (exact) return exact.id;
  const w = normaliseDepartment(written);
  if (w.length < 2) return null;
  const same = departments.filter((d) => normaliseDepartment(d.name) === w);
  if (same.length === 1) return same[0]?.id ?? null;
  const kind = (s: string): string => s.slice(-1);
  const abbreviated = departments.filter((d) => {
    const n = normaliseDepartment(d.name);
    if (kind(n) !== kind(w)) return false;
    return isSubsequence(w, n) || isSubsequence(n, w);
  });
  return abbreviated.length === 1 ? (abbreviated[0]?.id ?? null) : null;
}
