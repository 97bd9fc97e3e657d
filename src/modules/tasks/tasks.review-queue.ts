/**
 * The supervisor's review queue (督查: 待我审核): submitted progress reports and pending
 * extension requests of the tasks the caller sees, oldest first. Reports the caller filed are
 * left out (nobody reviews their own). Each item carries the version its review call expects.
 */
import type { ReviewQueue, ReviewQueueItem } from '../../contracts/tasks';
import type { Db } from '../../db';
import { loadPlanContext, type Caller, type PlanContext } from './tasks.context';
import { canSeeTask, requireSupervisor } from './tasks.policy';
import * as repo from './tasks.repository';

const empty = {
  period: null,
  percent: null,
  progress: null,
  previous_due: null,
  requested_due: null,
  reason: null,
} as const;

function taskFields(ctx: PlanContext, task: repo.TaskRow) {
  const lead = task.lead_department_id === null ? undefined : ctx.departmentById.get(task.lead_department_id);
  return {
    task: task.code,
    title: task.title,
    department: lead ? { id: lead.code, name: lead.name, name_en: lead.name_en } : null,
  };
}

const byDate = (a: ReviewQueueItem, b: ReviewQueueItem) =>
  (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.task.localeCompare(b.task);

export async function reviewQueue(db: Db, caller: Caller, planCode: string): Promise<ReviewQueue> {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const planId = ctx.structure.plan.id;
  const visible = new Map(
    (await repo.listTasks(db.kysely, planId))
      .filter((t) => canSeeTask(caller.actor, t))
      .map((t) => [t.id, t]),
  );
  const me = caller.actor.kind === 'user' ? caller.actor.userId : null;
  const items: ReviewQueueItem[] = [];
  for (const r of await repo.pendingReportsOfPlan(db.kysely, planId)) {
    const task = visible.get(r.task_id);
    if (!task || (me !== null && r.submitted_by === me)) continue;
    items.push({
      kind: 'report',
      ...taskFields(ctx, task),
      ...empty,
      submitted_by: r.submitted_display ?? r.submitted_label ?? '',
      submitted_at: r.submitted_at,
      if_version: r.version,
      period: r.period,
      percent: r.percent,
      progress: r.progress,
      illustrative: r.illustrative === 1 || task.illustrative === 1,
    });
  }
  for (const e of await repo.pendingExtensionsOfPlan(db.kysely, planId)) {
    const task = visible.get(e.task_id);
    if (!task) continue;
    items.push({
      kind: 'extension',
      ...taskFields(ctx, task),
      ...empty,
      submitted_by: e.requested_display ?? e.requested_label,
      submitted_at: e.requested_at,
      if_version: task.version,
      previous_due: e.previous_due,
      requested_due: e.requested_due,
      reason: e.reason,
      illustrative: task.illustrative === 1,
    });
  }
  return { items: items.sort(byDate) };
}
