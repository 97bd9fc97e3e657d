/**
 * Scores drafted tasks against the hand labels of a task-division table (test/extract-sets/tasks):
 * a labelled row is found when a drafted task's title holds the label's title (or the reverse,
 * punctuation and spaces ignored); it is right when its lead department and due date are. Pure.
 */

/** One labelled row: the unit names as the plan's departments call them (or as written). */
export interface GoldTaskRow {
  title: string;
  lead: string;
  co: string[];
  /** `YYYY-MM-DD`, or null when the document gives none (the draft must then flag the row). */
  due: string | null;
}

/** A drafted task with its departments as names. */
export interface DraftedTaskRow {
  title: string;
  lead: string | null;
  co: string[];
  due: string;
  /** True when the draft warned that the row's deadline is not a date (so `due` is a default). */
  dueFlagged: boolean;
}

export interface TaskScore {
  /** Labelled rows. */
  total: number;
  found: number;
  /** Found with the right lead department and due date: the goal's figure. */
  leadAndDue: number;
  lead: number;
  due: number;
  /** Found with exactly the labelled co-operating units (order ignored). */
  co: number;
  /** Drafted tasks that match no labelled row. */
  spurious: number;
  /** What went wrong, one line per labelled row that is not fully right. */
  problems: string[];
}

const fold = (s: string): string => s.replace(/[\s*“”"‘’'、，,。.；;：:（）()《》〈〉!！?？]/g, '');

/** True when one title holds the other (a label often gives only the task's opening words). */
function sameTask(gold: string, drafted: string): boolean {
  const g = fold(gold);
  const d = fold(drafted);
  if (g === '' || d.length < 4) return false;
  return d.includes(g) || g.includes(d);
}

const dueRight = (gold: GoldTaskRow, t: DraftedTaskRow): boolean =>
  gold.due === null ? t.dueFlagged : !t.dueFlagged && t.due === gold.due;

/** A score with nothing counted yet, for `total` labelled rows. */
export function emptyTaskScore(total = 0): TaskScore {
  return { total, found: 0, leadAndDue: 0, lead: 0, due: 0, co: 0, spurious: 0, problems: [] };
}

/** Scores one document's drafted tasks; each drafted task answers at most one label. */
export function scoreTaskRows(drafted: readonly DraftedTaskRow[], gold: readonly GoldTaskRow[]): TaskScore {
  const used = new Set<number>();
  const score = emptyTaskScore(gold.length);
  for (const g of gold) {
    const i = drafted.findIndex((t, k) => !used.has(k) && sameTask(g.title, t.title));
    const t = drafted[i];
    if (i === -1 || !t) {
      score.problems.push(`missed   ${g.title}`);
      continue;
    }
    used.add(i);
    score.found++;
    const leadOk = t.lead === g.lead;
    const dueOk = dueRight(g, t);
    const coOk = [...t.co].sort().join('、') === [...g.co].sort().join('、');
    if (leadOk) score.lead++;
    if (dueOk) score.due++;
    if (leadOk && dueOk) score.leadAndDue++;
    if (coOk) score.co++;
    if (!leadOk) score.problems.push(`lead     ${g.title}: got ${t.lead ?? '—'}, want ${g.lead}`);
    if (!dueOk) {
      const got = t.dueFlagged ? `${t.due} (flagged)` : t.due;
      score.problems.push(`due      ${g.title}: got ${got}, want ${g.due ?? 'none (flagged)'}`);
    }
    if (!coOk)
      score.problems.push(
        `co       ${g.title}: got ${t.co.join('、') || '—'}, want ${g.co.join('、') || '—'}`,
      );
  }
  score.spurious = drafted.length - used.size;
  drafted.forEach((t, k) => {
    if (!used.has(k)) score.problems.push(`spurious ${t.title}`);
  });
  return score;
}
