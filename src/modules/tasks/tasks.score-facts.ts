/**
 * What the department scorecards count of task supervision in a span of days: report deadlines
 * and whether each report was filed in time, tasks due and whether they were completed in time,
 * reviews (accepted or returned), targets linked to each department's tasks, and the 督办
 * notices sent. Facts only; the points are the domain's (src/domain/tasks/scorecard.ts).
 */
import type { Db } from '../../db';
import { reportSchedule } from '../../domain/tasks';
import { noticesRecordedBetween } from '../notify';
import { planContextOf } from './tasks.context';
import { factsOf } from './tasks.evaluate';
import * as facts from './score-facts.repository';
import * as repo from './tasks.repository';

export interface TaskScoreFacts {
  departments: { id: number; code: string; name: string; name_en: string | null }[];
  /** Report periods due in the span: filed (not returned) on or before the deadline? */
  reports: { department_id: number; label: string; due: string; on_time: boolean }[];
  /** Tasks due in the span: completed on or before the due date? */
  completions: { department_id: number; label: string; due: string; on_time: boolean }[];
  /** Reviews of reports recorded in the span. */
  reviews: { department_id: number; label: string; accepted: boolean }[];
  /** Target codes linked to each department's led tasks. */
  targets: Map<number, Set<string>>;
  /** 督办 notices recorded in the span, by task. */
  notices: { department_id: number; label: string }[];
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Facts of the plan's tasks for deadlines from `from` to `to` (days, both included). */
export async function taskScoreFacts(
  db: Db,
  tenantId: number,
  planCode: string,
  from: string,
  to: string,
): Promise<TaskScoreFacts> {
  const ctx = await planContextOf(db, tenantId, planCode);
  const planId = ctx.structure.plan.id;
  const k = db.kysely;
  const end = nextDay(to); // ISO times before this are in the span
  const tasks = (await repo.listTasks(k, planId)).filter((t) => t.lead_department_id !== null);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const reportsBy = new Map<number, Awaited<ReturnType<typeof repo.reportFactsOfPlan>>>();
  for (const r of await repo.reportFactsOfPlan(k, planId)) {
    const list = reportsBy.get(r.task_id) ?? [];
    list.push(r);
    reportsBy.set(r.task_id, list);
  }
  const completedAt = new Map((await facts.completions(k, planId)).map((c) => [c.task_id, String(c.at)]));

  const out: TaskScoreFacts = {
    departments: ctx.structure.departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      name_en: d.name_en,
    })),
    reports: [],
    completions: [],
    reviews: [],
    targets: new Map(),
    notices: [],
  };
  for (const t of tasks) {
    const department_id = t.lead_department_id!;
    const f = factsOf(t, []);
    const filed = reportsBy.get(t.id) ?? [];
    for (const p of reportSchedule(f.start, f.due, f.cycle, ctx.settings.report_grace_days)) {
      if (p.due < from || p.due > to) continue;
      const r = filed.find((x) => x.period === p.period && x.status !== 'returned');
      const day = r?.submitted_at?.slice(0, 10);
      out.reports.push({
        department_id,
        label: `${t.code} ${p.period}`,
        due: p.due,
        on_time: r !== undefined && (day === undefined || day <= p.due),
      });
    }
    if (f.due >= from && f.due <= to) {
      // A task completed by an accepted 100% report in the plan file has no event: its report's day counts.
      const byReport = filed.find((x) => x.percent === 100 && x.status === 'accepted')?.submitted_at;
      const done = completedAt.get(t.id) ?? byReport ?? (t.state === 'completed' ? f.due : undefined);
      out.completions.push({
        department_id,
        label: t.code,
        due: f.due,
        on_time: done !== undefined && done.slice(0, 10) <= f.due,
      });
    }
  }
  for (const r of await facts.reviews(k, planId, from, end)) {
    const t = byId.get(r.task_id);
    if (t)
      out.reviews.push({
        department_id: t.lead_department_id!,
        label: t.code,
        accepted: r.kind === 'report_accept',
      });
  }
  for (const l of (await repo.linksOfPlan(k, planId)).targets) {
    const t = byId.get(l.task_id);
    const code = ctx.targetById.get(l.target_id)?.code;
    if (!t || !code) continue;
    const set = out.targets.get(t.lead_department_id!) ?? new Set<string>();
    set.add(code);
    out.targets.set(t.lead_department_id!, set);
  }
  for (const n of await noticesRecordedBetween(db, tenantId, 'task-escalation', 'notice', from, end)) {
    const t = byId.get(Number(n.object.replace(/^task:/, '')));
    if (t) out.notices.push({ department_id: t.lead_department_id!, label: t.code });
  }
  return out;
}
