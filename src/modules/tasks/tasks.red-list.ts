/**
 * The red list (督办事项) as of a day: tasks on the 督办 step with when the notice went out,
 * tasks past their own due date, and report periods past their deadline. Same rules as the
 * board and the escalation job (src/domain/tasks); a department sees only its own tasks.
 */
import type { RedList, RedListEntry, RedListQuery } from '../../contracts/task-red-list';
import type { Db } from '../../db';
import { daysBetween } from '../../domain/periods';
import { formatTaskReason, type TaskEvaluation, type UnmetDate } from '../../domain/tasks';
import { noticesSentAt } from '../notify';
import { loadPlanContext, today, type Caller, type PlanContext } from './tasks.context';
import { evaluatePlanTasks } from './tasks.evaluate';
import { canSeeTask } from './tasks.policy';
import * as repo from './tasks.repository';

/** The job whose notices the red list reports (tasks.jobs.ts). */
const escalationJob = 'task-escalation';

function entryOf(
  ctx: PlanContext,
  task: repo.TaskRow,
  u: UnmetDate,
  asOf: string,
  notice: boolean,
): RedListEntry {
  const lead = task.lead_department_id === null ? undefined : ctx.departmentById.get(task.lead_department_id);
  const action = task.action_id === null ? undefined : ctx.actionById.get(task.action_id);
  const days = daysBetween(u.date, asOf);
  const reason = { code: 'overdue' as const, params: { item: u.item, date: u.date, days, notice } };
  return {
    task: task.code,
    title: task.title,
    action: action?.code ?? null,
    lead_department: lead ? { id: lead.code, name: lead.name, name_en: lead.name_en } : null,
    leader: task.responsible_leader,
    item: { ...u.item },
    date: u.date,
    days,
    reason: { zh: formatTaskReason(reason, 'zh'), en: formatTaskReason(reason, 'en') },
  };
}

const byDays = (a: RedListEntry, b: RedListEntry) => b.days - a.days || a.task.localeCompare(b.task);

export async function redList(
  db: Db,
  caller: Caller,
  planCode: string,
  query: RedListQuery,
): Promise<RedList> {
  const ctx = await loadPlanContext(db, caller, planCode);
  const asOf = query.as_of ?? today(caller);
  const department = query.department === undefined ? undefined : ctx.departmentByCode.get(query.department);
  const tasks = (await repo.listTasks(db.kysely, ctx.structure.plan.id)).filter(
    (t) =>
      canSeeTask(caller.actor, t) &&
      (query.department === undefined ||
        (department !== undefined && t.lead_department_id === department.id)),
  );
  const evaluations = await evaluatePlanTasks(db, ctx, tasks, asOf);
  const notices: { task: repo.TaskRow; entry: RedListEntry }[] = [];
  const overdueTasks: RedListEntry[] = [];
  const overdueReports: RedListEntry[] = [];
  for (const task of tasks) {
    const e: TaskEvaluation | undefined = evaluations.get(task.id);
    if (!e) continue;
    const late = e.unmet.filter((u) => u.date < asOf);
    const notice = (u: UnmetDate) => daysBetween(u.date, asOf) > ctx.settings.notice_after_days;
    if (e.escalation === 'notice' && late[0])
      notices.push({ task, entry: entryOf(ctx, task, late[0], asOf, true) });
    for (const u of late) {
      if (u.item.kind === 'task') overdueTasks.push(entryOf(ctx, task, u, asOf, notice(u)));
      if (u.item.kind === 'report') overdueReports.push(entryOf(ctx, task, u, asOf, notice(u)));
    }
  }
  const sent = await noticesSentAt(
    db,
    caller.actor.tenantId,
    escalationJob,
    'notice',
    notices.map((n) => `task:${n.task.id}`),
  );
  return {
    as_of: asOf,
    notice_after_days: ctx.settings.notice_after_days,
    notices: notices
      .map(({ task, entry }) => ({
        ...entry,
        notice_sent_at: sent.get(`task:${task.id}|${entry.date}`) ?? null,
      }))
      .sort(byDays),
    overdue_tasks: overdueTasks.sort(byDays),
    overdue_reports: overdueReports.sort(byDays),
  };
}
