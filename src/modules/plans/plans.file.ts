/**
 * A plan file built from its stored rows (pure, no SQL): what the export writes and what a
 * city-wide evaluation reads for many plans at once, so both see the same plan.
 */
import type { PlanFile } from '../../domain/plan-file';
import type * as repo from './plans.repository';
import type { CurrentObservation } from '../observations';

type Rows<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface PlanRows {
  plan: NonNullable<Rows<typeof repo.findPlan>>;
  departments: Rows<typeof repo.listDepartments>;
  areas: Rows<typeof repo.listGoalAreas>;
  indicators: Rows<typeof repo.listIndicators>;
  targets: Rows<typeof repo.listTargets>;
  programmes: Rows<typeof repo.listProgrammes>;
  actions: Rows<typeof repo.listActions>;
  observations: readonly CurrentObservation[];
}

/** The plan file of the rows, before schema parsing (tasks are added by the caller). */
export function planFileFromRows(rows: PlanRows) {
  const { plan, departments, areas, indicators, targets, programmes, actions, observations } = rows;
  const deptCode = new Map(departments.map((d) => [d.id, d.code]));
  const areaCode = new Map(areas.map((a) => [a.id, a.code]));
  const indicatorCode = new Map(indicators.map((i) => [i.id, i.code]));
  const opt = <T>(v: T | null) => v ?? undefined;
  const ref = (m: Map<number, string>, id: number | null) => (id === null ? undefined : m.get(id));
  const settings = JSON.parse(plan.settings) as PlanFile['plan']['settings'] | null;
  return {
    plan: {
      id: plan.code,
      title: plan.title,
      title_en: opt(plan.title_en),
      start: plan.start_year,
      end: plan.end_year,
      baseline_year: plan.baseline_year,
      status: plan.status,
      source: plan.source_title ? { title: plan.source_title, url: opt(plan.source_url) } : undefined,
      settings: settings ?? undefined,
    },
    departments: departments.map((d) => ({ id: d.code, name: d.name, name_en: opt(d.name_en) })),
    goal_areas: areas.map((a) => ({
      id: a.code,
      name: a.name,
      name_en: opt(a.name_en),
      description: opt(a.description),
    })),
    indicators: indicators.map((i) => ({
      id: i.code,
      name: i.name,
      name_en: opt(i.name_en),
      unit: i.unit,
      direction: i.direction,
      frequency: i.frequency,
      measure: i.measure,
      formula: opt(i.formula),
      department: ref(deptCode, i.department_id),
      goal_area: ref(areaCode, i.goal_area_id),
      source: opt(i.source),
      note: opt(i.note),
    })),
    targets: targets.map((t) => ({
      id: t.code,
      indicator: ref(indicatorCode, t.indicator_id),
      kind: t.kind,
      value: opt(t.value),
      qualifier: opt(t.qualifier),
      year: opt(t.year),
      from: opt(t.from_year),
      to: opt(t.to_year),
      due: opt(t.due_date),
      baseline:
        t.baseline_year !== null && t.baseline_value !== null
          ? { year: t.baseline_year, value: t.baseline_value }
          : undefined,
      goal_area: ref(areaCode, t.goal_area_id),
      text: opt(t.text),
      text_en: opt(t.text_en),
      rating: opt(t.rating),
      done: opt(t.done_date),
    })),
    programmes: programmes.map((p) => ({
      id: p.code,
      number: p.number,
      name: p.name,
      name_en: opt(p.name_en),
      actions: actions
        .filter((a) => a.programme_id === p.id)
        .map((a) => {
          const co = (JSON.parse(a.co_department_ids) as number[]).map((id) => deptCode.get(id) ?? '');
          return {
            id: a.code,
            name: a.name,
            name_en: opt(a.name_en),
            lead_department: ref(deptCode, a.lead_department_id),
            co_departments: co.length ? co : undefined,
          };
        }),
    })),
    observations: observations.map((o) => ({
      indicator: o.indicator_code,
      period: o.period,
      value: o.value,
      qualifier: opt(o.qualifier),
      source: opt(o.source),
      source_url: opt(o.source_url),
      note: opt(o.note),
      illustrative: o.illustrative ? true : undefined,
      published: opt(o.published_on),
      alternate: o.alternate ? true : undefined,
    })),
  };
}
