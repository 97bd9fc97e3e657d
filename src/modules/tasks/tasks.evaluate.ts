/**
 * Feeds stored tasks to the pure rules (src/domain/tasks): rows → facts, then one evaluation per
 * task as of a day. The rules themselves live in the domain, never here.
 */
import type { Db } from '../../db';
import { groupBy } from '../../domain/collections';
import {
  evaluateTask,
  type ReportCycle,
  type ReportStatus,
  type TaskEvaluation,
  type TaskFacts,
  type TaskReportFacts,
  type TaskState,
} from '../../domain/tasks';
import type { PlanContext } from './tasks.context';
import * as repo from './tasks.repository';

type MilestoneRow = { task_id: number; name: string; due_date: string; done_at: string | null };
type ReportFactRow = {
  task_id: number;
  period: string;
  submitted_at: string | null;
  percent: number;
  status: string;
};

/** The facts of a task row; a task stored without dates spans the day it was created. */
export function factsOf(task: repo.TaskRow, milestones: readonly MilestoneRow[]): TaskFacts {
  const created = task.created_at.slice(0, 10);
  const start = task.start_date ?? created;
  return {
    id: task.code,
    start,
    due: task.due_date ?? start,
    cycle: task.reporting_cycle as ReportCycle,
    state: task.state as TaskState,
    milestones: milestones.map((m) => ({ title: m.name, due: m.due_date, done: m.done_at })),
  };
}

export function reportFactsOf(rows: readonly ReportFactRow[]): TaskReportFacts[] {
  return rows.map((r) => ({
    period: r.period,
    submitted: r.submitted_at === null ? null : r.submitted_at.slice(0, 10),
    percent: r.percent,
    status: r.status as ReportStatus,
  }));
}

const group = <T extends { task_id: number }>(rows: readonly T[]) => groupBy(rows, (r) => r.task_id);

/** An evaluation with the periods whose report the supervisor returned (owed again by the liaison). */
export type LitTask = TaskEvaluation & { readonly returned: readonly string[] };

const lit = (evaluation: TaskEvaluation, reports: readonly ReportFactRow[], asOf: string): LitTask => ({
  ...evaluation,
  returned: reports
    .filter(
      (r) => r.status === 'returned' && (r.submitted_at === null || r.submitted_at.slice(0, 10) <= asOf),
    )
    .map((r) => r.period),
});

/** Evaluates every task of the plan as of `asOf` (two queries for all milestones and reports). */
export async function evaluatePlanTasks(
  db: Db,
  ctx: PlanContext,
  tasks: readonly repo.TaskRow[],
  asOf: string,
): Promise<Map<number, LitTask>> {
  const planId = ctx.structure.plan.id;
  const [milestones, reports] = await Promise.all([
    repo.milestonesOfPlan(db.kysely, planId),
    repo.reportFactsOfPlan(db.kysely, planId),
  ]);
  const milestonesBy = group(milestones);
  const reportsBy = group(reports);
  return new Map(
    tasks.map((t) => [
      t.id,
      lit(
        evaluateTask(
          factsOf(t, milestonesBy.get(t.id) ?? []),
          reportFactsOf(reportsBy.get(t.id) ?? []),
          asOf,
          ctx.settings,
        ),
        reportsBy.get(t.id) ?? [],
        asOf,
      ),
    ]),
  );
}

/** Evaluates one task from its own milestones and reports. */
export function evaluateOne(
  ctx: PlanContext,
  task: repo.TaskRow,
  milestones: readonly MilestoneRow[],
  reports: readonly ReportFactRow[],
  asOf: string,
): LitTask {
  return lit(
    evaluateTask(factsOf(task, milestones), reportFactsOf(reports), asOf, ctx.settings),
    reports,
    asOf,
  );
}
