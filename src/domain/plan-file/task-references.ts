/**
 * Cross-reference checks of tasks and task reports: unique ids, actions, departments, targets and
 * indicators that exist, report periods of the task's cycle inside the task's span.
 */
import { parseReportPeriod, periodInSpan } from '../tasks/cycles';
import type { ReportCycle } from '../tasks/types';
import type { ReferenceProblem } from './references';
import type { PlanFile } from './schema';

const cycleFormat: Record<ReportCycle, string> = {
  weekly: 'YYYY-Www',
  monthly: 'YYYY-MM',
  quarterly: 'YYYY-Qn',
};

/** Appends every task and task report problem to `out`, in file order. */
export function checkTaskReferences(plan: PlanFile, out: ReferenceProblem[]): void {
  const actions = new Set(plan.programmes.flatMap((p) => p.actions.map((a) => a.id)));
  // Departments are checked only when the plan lists them (CONTRACT.md).
  const departments = plan.departments.length > 0 ? new Set(plan.departments.map((d) => d.id)) : null;
  const targets = new Set(plan.targets.map((t) => t.id));
  const indicators = new Set(plan.indicators.map((i) => i.id));
  const tasks = new Map<string, PlanFile['tasks'][number]>();

  plan.tasks.forEach((t, i) => {
    const at = (...rest: (string | number)[]) => ['tasks', i, ...rest];
    if (tasks.has(t.id)) out.push({ path: at('id'), message: `duplicate task id '${t.id}'` });
    else tasks.set(t.id, t);
    if (!actions.has(t.action)) out.push({ path: at('action'), message: `unknown action '${t.action}'` });
    if (departments && t.lead_department !== undefined && !departments.has(t.lead_department)) {
      out.push({ path: at('lead_department'), message: `unknown department '${t.lead_department}'` });
    }
    (t.co_departments ?? []).forEach((dep, k) => {
      if (departments && !departments.has(dep)) {
        out.push({ path: at('co_departments', k), message: `unknown department '${dep}'` });
      }
    });
    (t.targets ?? []).forEach((target, k) => {
      if (!targets.has(target)) out.push({ path: at('targets', k), message: `unknown target '${target}'` });
    });
    (t.indicators ?? []).forEach((ind, k) => {
      if (!indicators.has(ind))
        out.push({ path: at('indicators', k), message: `unknown indicator '${ind}'` });
    });
  });

  plan.task_reports.forEach((r, i) => {
    const task = tasks.get(r.task);
    if (!task) {
      out.push({ path: ['task_reports', i, 'task'], message: `unknown task '${r.task}'` });
      return;
    }
    const parsed = parseReportPeriod(r.period);
    const where = ['task_reports', i, 'period'];
    if (!parsed.ok) {
      out.push({ path: where, message: parsed.reason });
    } else if (parsed.period.cycle !== task.cycle) {
      out.push({
        path: where,
        message: `period ${r.period} does not match task '${task.id}', which reports ${task.cycle} (${cycleFormat[task.cycle]})`,
      });
    } else if (!periodInSpan(parsed.period, task.start, task.due)) {
      out.push({
        path: where,
        message: `period ${r.period} lies outside task '${task.id}' (${task.start} to ${task.due})`,
      });
    }
  });
}
