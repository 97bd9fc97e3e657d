/**
 * The explorer's search and filters, applied to the trees the API gave: a target stays when it
 * matches the status, the department and the search; a task likewise with its light. A branch
 * whose name matches the search keeps all its (otherwise matching) leaves.
 */
import type { ExplorerTarget, ExplorerTask, PlanExplorer } from '../../../../src/contracts/explorer';
import type { StatusCode } from '../../../../src/contracts/status';
import type { TaskLight } from '../../../../src/domain/tasks';

export interface ExplorerFilter {
  search: string;
  status: StatusCode | null;
  light: TaskLight | null;
  department: string | null;
}

export const noFilter: ExplorerFilter = { search: '', status: null, light: null, department: null };

export const isFiltered = (f: ExplorerFilter) =>
  f.search.trim() !== '' || f.status !== null || f.light !== null || f.department !== null;

type Names = readonly (string | null | undefined)[];

function matches(names: Names, needle: string): boolean {
  if (needle === '') return true;
  return names.some((n) => n != null && n.toLowerCase().includes(needle));
}

function targetNames(t: ExplorerTarget): Names {
  const d = t.indicator?.department;
  return [t.id, t.text, t.text_en, t.indicator?.name, t.indicator?.name_en, d?.name, d?.name_en];
}

function taskNames(t: ExplorerTask): Names {
  return [t.id, t.title, t.lead_department?.name, t.lead_department?.name_en];
}

export function filterExplorer(data: PlanExplorer, f: ExplorerFilter): PlanExplorer {
  const needle = f.search.trim().toLowerCase();
  const targetOk = (t: ExplorerTarget, branch: boolean) =>
    (f.status === null || t.status === f.status) &&
    (f.department === null || t.indicator?.department?.id === f.department) &&
    (branch || matches(targetNames(t), needle));
  const taskOk = (t: ExplorerTask, branch: boolean) =>
    (f.light === null || t.light === f.light) &&
    (f.department === null ||
      t.lead_department?.id === f.department ||
      t.co_departments.includes(f.department)) &&
    (branch || matches(taskNames(t), needle));
  const goal_areas = data.goal_areas
    .map((g) => {
      const branch = needle !== '' && matches([g.name, g.name_en], needle);
      return { ...g, targets: g.targets.filter((t) => targetOk(t, branch)) };
    })
    .filter((g) => g.targets.length > 0 || !isFiltered(f));
  const programmes = data.programmes
    .map((p) => {
      const pBranch = needle !== '' && matches([p.name, p.name_en], needle);
      const actions = p.actions
        .map((a) => {
          const branch = pBranch || (needle !== '' && matches([a.name, a.name_en], needle));
          return { ...a, tasks: a.tasks.filter((t) => taskOk(t, branch)) };
        })
        .filter((a) => a.tasks.length > 0 || !isFiltered(f));
      return { ...p, actions };
    })
    .filter((p) => p.actions.length > 0 || !isFiltered(f));
  return { ...data, goal_areas, programmes };
}

export function countLeaves(data: PlanExplorer): { targets: number; tasks: number } {
  return {
    targets: data.goal_areas.reduce((n, g) => n + g.targets.length, 0),
    tasks: data.programmes.reduce((n, p) => n + p.actions.reduce((m, a) => m + a.tasks.length, 0), 0),
  };
}
