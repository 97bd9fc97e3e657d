/**
 * The plan explorer: the plan's two trees in one read. The plan's structure comes from the plans
 * module, every target's status from the status module and every task's light from the tasks
 * module, all in the caller's scope (a department reporter sees its own department only).
 */
import type { ExplorerTarget, ExplorerTask, PlanExplorer } from '../../contracts/explorer';
import type { PlanDetail } from '../../contracts/plans';
import type { TargetStatus } from '../../contracts/status';
import type { TaskSummary } from '../../contracts/tasks';
import type { Db } from '../../db';
import { getPlanDetail } from '../plans';
import { getPlanStatus } from '../status';
import { allTasks } from './cockpit.tasks';
import type { CockpitRequest } from './cockpit.service';

type Department = PlanExplorer['departments'][number];

export async function getPlanExplorer(db: Db, req: CockpitRequest): Promise<PlanExplorer> {
  const canReadTasks = req.caller.actor.permissions.has('task:read');
  const [detail, status, tasks] = await Promise.all([
    getPlanDetail(db, req.tenantId, req.plan, req.scope, { latest: false }),
    getPlanStatus(db, req.tenantId, req.plan, req.asOf, req.scope),
    canReadTasks ? allTasks(db, req.caller, req.plan, req.asOf) : Promise.resolve([]),
  ]);
  const departments = new Map<string, Department>();
  const remember = (d: Department | null) => {
    if (d) departments.set(d.id, { id: d.id, name: d.name, name_en: d.name_en });
  };
  const goalAreas = goalAreaTree(detail, status.statuses, remember);
  const programmes = programmeTree(detail, tasks, remember);
  return {
    plan: detail.plan,
    as_of: status.as_of,
    departments: [...departments.values()],
    goal_areas: goalAreas,
    programmes,
    tasks_shown: canReadTasks,
  };
}

function goalAreaTree(
  detail: PlanDetail,
  statuses: readonly TargetStatus[],
  remember: (d: Department | null) => void,
): PlanExplorer['goal_areas'] {
  const byTarget = new Map(statuses.map((s) => [s.target, s]));
  const indicators = new Map(detail.indicators.map((i) => [i.id, i]));
  const byArea = new Map<string | null, ExplorerTarget[]>();
  for (const t of detail.targets) {
    const evaluation = byTarget.get(t.id);
    if (!evaluation) continue;
    const indicator = t.indicator ? indicators.get(t.indicator) : undefined;
    remember(indicator?.department ?? null);
    const area = t.goal_area ?? indicator?.goal_area ?? null;
    const list = byArea.get(area) ?? [];
    list.push({
      id: t.id,
      text: t.text,
      text_en: t.text_en,
      kind: t.kind,
      value: t.value,
      year: t.year ?? t.to,
      status: evaluation.status,
      stale: evaluation.stale,
      explanation: evaluation.explanation,
      indicator: indicator
        ? {
            id: indicator.id,
            name: indicator.name,
            name_en: indicator.name_en,
            unit: indicator.unit,
            frequency: indicator.frequency,
            department: indicator.department,
            latest: evaluation.latest,
          }
        : null,
    });
    byArea.set(area, list);
  }
  const tree: PlanExplorer['goal_areas'] = detail.goal_areas.map((g) => ({
    id: g.id,
    name: g.name,
    name_en: g.name_en,
    targets: byArea.get(g.id) ?? [],
  }));
  const known = new Set(detail.goal_areas.map((g) => g.id));
  const rest = [...byArea].filter(([id]) => id === null || !known.has(id)).flatMap(([, list]) => list);
  if (rest.length > 0) tree.push({ id: null, name: '其他目标', name_en: 'Other targets', targets: rest });
  return tree;
}

function explorerTask(t: TaskSummary): ExplorerTask {
  const first = t.reasons[0];
  return {
    id: t.id,
    title: t.title,
    light: t.light,
    reason: first ? { zh: first.zh, en: first.en } : null,
    percent: t.percent,
    due: t.due,
    lead_department: t.lead_department,
    co_departments: t.co_departments.map((d) => d.id),
  };
}

function programmeTree(
  detail: PlanDetail,
  tasks: readonly TaskSummary[],
  remember: (d: Department | null) => void,
): PlanExplorer['programmes'] {
  const byAction = new Map<string, ExplorerTask[]>();
  const looseByProgramme = new Map<string | null, ExplorerTask[]>();
  const actionIds = new Set(detail.programmes.flatMap((p) => p.actions.map((a) => a.id)));
  for (const t of tasks) {
    remember(t.lead_department);
    const node = explorerTask(t);
    if (t.action !== null && actionIds.has(t.action)) {
      byAction.set(t.action, [...(byAction.get(t.action) ?? []), node]);
    } else {
      looseByProgramme.set(t.programme, [...(looseByProgramme.get(t.programme) ?? []), node]);
    }
  }
  const tree: PlanExplorer['programmes'] = detail.programmes.map((p) => {
    const actions: PlanExplorer['programmes'][number]['actions'] = p.actions.map((a) => {
      remember(a.lead_department);
      return {
        id: a.id,
        name: a.name,
        name_en: a.name_en,
        lead_department: a.lead_department,
        tasks: byAction.get(a.id) ?? [],
      };
    });
    const loose = looseByProgramme.get(p.id);
    if (loose) actions.push(looseAction(loose));
    looseByProgramme.delete(p.id);
    return { id: p.id, number: p.number, name: p.name, name_en: p.name_en, actions };
  });
  const rest = [...looseByProgramme.values()].flat();
  if (rest.length > 0)
    tree.push({
      id: null,
      number: 0,
      name: '其他任务',
      name_en: 'Other tasks',
      actions: [looseAction(rest)],
    });
  return tree;
}

function looseAction(tasks: ExplorerTask[]): PlanExplorer['programmes'][number]['actions'][number] {
  return {
    id: null,
    name: '未归入子项的任务',
    name_en: 'Tasks under no action',
    lead_department: null,
    tasks,
  };
}
