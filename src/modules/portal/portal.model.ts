/**
 * What the public sees of a plan: an allowlist built from the plan's read model, its accepted
 * observations and its evaluation. Nothing else leaves the server: no internal notes on values,
 * no correction reasons, no workflow state, no evidence, no people. Pure: no I/O here.
 */
import type {
  GoalAreaView,
  IndicatorView,
  ObservationView,
  PlanDetail,
  TargetView,
} from '../../contracts/plans';
import type {
  PublicChange,
  PublicDepartment,
  PublicEvaluation,
  PublicGoalArea,
  PublicIndicator,
  PublicObservation,
  PublicPlan,
  PublicTarget,
  PublicTask,
  PublicationKind,
} from '../../contracts/portal';
import type { PlanStatus, TargetStatus } from '../../contracts/status';
import { comparePeriodTexts } from '../../domain/periods';

/** Explicit publication states by `kind:code`; goal areas, targets and indicators of a published plan default to shown. */
export type Publications = ReadonlyMap<string, boolean>;

export interface PublicationEvent {
  kind: string;
  code: string;
  action: string;
  at: string;
}

export interface PortalSources {
  detail: PlanDetail;
  observations: readonly ObservationView[];
  status: PlanStatus;
  publications: Publications;
  events: readonly PublicationEvent[];
  /** The published tasks only, already in the public's shape, with their programme. */
  tasks: readonly (PublicTask & { programme: string | null })[];
}

/** Whether an object is shown: explicitly withdrawn objects are not; tasks must be published explicitly. */
export function isPublished(pubs: Publications, kind: PublicationKind, code: string): boolean {
  const state = pubs.get(`${kind}:${code}`);
  return state ?? kind !== 'task';
}

const dept = (d: IndicatorView['department']): PublicDepartment | null =>
  d ? { id: d.id, name: d.name, name_en: d.name_en } : null;

const dayOf = (o: ObservationView) => o.published ?? o.recorded_at.slice(0, 10);

const maxOf = (days: readonly (string | null)[]): string | null =>
  days.reduce<string | null>((m, d) => (d !== null && (m === null || d > m) ? d : m), null);

function visibleSets(detail: PlanDetail, pubs: Publications) {
  const areas = new Set(
    detail.goal_areas.filter((g) => isPublished(pubs, 'goal_area', g.id)).map((g) => g.id),
  );
  const inArea = (area: string | null) => area === null || areas.has(area);
  const indicators = new Set(
    detail.indicators
      .filter((i) => isPublished(pubs, 'indicator', i.id) && inArea(i.goal_area))
      .map((i) => i.id),
  );
  const targets = new Set(
    detail.targets
      .filter(
        (t) =>
          isPublished(pubs, 'target', t.id) &&
          inArea(t.goal_area) &&
          (t.indicator === null || indicators.has(t.indicator)),
      )
      .map((t) => t.id),
  );
  return { areas, indicators, targets };
}

function publicObservation(o: ObservationView): PublicObservation {
  return {
    period: o.period,
    value: o.value,
    qualifier: o.qualifier,
    source: o.source,
    illustrative: o.illustrative,
    alternate: o.alternate,
    updated: dayOf(o),
  };
}

function publicEvaluation(s: TargetStatus | undefined): PublicEvaluation | null {
  if (!s) return null;
  const { problem: _problem, ...rest } = s;
  return rest;
}

function publicTarget(t: TargetView, status: TargetStatus | undefined, updated: string | null): PublicTarget {
  return {
    id: t.id,
    text: t.text ?? t.id,
    text_en: t.text_en,
    kind: t.kind,
    value: t.value,
    qualifier: t.qualifier,
    year: t.year,
    from: t.from,
    to: t.to,
    due: t.due,
    goal_area: t.goal_area,
    indicator: t.indicator,
    evaluation: publicEvaluation(status),
    updated,
  };
}

function changesOf(
  events: readonly PublicationEvent[],
  names: Map<string, { name: string; name_en: string | null }>,
  indicators: readonly PublicIndicator[],
): PublicChange[] {
  const out: PublicChange[] = [];
  for (const e of events) {
    const name = names.get(`${e.kind}:${e.code}`);
    // Only what is public now: a withdrawn object's name does not stay on the change log.
    if (!name || (e.action !== 'publish' && e.action !== 'unpublish')) continue;
    out.push({
      at: e.at.slice(0, 10),
      action: e.action,
      kind: e.kind as PublicationKind,
      id: e.code,
      periods: [],
      ...name,
    });
  }
  for (const i of indicators) {
    const byDay = new Map<string, string[]>();
    for (const o of i.observations) byDay.set(o.updated, [...(byDay.get(o.updated) ?? []), o.period]);
    for (const [at, periods] of byDay) {
      out.push({
        at,
        action: 'data',
        kind: 'indicator',
        id: i.id,
        name: i.name,
        name_en: i.name_en,
        periods,
      });
    }
  }
  return out.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1));
}

/** The public view of a published plan. */
export function buildPublicPlan(src: PortalSources): PublicPlan {
  const { detail, status, publications } = src;
  const visible = visibleSets(detail, publications);
  const statusOf = new Map(status.statuses.map((s) => [s.target, s]));
  const byIndicator = new Map<string, PublicObservation[]>();
  for (const o of src.observations) {
    if (!visible.indicators.has(o.indicator)) continue;
    byIndicator.set(o.indicator, [...(byIndicator.get(o.indicator) ?? []), publicObservation(o)]);
  }
  const targetsOf = (id: string) =>
    detail.targets.filter((t) => visible.targets.has(t.id) && t.indicator === id).map((t) => t.id);
  const indicators: PublicIndicator[] = detail.indicators
    .filter((i) => visible.indicators.has(i.id))
    .map((i) => {
      const observations = (byIndicator.get(i.id) ?? []).sort((a, b) =>
        comparePeriodTexts(a.period, b.period),
      );
      return {
        id: i.id,
        name: i.name,
        name_en: i.name_en,
        unit: i.unit,
        direction: i.direction,
        frequency: i.frequency,
        measure: i.measure,
        formula: i.formula,
        definition: i.note,
        source: i.source,
        department: dept(i.department),
        goal_area: i.goal_area,
        observations,
        updated: maxOf(observations.map((o) => o.updated)),
        targets: targetsOf(i.id),
      };
    });
  const updatedOf = new Map(indicators.map((i) => [i.id, i.updated]));
  const targets = detail.targets
    .filter((t) => visible.targets.has(t.id))
    .map((t) =>
      publicTarget(t, statusOf.get(t.id), t.indicator === null ? null : (updatedOf.get(t.indicator) ?? null)),
    );
  const counts: Record<string, number> = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const t of targets)
    if (t.evaluation) counts[t.evaluation.status] = (counts[t.evaluation.status] ?? 0) + 1;
  const areaOf = (g: GoalAreaView): PublicGoalArea => ({
    id: g.id,
    name: g.name,
    name_en: g.name_en,
    description: g.description,
    targets: targets.filter((t) => t.goal_area === g.id).map((t) => t.id),
    indicators: indicators.filter((i) => i.goal_area === g.id).map((i) => i.id),
  });
  const names = new Map<string, { name: string; name_en: string | null }>([
    ...detail.goal_areas
      .filter((g) => visible.areas.has(g.id))
      .map((g): [string, { name: string; name_en: string | null }] => [`goal_area:${g.id}`, g]),
    ...indicators.map((i): [string, { name: string; name_en: string | null }] => [`indicator:${i.id}`, i]),
    ...targets.map((t): [string, { name: string; name_en: string | null }] => [
      `target:${t.id}`,
      { name: t.text, name_en: t.text_en },
    ]),
    ...src.tasks.map((t): [string, { name: string; name_en: string | null }] => [
      `task:${t.id}`,
      { name: t.title, name_en: null },
    ]),
  ]);
  return {
    plan: {
      id: detail.plan.id,
      title: detail.plan.title,
      title_en: detail.plan.title_en,
      start: detail.plan.start,
      end: detail.plan.end,
      baseline_year: detail.plan.baseline_year,
      source: detail.plan.source?.title ?? null,
    },
    as_of: status.as_of,
    updated: maxOf(indicators.map((i) => i.updated)),
    counts,
    goal_areas: detail.goal_areas.filter((g) => visible.areas.has(g.id)).map(areaOf),
    targets,
    indicators,
    programmes: detail.programmes.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      name_en: p.name_en,
      actions: p.actions.map((a) => ({
        id: a.id,
        name: a.name,
        name_en: a.name_en,
        lead_department: dept(a.lead_department),
        co_departments: a.co_departments.map((d) => ({ id: d.id, name: d.name, name_en: d.name_en })),
      })),
      tasks: src.tasks.filter((t) => t.programme === p.id).map(({ programme: _p, ...task }) => task),
    })),
    changes: changesOf(src.events, names, indicators),
  };
}

/**
 * The plan read model as the public may see it (the SPA's public API): withdrawn objects left
 * out, and no note on any value.
 */
export function publicPlanDetail(detail: PlanDetail, pubs: Publications): PlanDetail {
  const visible = visibleSets(detail, pubs);
  return {
    ...detail,
    goal_areas: detail.goal_areas.filter((g) => visible.areas.has(g.id)),
    indicators: detail.indicators
      .filter((i) => visible.indicators.has(i.id))
      .map((i) => ({ ...i, latest: i.latest ? { ...i.latest, note: null } : null })),
    targets: detail.targets.filter((t) => visible.targets.has(t.id)),
  };
}
