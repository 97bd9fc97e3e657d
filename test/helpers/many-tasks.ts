/**
 * Many tasks (and reports) written straight into a plan, for the escalation race test and the
 * tasks benchmark: `count` tasks led by the plan's departments in turn, each overdue or due soon
 * as of mid-2026, with `reportsPerTask` monthly reports. Multi-row inserts, deterministic.
 */
import type { Db } from '../../src/db';

export interface ManyTasks {
  planId: number;
  tenantId: number;
  taskIds: number[];
  departments: { id: number; code: string }[];
}

/** The i-th month from 2025-07 (a year's monthly reports of a task running July to June). */
const month = (i: number) =>
  `${2025 + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}`;

export async function seedManyTasks(
  db: Db,
  opts: { planCode: string; count: number; reportsPerTask?: number; prefix?: string },
): Promise<ManyTasks> {
  const k = db.kysely;
  const plan = await k
    .selectFrom('plans')
    .select(['id', 'tenant_id'])
    .where('code', '=', opts.planCode)
    .executeTakeFirstOrThrow();
  const departments = await k
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('tenant_id', '=', plan.tenant_id)
    .orderBy('code')
    .execute();
  const at = '2025-07-01T00:00:00.000Z';
  const prefix = opts.prefix ?? 'many';
  const taskIds: number[] = [];
  for (let from = 0; from < opts.count; from += 500) {
    const rows = Array.from({ length: Math.min(500, opts.count - from) }, (_, j) => {
      const i = from + j;
      const d = departments[i % departments.length];
      // Due dates spread over May–July 2026: as of mid-June some are overdue, some due soon.
      const due = `2026-${String(5 + (i % 3)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      return {
        tenant_id: plan.tenant_id,
        plan_id: plan.id,
        action_id: null,
        code: `${prefix}-${i}`,
        title: `批量任务 ${i}`,
        lead_department_id: d.id,
        co_department_ids: '[]',
        responsible_leader: i % 4 === 0 ? '分管副区长' : null,
        start_date: '2025-07-01',
        due_date: due,
        reporting_cycle: 'monthly',
        state: 'in_progress',
        percent: 0,
        version: 1,
        created_at: at,
        updated_at: at,
        title_en: null,
        description: null,
        position: 10_000 + i,
      };
    });
    const ids = await k.insertInto('tasks').values(rows).returning('id').execute();
    taskIds.push(...ids.map((r) => r.id));
  }
  const perTask = opts.reportsPerTask ?? 0;
  const reports = taskIds.flatMap((taskId, t) =>
    Array.from({ length: perTask }, (_, r) => ({
      tenant_id: plan.tenant_id,
      task_id: taskId,
      period: month(r),
      progress: `第${r + 1}期进展`,
      problems: null,
      next_steps: null,
      percent: Math.min(100, r * 2 + (t % 7)),
      status: r % 9 === 8 ? 'returned' : 'accepted',
      submitted_by: null,
      submitted_at: `${month(r)}-28T08:00:00.000Z`,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
      submitted_label: 'seed',
      reviewed_label: null,
    })),
  );
  for (let i = 0; i < reports.length; i += 1000) {
    await k
      .insertInto('task_reports')
      .values(reports.slice(i, i + 1000))
      .execute();
  }
  return { planId: plan.id, tenantId: plan.tenant_id, taskIds, departments };
}
