/**
 * The cockpit's task lights: every task the caller may see, lit by the tasks module as of the
 * cockpit's day (all pages, one read), counted by light, red first, and the tasks with something
 * overdue (a report, a milestone, the task itself) grouped by lead department.
 */
import type { CockpitTask, CockpitTasks } from '../../contracts/cockpit';
import type { TaskSummary } from '../../contracts/tasks';
import type { Db } from '../../db';
import type { Caller } from '../caller';
import { listTasks } from '../tasks';

const order = { red: 0, yellow: 1, green: 2, blue: 3 } as const;

/** Every task the caller may see, lit as of `asOf` (all pages). */
export async function allTasks(db: Db, caller: Caller, plan: string, asOf: string): Promise<TaskSummary[]> {
  const out: TaskSummary[] = [];
  for (let page = 1; ; page++) {
    const list = await listTasks(db, caller, plan, { as_of: asOf, page, page_size: 200 });
    out.push(...list.tasks);
    if (out.length >= list.total || list.tasks.length === 0) return out;
  }
}

/** The task lights, or null for a caller who may not read tasks. */
export async function cockpitTasks(
  db: Db,
  caller: Caller,
  plan: string,
  asOf: string,
): Promise<CockpitTasks | null> {
  if (!caller.actor.permissions.has('task:read')) return null;
  const tasks = await allTasks(db, caller, plan, asOf);
  return presentTasks(tasks);
}

/** Counts, the tasks red first, and what is overdue by lead department (most first). */
export function presentTasks(tasks: readonly TaskSummary[]): CockpitTasks {
  const counts = { red: 0, yellow: 0, green: 0, blue: 0 };
  const items: CockpitTask[] = tasks.map((t) => {
    counts[t.light] += 1;
    return {
      id: t.id,
      title: t.title,
      programme: t.programme,
      lead_department: t.lead_department,
      due: t.due,
      percent: t.percent,
      light: t.light,
      reasons: t.reasons.map(({ zh, en }) => ({ zh, en })),
    };
  });
  items.sort((a, b) => order[a.light] - order[b.light]);
  const groups = new Map<string, CockpitTasks['overdue'][number]>();
  for (const t of tasks) {
    const late = t.reasons.filter((r) => r.code === 'overdue');
    if (late.length === 0) continue;
    const key = t.lead_department?.id ?? '';
    const group = groups.get(key) ?? { department: t.lead_department, count: 0, items: [] };
    group.count += 1;
    group.items.push({ task: t.id, title: t.title, reasons: late.map(({ zh, en }) => ({ zh, en })) });
    groups.set(key, group);
  }
  const overdue = [...groups.values()].sort((a, b) => b.count - a.count);
  return { total: tasks.length, counts, items, overdue };
}
