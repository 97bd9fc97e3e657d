/**
 * Task-division tables (任务分解表, 责任分工): the rows of a table written as Markdown or as
 * cells separated by tabs or │/|, and the prose form 「……（牵头单位：区发展改革委；配合单位：区财政局；
 * 2025年6月底前完成）」. Each row gives a task's title, lead and co-operating departments (as
 * written; matching them to a plan's departments is `matchDepartment`) and its due date. Pure.
 */
import { deadlineInText, parseDeadline, taskListYear } from './task-deadlines';

export { parseDeadline } from './task-deadlines';

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

const TITLE_HEAD =
  /工作任务|重点任务|主要任务|任务(?:名称|内容)?|工作内容|事项|具体措施|工作措施|工作举措|重点工作|主要工作|预期目标|目标任务/;
const LEAD_HEAD = /牵头(?:单位|部门)|责任(?:单位|部门)|主责(?:单位|部门)/;
const FIRST_LEAD_HEAD = /牵头(?:单位|部门)/;
const CO_HEAD = /配合(?:单位|部门)|协同(?:单位|部门)|参与(?:单位|部门)/;
const DUE_HEAD = /完成时限|时间节点|完成时间|时限|进度安排/;
const NUMBER_HEAD = /^(?:序号|编号|No\.?)$/i;
/** A row or line that heads a part of the list (一、…, （二）…), not a task. */
const SECTION = /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/;

/** Marks some tables put before the lead unit (★区发改委). */
const MARKS = /[★☆※●○▲△◆◇■□√]/g;

/** 各有关单位, 相关部门, 区直各部门, 各乡镇人民政府: everyone concerned, not a department's name. */
const PLACEHOLDER =
  /^各|有关|相关|各(?:部门|单位|专班|街道|乡镇|镇|区县|县市区)|^(?:区直|市直|县直)|^(?:街道|部门|单位|镇街)$/;

/**
 * Splits a list of department names: 区财政局、区统计局，区商务委 → three names. 各 before a
 * 、-list covers the whole list (各乡镇人民政府、街道办事处: every town and street office).
 */
export function splitDepartments(s: string): string[] {
  return (
    s
      .replace(MARKS, '')
      .replace(/[（(][^）)]*(?:排名|列第一|第一位)[^）)]*[）)]/g, '')
      .split(/[，,；;\n]+/)
      .filter((group) => !/^\s*各/.test(group))
      .flatMap((group) => group.split(/[、\s/]+|(?<=[委局办部室院会心所站队])(?:和|及|与)/))
      .map((x) =>
        x
          .replace(/[。.：:]+$/, '')
          .replace(/等(?:部门|单位)?$/, '')
          .trim(),
      )
      // A deadline written in the same cell (区民政局，2025年底前建成) is not a department.
      .filter((x) => x.length >= 2 && !/^(?:无|—|-|\/)$/.test(x) && !/\d|年|月/.test(x))
      .filter((x) => !PLACEHOLDER.test(x))
  );
}

interface Columns {
  title: number;
  lead: number;
  co: number;
  due: number;
}

function columnsOf(cells: readonly string[]): Columns | null {
  const find = (re: RegExp, not = -1): number => cells.findIndex((c, i) => i !== not && re.test(c));
  // 牵头单位 beside 责任单位: the first leads, the second co-operates.
  const first = find(FIRST_LEAD_HEAD);
  const lead = first !== -1 ? first : find(LEAD_HEAD);
  const title = cells.findIndex((c, i) => i !== lead && TITLE_HEAD.test(c) && !LEAD_HEAD.test(c));
  if (lead === -1 || title === -1) return null;
  const co = find(CO_HEAD, lead);
  return { title, lead, co: co !== -1 || first === -1 ? co : find(LEAD_HEAD, lead), due: find(DUE_HEAD) };
}

function cellsOf(line: string): string[] | null {
  // Tabs are cells (an empty first cell of a Word row is a leading tab): trim spaces only.
  const t = line.replace(/^[ \u3000\r]+|[ \u3000\r]+$/g, '');
  if (t.includes('\t')) return t.split('\t').map((c) => c.trim());
  if (/^[|│]/.test(t) || /[|│]/.test(t)) {
    const cells = t.replace(/^[|│]|[|│]$/g, '').split(/[|│]/);
    return cells.length >= 3 ? cells.map((c) => c.trim()) : null;
  }
  return null;
}

const isRule = (cells: readonly string[]): boolean => cells.every((c) => /^:?-{2,}:?$|^$/.test(c));

/** Lead first, the other units after it: a second unit in the lead cell co-operates. */
function units(leads: readonly string[], co: readonly string[]): { lead: string | null; co: string[] } {
  const lead = leads[0] ?? null;
  return { lead, co: [...new Set([...leads.slice(1), ...co])].filter((c) => c !== lead) };
}

/** Rows of tables whose header names a task column and a lead-department column. */
function tableRows(text: string, year: number | undefined): Omit<TaskRow, 'row'>[] {
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
    const leadCell = cells[cols.lead] ?? '';
    // 一、优结构、谋发展 across the table (merged cells): a heading, not a task.
    if (leadCell.trim() === '' && cells.some((c) => SECTION.test(c))) continue;
    const dueText = cols.due === -1 ? null : (cells[cols.due] ?? '').trim() || null;
    out.push({
      title,
      ...units(splitDepartments(leadCell), cols.co === -1 ? [] : splitDepartments(cells[cols.co] ?? '')),
      due: dueText === null ? null : parseDeadline(dueText, year),
      dueText,
      start,
      end: start + line.length,
    });
  }
  return out;
}

const LEAD_MARK = /(?:牵头单位|牵头部门|责任单位|责任部门)[:：]/;
const MARK_LINE = /^(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|参与单位)[:：]/;
const unitsAfter = (label: string, s: string): string | null =>
  new RegExp(`(?:${label})[:：]\\s*([^；;。）)\\n]+)`).exec(s)?.[1] ?? null;
const PROSE_DUE = /(20\d\d年[^；;。，,）)\n]{0,12}|长期(?:坚持|推进)|持续推进)/;
/** 「（区政务服务局牵头，区发改局、区审改办配合）」: units named before 牵头 and before 配合. */
const LEAD_BY_VERB =
  /[（(]((?:[^（()）]|[（(][^（()）]*[）)])*?)牵头(?:[，,；;]\s*((?:[^（()）]|[（(][^（()）]*[）)])*?)(?:配合|参与|协同|按职责分工负责|负责))?[^（()）]*[）)]/;
const NUMBERING = /^\s*(?:[-•*]|\d{1,3}\s*[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*/;

/** The task's name from an item's text (numbering and trailing punctuation removed). */
function titleOf(item: string): string {
  const numbered = /^\s*(?:\d{1,3}\s*[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)])/.test(item);
  const text = item
    .replace(NUMBERING, '')
    .replace(/\*\*/g, '')
    .replace(/[。；;，,\s]+$/, '')
    .trim();
  const sentences = text.split(/[。；;]/).map((x) => x.trim());
  // 「1. 精简项目审批手续。加快推进…」: a numbered item opens with its name.
  if (numbered && sentences.length > 1 && (sentences[0]?.length ?? 0) <= 40) return sentences[0] ?? '';
  // 「- 高标准深化全域更新。实施老旧小区改造提升工程」: the action's name, then the task.
  return sentences.at(-1) ?? '';
}

interface Item {
  text: string;
  /** The 牵头单位：… lines written under the item, joined. */
  marks: string;
  start: number;
  end: number;
}

/** Items with their units, whether on the item's line or on lines of their own below it. */
function proseItems(text: string): Item[] {
  const items: Item[] = [];
  let last: Item | null = null;
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const t = line.trim();
    if (t === '' || (/[\t|│]/.test(line) && cellsOf(line))) continue;
    if (MARK_LINE.test(t)) {
      if (last) {
        last.marks += `；${t}`;
        last.end = start + line.length;
      }
      continue;
    }
    last = { text: line, marks: '', start, end: start + line.length };
    items.push(last);
  }
  // Most lines name no unit: test the cheap substrings before the patterns.
  return items.filter(
    (i) =>
      i.marks !== '' ||
      ((i.text.includes('牵头') || i.text.includes('责任')) &&
        (LEAD_MARK.test(i.text) || LEAD_BY_VERB.test(i.text))),
  );
}

/** Lead and co-operating units of an item: 牵头单位：… / 责任单位：… / 配合单位：…, or X牵头，Y配合. */
function itemUnits(units$: string, byVerb: RegExpExecArray | null): { leads: string[]; co: string[] } {
  if (byVerb) return { leads: splitDepartments(byVerb[1] ?? ''), co: splitDepartments(byVerb[2] ?? '') };
  const first = unitsAfter('牵头单位|牵头部门', units$);
  const responsible = unitsAfter('责任单位|责任部门', units$);
  return {
    leads: splitDepartments(first ?? responsible ?? ''),
    co: [
      ...splitDepartments(unitsAfter('配合单位|配合部门|协同单位|参与单位', units$) ?? ''),
      // 牵头单位 given: 责任单位 are those who co-operate.
      ...(first !== null ? splitDepartments(responsible ?? '') : []),
    ],
  };
}

/** Items written as prose: 牵头单位：… on the item's line or below it, or （X牵头，Y配合）. */
function proseRows(text: string, year: number | undefined): Omit<TaskRow, 'row'>[] {
  const out: Omit<TaskRow, 'row'>[] = [];
  for (const item of proseItems(text)) {
    const byVerb = item.marks === '' && !LEAD_MARK.test(item.text) ? LEAD_BY_VERB.exec(item.text) : null;
    const markerAt = byVerb
      ? byVerb.index
      : item.marks !== ''
        ? item.text.length
        : item.text.search(/[（(]?(?:牵头单位|牵头部门|责任单位|责任部门)[:：]/);
    // Cut at the bracket that holds the units (（责任领导：…；牵头单位：…）), not at the marker.
    const before = item.text.slice(0, markerAt);
    const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
    const cut = open !== -1 && !/[）)]/.test(before.slice(open)) ? open : markerAt;
    const title = titleOf(item.text.slice(0, cut));
    if (title === '') continue;
    const units$ = `${item.text.slice(cut)}${item.marks}`;
    const { leads, co } = itemUnits(units$, byVerb);
    const written = PROSE_DUE.exec(units$)?.[1]?.trim() ?? deadlineInText(item.text.slice(0, cut));
    out.push({
      title,
      ...units(leads, co),
      due: written === null ? null : parseDeadline(written, year),
      dueText: written,
      start: item.start,
      end: item.end,
    });
  }
  return out;
}

/**
 * Every task row of a document, tables and prose, in document order. `year` (the document's)
 * dates deadlines written without one (5月底前, 全年); in a one-year task list (its title names
 * the year) a row without a deadline is due at that year's end.
 */
export function extractTaskRows(text: string, year?: number): TaskRow[] {
  const listYear = taskListYear(text);
  const y = year ?? listYear ?? undefined;
  return [...tableRows(text, y), ...proseRows(text, y)]
    .sort((a, b) => a.start - b.start)
    .map((r, i) => {
      const yearEnd =
        listYear !== null && (r.dueText === null || parseDeadline(r.dueText, listYear) !== null);
      return { ...r, due: r.due ?? (yearEnd ? `${listYear}-12-31` : null), row: i + 1 };
    });
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
