/**
 * Checks a task's fields against the plan before anything is written: codes that must exist
 * (departments, action, targets, indicators), a due date not before the start, milestones inside
 * the task's span. Every problem is listed with its field; one is enough to write nothing.
 */
import type { ReportCycle, TaskPriority } from '../../domain/tasks';
import { badInput, coded, type FieldProblem } from '../errors';
import type { PlanContext } from './tasks.context';

export interface TaskFields {
  title: string;
  description?: string | null;
  action?: string | null;
  lead_department: string;
  co_departments?: string[];
  leader?: string | null;
  start: string;
  due: string;
  cycle: ReportCycle;
  priority?: TaskPriority;
  milestones?: { title: string; due: string; done?: string | null }[];
  targets?: string[];
  indicators?: string[];
}

export interface ResolvedTask {
  title: string;
  description: string | null;
  action_id: number | null;
  lead_department_id: number;
  co_department_ids: number[];
  leader: string | null;
  start: string;
  due: string;
  cycle: ReportCycle;
  priority: TaskPriority;
  milestones: { title: string; due: string; done: string | null }[];
  targetIds: number[];
  indicatorIds: number[];
}

type Problem = FieldProblem;

/** The task's fields with codes turned into ids, or a 422 listing every problem. */
export function resolveTask(ctx: PlanContext, input: TaskFields): ResolvedTask {
  const problems: Problem[] = [];
  const problem = (field: string, zh: string, en: string) =>
    problems.push({ field, message: `${zh} ${en}`, code: 'worded', params: { zh, en } });

  const lead = ctx.departmentByCode.get(input.lead_department);
  if (!lead)
    problem(
      'lead_department',
      `未知部门“${input.lead_department}”。`,
      `unknown department '${input.lead_department}'`,
    );
  const co: number[] = [];
  (input.co_departments ?? []).forEach((code, i) => {
    const d = ctx.departmentByCode.get(code);
    if (!d) problem(`co_departments.${i}`, `未知部门“${code}”。`, `unknown department '${code}'`);
    else if (d.id === lead?.id)
      problem(
        `co_departments.${i}`,
        '配合单位不能是牵头单位。',
        'the lead department cannot also co-operate',
      );
    else if (!co.includes(d.id)) co.push(d.id);
  });
  let actionId: number | null = null;
  if (input.action) {
    const action = ctx.actionByCode.get(input.action);
    if (!action) problem('action', `未知工作举措“${input.action}”。`, `unknown action '${input.action}'`);
    else actionId = action.id;
  }
  if (input.due < input.start) {
    problem(
      'due',
      `截止日期${input.due}早于开始日期${input.start}。`,
      `due ${input.due} is before start ${input.start}`,
    );
  }
  (input.milestones ?? []).forEach((m, i) => {
    if (m.due < input.start || m.due > input.due) {
      problem(
        `milestones.${i}.due`,
        `节点“${m.title}”的日期${m.due}不在任务起止日期（${input.start}至${input.due}）之内。`,
        `milestone '${m.title}' is due ${m.due}, outside the task's span ${input.start} – ${input.due}`,
      );
    }
  });
  const resolveAll = (
    codes: string[] | undefined,
    field: string,
    map: Map<string, { id: number }>,
    what: [string, string],
  ) =>
    (codes ?? []).flatMap((code, i) => {
      const found = map.get(code);
      if (!found) problem(`${field}.${i}`, `未知${what[0]}“${code}”。`, `unknown ${what[1]} '${code}'`);
      return found ? [found.id] : [];
    });
  const targetIds = resolveAll(input.targets, 'targets', ctx.targetByCode, ['目标', 'target']);
  const indicatorIds = resolveAll(input.indicators, 'indicators', ctx.indicatorByCode, ['指标', 'indicator']);

  if (problems.length || !lead) {
    throw coded(
      badInput(`任务内容有误，未保存。 The task is not valid; nothing was saved.`, problems),
      'task_invalid',
    );
  }
  return {
    title: input.title,
    description: input.description ?? null,
    action_id: actionId,
    lead_department_id: lead.id,
    co_department_ids: co,
    leader: input.leader ?? null,
    start: input.start,
    due: input.due,
    cycle: input.cycle,
    priority: input.priority ?? 'normal',
    milestones: (input.milestones ?? []).map((m) => ({ title: m.title, due: m.due, done: m.done ?? null })),
    targetIds: [...new Set(targetIds)],
    indicatorIds: [...new Set(indicatorIds)],
  };
}

/** 422 on `percent` unless it is 0–100. */
export function checkPercent(percent: number): void {
  if (!(percent >= 0 && percent <= 100)) {
    const message = `完成百分比须在0至100之间（收到${percent}）。 percent must be 0–100 (got ${percent})`;
    throw badInput(message, [{ field: 'percent', message }]);
  }
}
