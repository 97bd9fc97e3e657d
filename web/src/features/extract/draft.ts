/**
 * The editable draft: the plan file of an extraction with a stable key on every item (the kind and
 * the id the server gave it), so rows keep their source span and their server errors while ids,
 * names and values are edited.
 */
import type { ExtractResult } from '../../../../src/contracts/extract';
import type {
  ActionDef,
  GoalAreaDef,
  IndicatorDef,
  ObservationDef,
  PlanHeader,
  ProgrammeDef,
  TargetDef,
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
  /** Sections the page does not edit (departments …), sent back as they came. */
  rest: Record<string, unknown>;
}

export type ListName = 'goal_areas' | 'indicators' | 'targets' | 'observations' | 'programmes';
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
  actions: 'action',
};

const keyed = <T extends object>(kind: string, items: T[] | undefined, id: (x: T) => string): Keyed<T>[] =>
  (items ?? []).map((x) => ({ ...x, _k: `${kind}:${id(x)}` }));

export const obsId = (o: { indicator: string; period: string | number }) => `${o.indicator}@${o.period}`;

export function toDraft(plan: Record<string, unknown>): Draft {
  const {
    plan: header,
    goal_areas,
    indicators,
    targets,
    observations,
    programmes,
    ...rest
  } = plan as unknown as Omit<Draft, 'rest' | 'plan'> & { plan: PlanHeader };
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
    rest,
  };
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
