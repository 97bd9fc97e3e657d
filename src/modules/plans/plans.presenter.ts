/** Rows → response shapes. Only the fields named here ever leave the server. */
import type { IndicatorView, ObservationView, PlanSummary, TargetView } from '../../contracts/plans';
import type { Selectable } from 'kysely';
import type { DepartmentTable, IndicatorTable, PlanTable, TargetTable } from '../../db';
import type { CurrentObservation } from '../observations';

type Dept = Pick<Selectable<DepartmentTable>, 'id' | 'code' | 'name' | 'name_en'>;
type Plan = Selectable<PlanTable>;
type Indicator = Selectable<IndicatorTable>;
type Target = Selectable<TargetTable>;

export function presentDepartment(d: Dept | undefined) {
  return d ? { id: d.code, name: d.name, name_en: d.name_en } : null;
}

export function presentPlan(
  p: Pick<
    Plan,
    | 'code'
    | 'title'
    | 'title_en'
    | 'start_year'
    | 'end_year'
    | 'baseline_year'
    | 'status'
    | 'version'
    | 'source_title'
    | 'source_url'
  >,
): PlanSummary {
  return {
    id: p.code,
    title: p.title,
    title_en: p.title_en,
    start: p.start_year,
    end: p.end_year,
    baseline_year: p.baseline_year,
    status: p.status === 'published' ? 'published' : 'draft',
    version: p.version,
    source: p.source_title ? { title: p.source_title, url: p.source_url } : null,
  };
}

export function presentObservation(o: CurrentObservation): ObservationView {
  return {
    indicator: o.indicator_code,
    period: o.period,
    value: o.value,
    qualifier: o.qualifier,
    source: o.source,
    source_url: o.source_url,
    note: o.note,
    illustrative: o.illustrative === 1,
    alternate: o.alternate === 1,
    version: o.version,
    recorded_at: o.recorded_at,
    published: o.published_on,
  };
}

export function presentIndicator(
  i: Pick<
    Indicator,
    | 'code'
    | 'name'
    | 'name_en'
    | 'unit'
    | 'direction'
    | 'frequency'
    | 'measure'
    | 'formula'
    | 'source'
    | 'note'
  >,
  department: ReturnType<typeof presentDepartment>,
  goalArea: string | null,
  latest: ObservationView | null,
): IndicatorView {
  return {
    id: i.code,
    name: i.name,
    name_en: i.name_en,
    unit: i.unit,
    direction: i.direction as IndicatorView['direction'],
    frequency: i.frequency as IndicatorView['frequency'],
    measure: i.measure as IndicatorView['measure'],
    formula: i.formula,
    department,
    goal_area: goalArea,
    source: i.source,
    note: i.note,
    latest,
  };
}

export function presentTarget(
  t: Pick<
    Target,
    | 'code'
    | 'kind'
    | 'value'
    | 'qualifier'
    | 'year'
    | 'from_year'
    | 'to_year'
    | 'due_date'
    | 'text'
    | 'text_en'
  >,
  indicator: string | null,
  goalArea: string | null,
): TargetView {
  return {
    id: t.code,
    indicator,
    goal_area: goalArea,
    kind: t.kind,
    value: t.value,
    qualifier: t.qualifier,
    year: t.year,
    from: t.from_year,
    to: t.to_year,
    due: t.due_date,
    text: t.text,
    text_en: t.text_en,
  };
}
