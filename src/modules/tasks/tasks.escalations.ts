/**
 * What the jobs runner sends (提醒 → 催办 → 督办): for an instant, every open task whose rules put
 * it on an escalation step, with the date the step is about, the lead department and a message
 * in Chinese and English. Pure reading: the runner keeps the unique key (job, task, step, due)
 * so each notice goes out once.
 */
import type { Db } from '../../db';
import { daysBetween } from '../../domain/periods';
import { listPlanRefs } from '../plans';
import { planContextOf } from './tasks.context';
import { evaluatePlanTasks } from './tasks.evaluate';
import * as repo from './tasks.repository';
import { formatTaskReason, type TaskReason } from '../../domain/tasks';

export type EscalationStepDue = 'reminder' | 'urge' | 'notice';

export interface TaskEscalation {
  tenant_id: number;
  plan: string;
  /** Task code and internal id (the id is stable across renames; use it in the unique key). */
  task: string;
  task_id: number;
  title: string;
  step: EscalationStepDue;
  /**
   * The date the step is about: for a reminder, the unmet date falling due soonest; for an urge
   * or notice, the oldest unmet date already missed. A new missed date opens a new key.
   */
  due: string;
  /** Days past `due` (0 for a reminder). */
  overdue_days: number;
  lead_department: { id: number; code: string; name: string } | null;
  co_department_ids: number[];
  message: { zh: string; en: string };
}

const wording: Record<EscalationStepDue, { zh: [string, string]; en: [string, string] }> = {
  reminder: { zh: ['【提醒】', '，请按时办理。'], en: ['Reminder — ', '. Please act in time.'] },
  urge: { zh: ['【催办】', '，请尽快办理并报送进展。'], en: ['Urge — ', '. Act and report now.'] },
  notice: {
    zh: ['【督办】', '，现予督办，并列入督查通报。'],
    en: ['Formal notice — ', '. The task will be named in the supervision bulletin.'],
  },
};

/**
 * Every task on an escalation step at `at` (its UTC day is the as-of date of the rules), across
 * all tenants and plans, or one tenant's. Completed tasks and tasks not yet started are never on a
 * step (the rules say so).
 */
export async function taskEscalationsDue(
  db: Db,
  at: Date,
  opts: { tenantId?: number } = {},
): Promise<TaskEscalation[]> {
  const asOf = at.toISOString().slice(0, 10);
  const out: TaskEscalation[] = [];
  const plans = (await listPlanRefs(db)).filter(
    (p) => opts.tenantId === undefined || p.tenantId === opts.tenantId,
  );
  for (const ref of plans) {
    const ctx = await planContextOf(db, ref.tenantId, ref.code);
    const tasks = await repo.listTasks(db.kysely, ctx.structure.plan.id);
    if (tasks.length === 0) continue;
    const evaluations = await evaluatePlanTasks(db, ctx, tasks, asOf);
    for (const task of tasks) {
      const e = evaluations.get(task.id);
      if (!e || e.escalation === 'none') continue;
      const step = e.escalation;
      const unmet = step === 'reminder' ? e.unmet.find((u) => u.date >= asOf) : e.unmet[0];
      if (!unmet) continue;
      const days = step === 'reminder' ? daysBetween(asOf, unmet.date) : daysBetween(unmet.date, asOf);
      const reason: TaskReason =
        step === 'reminder'
          ? { code: 'due_soon', params: { item: unmet.item, date: unmet.date, days } }
          : {
              code: 'overdue',
              params: { item: unmet.item, date: unmet.date, days, notice: step === 'notice' },
            };
      const lead =
        task.lead_department_id === null ? undefined : ctx.departmentById.get(task.lead_department_id);
      const w = wording[step];
      out.push({
        tenant_id: ref.tenantId,
        plan: ref.code,
        task: task.code,
        task_id: task.id,
        title: task.title,
        step,
        due: unmet.date,
        overdue_days: step === 'reminder' ? 0 : days,
        lead_department: lead ? { id: lead.id, code: lead.code, name: lead.name } : null,
        co_department_ids: (JSON.parse(task.co_department_ids) as number[]).filter(
          (d) => typeof d === 'number',
        ),
        message: {
          zh: `${w.zh[0]}任务“${task.title}”：${formatTaskReason(reason, 'zh')}${w.zh[1]}`,
          en: `${w.en[0]}task “${task.title}”: ${formatTaskReason(reason, 'en')}${w.en[1]}`,
        },
      });
    }
  }
  return out;
}
