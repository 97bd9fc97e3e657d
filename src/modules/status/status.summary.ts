/**
 * A plan's statuses summed up the way the city cockpit shows a district: counted in total and per
 * goal area (by name), with the plan's goal areas and indicators. Stored beside the statuses, so a
 * city's 38 districts are read without their 11,400 evaluations.
 */
import type { PlanStatus } from '../../contracts/status';
import type { PlanModel } from '../plans';

export type StatusCounts = Record<string, number>;

export interface PlanStatusSummary {
  counts: StatusCounts;
  /** Goal areas with at least one target, in the order their first target's status comes. */
  areas: { name: string; counts: StatusCounts }[];
  goal_areas: { name: string; name_en: string | null }[];
  indicators: { id: string; name: string; unit: string }[];
}

export const zeroCounts = (): StatusCounts => ({
  achieved: 0,
  on_track: 0,
  at_risk: 0,
  off_track: 0,
  no_data: 0,
});

interface PlanParts {
  goal_areas: readonly { id: string; name: string }[];
  indicators: readonly { id: string; goal_area?: string | null }[];
  targets: readonly { id: string; indicator?: string | null; goal_area?: string | null }[];
}

/** The goal area (by name) of each target of a plan: its own, else its indicator's. */
export function areaNames(plan: PlanParts): Map<string, string | null> {
  const areas = new Map(plan.goal_areas.map((g) => [g.id, g.name]));
  const indicatorArea = new Map(plan.indicators.map((i) => [i.id, i.goal_area ?? null]));
  return new Map(
    plan.targets.map((t) => {
      const area = t.goal_area ?? (t.indicator ? indicatorArea.get(t.indicator) : null) ?? null;
      return [t.id, area ? (areas.get(area) ?? null) : null];
    }),
  );
}

/** The summary of a plan model's statuses. */
export function summarise(model: PlanModel, statuses: PlanStatus['statuses']): PlanStatusSummary {
  const counts = zeroCounts();
  const byArea = new Map<string, StatusCounts>();
  const names = areaNames(model);
  for (const s of statuses) {
    counts[s.status] = (counts[s.status] ?? 0) + 1;
    const area = names.get(s.target);
    if (!area) continue;
    const c = byArea.get(area) ?? zeroCounts();
    c[s.status] = (c[s.status] ?? 0) + 1;
    byArea.set(area, c);
  }
  return {
    counts,
    areas: [...byArea].map(([name, c]) => ({ name, counts: c })),
    goal_areas: model.goal_areas.map((g) => ({ name: g.name, name_en: g.name_en ?? null })),
    indicators: model.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit })),
  };
}
