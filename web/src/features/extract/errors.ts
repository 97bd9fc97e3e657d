/** Field errors of a refused plan (`targets[3].year`) put back on the rows they belong to. */
import type { Draft, ListName } from './draft';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface RowErrors {
  /** Item key → its problems (field relative to the item: `year`, `actions[1].name`). */
  byKey: Map<string, FieldProblem[]>;
  /** Plan header field → message. */
  header: FieldProblem[];
  /** Anything that names no item. */
  other: FieldProblem[];
  /** List → how many of its rows have problems. */
  count: Partial<Record<ListName, number>>;
}

export const noErrors: RowErrors = { byKey: new Map(), header: [], other: [], count: {} };

const lists: ListName[] = ['goal_areas', 'indicators', 'targets', 'observations', 'programmes', 'tasks'];
const path = /^(\w+)(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$/;

export function mapErrors(d: Draft, errors: FieldProblem[]): RowErrors {
  const out: RowErrors = { byKey: new Map(), header: [], other: [], count: {} };
  for (const e of errors) {
    if (e.field === 'plan' || e.field.startsWith('plan.')) {
      out.header.push({ field: e.field.slice(5) || 'id', message: e.message });
      continue;
    }
    const m = path.exec(e.field);
    const list = lists.find((l) => l === m?.[1]);
    const row = list ? (d[list] as { _k: string }[])[Number(m?.[2] ?? m?.[3])] : undefined;
    if (!list || !row) {
      out.other.push(e);
      continue;
    }
    const had = out.byKey.get(row._k);
    if (!had) out.count[list] = (out.count[list] ?? 0) + 1;
    out.byKey.set(row._k, [...(had ?? []), { field: m?.[4] ?? '', message: e.message }]);
  }
  return out;
}
