/**
 * A plan's tasks as the portal and publishing need them, read through the tasks module as a
 * reader of every department (the portal is not a person; nothing is written). The public's
 * progress of a task counts accepted reports only: a submitted 58% stays inside until accepted.
 */
import type { PublicTask } from '../../contracts/portal';
import type { TaskDetail, TaskSummary } from '../../contracts/tasks';
import type { Db } from '../../db';
import { internalReader } from '../caller';
import { getTask, listTasks, type TaskCaller } from '../tasks';

/** A caller that reads every task of the tenant and may do nothing else. */
function reader(tenantId: number, asOf: string): TaskCaller {
  return internalReader(tenantId, ['task:read'], new Date(`${asOf}T12:00:00Z`));
}

/** Every task of a plan the caller may see, lit as of a day (all pages). */
export async function allTasks(
  db: Db,
  caller: TaskCaller,
  plan: string,
  asOf: string,
): Promise<TaskSummary[]> {
  const out: TaskSummary[] = [];
  for (let page = 1; ; page++) {
    const list = await listTasks(db, caller, plan, { as_of: asOf, page, page_size: 200 });
    out.push(...list.tasks);
    if (out.length >= list.total || list.tasks.length === 0) return out;
  }
}

/** Every task of a plan (for the supervisor's publishing list). */
export function planTasks(db: Db, tenantId: number, plan: string, asOf: string): Promise<TaskSummary[]> {
  return allTasks(db, reader(tenantId, asOf), plan, asOf);
}

/** The public view of one task from its detail: accepted reports only. */
export function publicTask(d: TaskDetail, asOf: string): PublicTask & { programme: string | null } {
  let latest: TaskDetail['reports'][number] | null = null;
  for (const r of d.reports) {
    if (r.status !== 'accepted') continue;
    if (latest === null || r.period > latest.period) latest = r;
  }
  const completed = d.state === 'completed';
  const progress: PublicTask['progress'] = completed
    ? 'completed'
    : d.start !== null && asOf < d.start
      ? 'not_started'
      : d.due !== null && d.due < asOf
        ? 'overdue'
        : 'in_progress';
  return {
    id: d.id,
    title: d.title,
    action: d.action,
    programme: d.programme,
    lead_department: d.lead_department,
    co_departments: d.co_departments,
    start: d.start,
    due: d.due,
    progress,
    percent: latest?.percent ?? (completed ? 100 : null),
    reported: latest?.period ?? null,
    illustrative: d.illustrative,
  };
}

/** The published tasks of a plan in the public's shape, in plan order. */
export async function publishedTasks(
  db: Db,
  tenantId: number,
  plan: string,
  asOf: string,
  isShown: (code: string) => boolean,
): Promise<(PublicTask & { programme: string | null })[]> {
  const caller = reader(tenantId, asOf);
  const shown = (await allTasks(db, caller, plan, asOf)).filter((t) => isShown(t.id));
  const details = await Promise.all(shown.map((t) => getTask(db, caller, plan, t.id, asOf)));
  return details.map((d) => publicTask(d, asOf));
}
