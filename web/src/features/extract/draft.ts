/**
 * The editable draft: the plan file of an extraction with a stable key on every item (the kind and
 * the id the server gave it), so rows keep their source span and their server errors while ids,
 * names and values are edited.
 */
import type { ExtractResult } from '../../../../src/contracts/extract';
import type {
  ActionDef,
  DepartmentDef,
  GoalAreaDef,
  IndicatorDef,
  ObservationDef,
  PlanFile,
  PlanHeader,
  ProgrammeDef,
  TargetDef,
  TaskDef,
} from '../../../../src/domain/plan-file/schema';

export type Keyed<T> = T & { _k: string };
export type ProgrammeRow = Keyed<Omit<ProgrammeDef, 'actions'> & { actions: Keyed<ActionDef>[] }>;

export interface Draft {
  plan: PlanHeader;
  goal_areas: Keyed<GoalAreaDef>[];
  indicators: Keyed<IndicatorDef>[];
  targets: Keyed<TargetDef>[];
  observations: Keyed<ObservationDef>[];
  programmes: ProgrammeRow[];
  /** Tasks drafted from the document's task-division table (任务分解表). */
  tasks: Keyed<TaskDef>[];
  /** The draft's departments: the known ones its tasks name, then those proposed for unmatched names. */
  departments: DepartmentDef[];
  /** The caller's own departments, which a task's units may be reassigned to (never sent). */
  known: DepartmentDef[];
  /** Sections the page does not edit (task reports …), sent back as they came. */
  rest: Record<string, unknown>;
}

export type ListName = 'goal_areas' | 'indicators' | 'targets' | 'observations' | 'programmes' | 'tasks';
export type DraftLink = NonNullable<ExtractResult['draft']>['links'][number];
export interface Span {
  start: number;
  end: number;
}

export const linkKind: Record<ListName | 'actions', DraftLink['kind']> = {
  goal_areas: 'goal_area',
  indicators: 'indicator',
  targets: 'target',
  observations: 'observation',
  programmes: 'programme',
  tasks: 'task',
  actions: 'action',
};

const keyed = <T extends object>(kind: string, items: T[] | undefined, id: (x: T) => string): Keyed<T>[] =>
  (items ?? []).map((x) => ({ ...x, _k: `${kind}:${id(x)}` }));

export const obsId = (o: { indicator: string; period: string | number }) => `${o.indicator}@${o.period}`;

export function toDraft(plan: PlanFile, known: DepartmentDef[] = []): Draft {
  const {
    plan: header,
    goal_areas,
    indicators,
    targets,
    observations,
    programmes,
    tasks,
    departments,
    ...rest
  } = plan;
  return {
    plan: header,
    goal_areas: keyed('goal_area', goal_areas, (x) => x.id),
    indicators: keyed('indicator', indicators, (x) => x.id),
    targets: keyed('target', targets, (x) => x.id),
    observations: keyed('observation', observations, obsId),
    programmes: keyed('programme', programmes, (x) => x.id).map((p) => ({
      ...p,
      actions: keyed('action', p.actions, (a) => a.id),
    })),
    tasks: keyed('task', tasks, (x) => x.id),
    departments: departments ?? [],
    known,
    rest,
  };
}

/** Every department a task may name: the caller's own, then the draft's proposed ones. */
export function departmentChoices(d: Draft): DepartmentDef[] {
  const ids = new Set(d.known.map((k) => k.id));
  return [...d.known, ...d.departments.filter((x) => !ids.has(x.id))];
}

/** Whether a department id is one of the caller's own (not a name proposed from the document). */
export const isKnown = (d: Draft, id: string | undefined) =>
  id !== undefined && d.known.some((k) => k.id === id);

/** The departments the plan file must carry: those still named by a task, action or indicator. */
function usedDepartments(d: Draft): DepartmentDef[] {
  const used = new Set<string>();
  const add = (id: unknown) => typeof id === 'string' && used.add(id);
  for (const t of d.tasks) {
    add(t.lead_department);
    for (const c of t.co_departments ?? []) add(c);
  }
  for (const i of d.indicators) add(i.department);
  for (const p of d.programmes)
    for (const a of p.actions) {
      add(a.lead_department);
      for (const c of a.co_departments ?? []) add(c);
    }
  return departmentChoices(d).filter((x) => used.has(x.id));
}

/** The spans of the links, by item key (`kind:id` as the server named it). */
export function spansByKey(links: DraftLink[]): Map<string, Span> {
  return new Map(links.map((l) => [`${l.kind}:${l.id}`, { start: l.start, end: l.end }]));
}

function strip<T extends { _k: string }>(x: T): Omit<T, '_k'> {
  const { _k: _, ...rest } = x;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')) as Omit<
    T,
    '_k'
  >;
}

/** The plan file to POST, in the order the error paths (`targets[3].year`) refer to. */
export function toPlanFile(d: Draft): Record<string, unknown> {
  return {
    ...d.rest,
    plan: Object.fromEntries(Object.entries(d.plan).filter(([, v]) => v !== undefined && v !== '')),
    goal_areas: d.goal_areas.map(strip),
    indicators: d.indicators.map(strip),
    targets: d.targets.map(strip),
    observations: d.observations.map(strip),
    programmes: d.programmes.map((p) => ({ ...strip(p), actions: p.actions.map(strip) })),
    departments: usedDepartments(d),
    tasks: d.tasks.map(strip),
  };
}

/** Replaces the item with key `k`; a changed indicator or goal-area id is followed by its references. */
export function updateItem(d: Draft, list: ListName, k: string, next: Record<string, unknown>): Draft {
  const old = (d[list] as { _k: string; id?: string }[]).find((x) => x._k === k);
  const out = {
    ...d,
    [list]: (d[list] as { _k: string }[]).map((x) => (x._k === k ? { ...next, _k: k } : x)),
  };
  const from = old?.id;
  const to = next.id as string | undefined;
  if (!from || !to || from === to) return out;
  const ref = list === 'indicators' ? 'indicator' : list === 'goal_areas' ? 'goal_area' : null;
  if (!ref) return out;
  const re = <T extends object>(xs: T[]) =>
    xs.map((x) => ((x as Record<string, unknown>)[ref] === from ? { ...x, [ref]: to } : x));
  return {
    ...out,
    targets: re(out.targets),
    observations: re(d.observations),
    indicators: re(out.indicators),
  };
}

export function addItem(d: Draft, list: ListName, item: Record<string, unknown>): Draft {
  const k = `new:${list}:${Date.now()}:${Math.random().toString(36).slice(2, 7)}`;
  const row = list === 'programmes' ? { actions: [], ...item, _k: k } : { ...item, _k: k };
  return { ...d, [list]: [...(d[list] as object[]), row] };
}

/** Drops an item; an indicator takes its targets and observations with it, a goal area its references. */
export function removeItem(d: Draft, list: ListName, k: string): Draft {
  const gone = (d[list] as { _k: string; id?: string }[]).find((x) => x._k === k);
  const out = { ...d, [list]: (d[list] as { _k: string }[]).filter((x) => x._k !== k) };
  if (list === 'indicators' && gone?.id) {
    out.targets = out.targets.filter((t) => t.indicator !== gone.id);
    out.observations = out.observations.filter((o) => o.indicator !== gone.id);
  }
  if (list === 'goal_areas' && gone?.id) {
    const clear = <T extends { goal_area?: string }>(x: T): T =>
      x.goal_area === gone.id ? { ...x, goal_area: undefined } : x;
    out.indicators = out.indicators.map(clear);
    out.targets = out.targets.map(clear);
  }
  return out;
}

/** How many targets and observations an indicator carries (what deleting it also drops). */
export function dependants(d: Draft, indicatorId: string): { targets: number; observations: number } {
  return {
    targets: d.targets.filter((t) => t.indicator === indicatorId).length,
    observations: d.observations.filter((o) => o.indicator === indicatorId).length,
  };
}

/** Keeps `keep`, drops `drop`, retargets its targets and observations (a period both have keeps `keep`'s). */
export function mergeIndicators(d: Draft, keep: string, drop: string): Draft {
  const kept = d.indicators.find((i) => i._k === keep);
  const dropped = d.indicators.find((i) => i._k === drop);
  if (!kept || !dropped) return d;
  const periods = new Set(d.observations.filter((o) => o.indicator === kept.id).map((o) => String(o.period)));
  return {
    ...d,
    indicators: d.indicators.filter((i) => i._k !== drop),
    targets: d.targets.map((t) => (t.indicator === dropped.id ? { ...t, indicator: kept.id } : t)),
    observations: d.observations
      .filter((o) => !(o.indicator === dropped.id && periods.has(String(o.period))))
      .map((o) => (o.indicator === dropped.id ? { ...o, indicator: kept.id } : o)),
  };
}
