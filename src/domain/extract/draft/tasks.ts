/**
 * Drafts a plan's `tasks` from the task-division rows of its document (任务分解表, 牵头单位：…):
 * each row under the action it stands in (or the action whose name it shares most with), its
 * lead and co-operating departments matched to the plan's departments, and its due date. A name
 * that matches no department becomes a proposed department and a warning for the reviewer: it
 * is never silently dropped. Pure.
 */
import type { DepartmentDef, TaskDef } from '../../plan-file';
import { extractTaskRows, matchDepartment, type DepartmentName, type TaskRow } from '../tasks';

/** An action of the draft with the span of the document it came from. */
export interface DraftAction {
  id: string;
  name: string;
  start: number;
  end: number;
}

/** Something the reviewer must look at, with the row of the task table it concerns. */
export interface DraftWarning {
  row: number;
  message: string;
}

export interface DraftedTasks {
  tasks: TaskDef[];
  /** The known departments the tasks name, then those proposed for names none matched. */
  departments: DepartmentDef[];
  warnings: DraftWarning[];
  rows: TaskRow[];
}

const STOP_CHARS = /[的和与及、，。\s]/;

/** The distinct characters of a name that count for likeness (not 的和与及 or punctuation). */
function charsOf(name: string): Set<string> {
  const out = new Set<string>();
  for (const ch of name) if (!STOP_CHARS.test(ch)) out.add(ch);
  return out;
}

/**
 * Finds the action a row belongs to: the one whose span holds it, else the most alike by name
 * (characters shared, a cheap, order-free likeness that suits Chinese titles; at least two; the
 * first action on a tie). Actions are indexed by character once, so a row is compared only with
 * the actions that share a character with it, not with every action of the plan.
 */
function actionFinder(actions: readonly DraftAction[]): (row: TaskRow) => DraftAction | undefined {
  const byChar = new Map<string, number[]>();
  actions.forEach((a, i) => {
    for (const ch of charsOf(a.name)) {
      const list = byChar.get(ch);
      if (list) list.push(i);
      else byChar.set(ch, [i]);
    }
  });
  // Spans in document order: the rows come in order too, so the holding action is found by search.
  const spans = actions.map((a, i) => ({ start: a.start, end: a.end, i })).sort((x, y) => x.start - y.start);
  const score = new Int32Array(actions.length);
  return (row) => {
    let holding = -1;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid]?.start ?? 0) <= row.start) lo = mid + 1;
      else hi = mid;
    }
    // The last action starting at or before the row that still holds it (spans may nest).
    for (let k = lo - 1; k >= 0; k--) {
      const s = spans[k];
      if (s && row.start < s.end) {
        holding = Math.max(holding, s.i);
        break;
      }
    }
    if (holding >= 0) return actions[holding];
    const touched: number[] = [];
    for (const ch of charsOf(row.title)) {
      for (const i of byChar.get(ch) ?? []) {
        if (score[i] === 0) touched.push(i);
        score[i] = (score[i] ?? 0) + 1;
      }
    }
    let best = -1;
    let bestScore = 1; // at least two shared characters
    for (const i of touched) {
      const sc = score[i] ?? 0;
      if (sc > bestScore || (sc === bestScore && best !== -1 && i < best)) [best, bestScore] = [i, sc];
      score[i] = 0;
    }
    return best === -1 ? undefined : actions[best];
  };
}

/**
 * Drafts the tasks of a document. `known` are the plan's (or tenant's) departments; `fallback`
 * is the action given to a row no action matches (the caller creates it when used).
 */
export function draftTasks(input: {
  text: string;
  actions: readonly DraftAction[];
  known: readonly DepartmentName[];
  year: number;
  end: number;
  fallback: DraftAction;
}): DraftedTasks {
  const rows = extractTaskRows(input.text, input.year);
  const proposed: DepartmentDef[] = [];
  const used: DepartmentDef[] = [];
  const warnings: DraftWarning[] = [];
  const departmentId = (written: string, row: number): string => {
    const found =
      matchDepartment(written, input.known) ??
      proposed.find((d) => d.name === written)?.id ??
      matchDepartment(written, proposed);
    if (found !== null && found !== undefined) {
      const k = input.known.find((d) => d.id === found);
      if (k && !used.some((d) => d.id === k.id)) used.push({ id: k.id, name: k.name });
      return found;
    }
    const id = `dept-${String(proposed.length + 1).padStart(2, '0')}`;
    proposed.push({ id, name: written });
    warnings.push({ row, message: `未匹配的单位“${written}”：已作为新单位 ${id} 列入草稿，请核对` });
    return id;
  };
  const perAction = new Map<string, number>();
  const actionFor = actionFinder(input.actions);
  const tasks = rows.map((r): TaskDef => {
    const action = actionFor(r) ?? input.fallback;
    const k = (perAction.get(action.id) ?? 0) + 1;
    perAction.set(action.id, k);
    if (r.lead === null) warnings.push({ row: r.row, message: '未写明牵头单位' });
    if (r.due === null) {
      warnings.push({
        row: r.row,
        message: `完成时限“${r.dueText ?? ''}”不是日期：暂定为规划期末 ${input.end}-12-31`,
      });
    }
    const due = r.due ?? `${input.end}-12-31`;
    const start = `${Math.min(input.year, Number(due.slice(0, 4)))}-01-01`;
    const co = [...new Set(r.co.map((c) => departmentId(c, r.row)))];
    return {
      id: `${action.id}-t${k}`,
      action: action.id,
      title: r.title.slice(0, 2000),
      ...(r.lead !== null ? { lead_department: departmentId(r.lead, r.row) } : {}),
      ...(co.length > 0 ? { co_departments: co } : {}),
      start,
      due,
      cycle: 'monthly',
    };
  });
  return { tasks, departments: [...used, ...proposed], warnings, rows };
}
