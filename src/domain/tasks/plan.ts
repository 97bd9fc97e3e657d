/** Tasks of a plan file evaluated as of a day: what `shixiao tasks` prints. */
import type { PlanFile } from '../plan-file';
import { evaluateTask, type TaskEvaluation } from './evaluate';
import {
  defaultTaskRuleSettings,
  type TaskFacts,
  type TaskReportFacts,
  type TaskRuleSettings,
} from './types';

/** The plan's rule settings (`plan.settings.tasks`), defaults filled in. */
export function taskRuleSettingsOf(plan: PlanFile): TaskRuleSettings {
  return { ...defaultTaskRuleSettings, ...plan.plan.settings?.tasks };
}

/** A plan file task as the rules see it. */
export function taskFactsOf(task: PlanFile['tasks'][number]): TaskFacts {
  return {
    id: task.id,
    start: task.start,
    due: task.due,
    cycle: task.cycle,
    state: task.state,
    milestones: (task.milestones ?? []).map((m) => ({ title: m.title, due: m.due, done: m.done ?? null })),
  };
}

/** A plan file report as the rules see it (a report without `submitted` is undated: always known). */
export function taskReportFactsOf(report: PlanFile['task_reports'][number]): TaskReportFacts {
  return {
    period: report.period,
    submitted: report.submitted ?? null,
    percent: report.percent,
    status: report.status,
  };
}

/** Every task of the plan, in file order, evaluated as of `asOf`. */
export function evaluatePlanTasks(plan: PlanFile, asOf: string): TaskEvaluation[] {
  const settings = taskRuleSettingsOf(plan);
  const reports = new Map<string, TaskReportFacts[]>();
  for (const r of plan.task_reports) {
    const list = reports.get(r.task) ?? [];
    list.push(taskReportFactsOf(r));
    reports.set(r.task, list);
  }
  return plan.tasks.map((t) => evaluateTask(taskFactsOf(t), reports.get(t.id) ?? [], asOf, settings));
}
