/** Rows → response shapes. Only the fields named here ever leave the server. */
import type { IndicatorView, ObservationView, PlanSummary, TargetView } from '../../contracts/plans';
import type { ObservationRow } from './plans.repository';

type Dept = { id: number; code: string; name: string; name_en: string | null };

export function presentDepartment(d: Dept | undefined) {
  return d ? { id: d.code, name: d.name, name_en: d.name_en } : null;
}

export function presentPlan(p: {
  code: string;
  title: string;
  title_en: string | null;
  start_year: number;
  end_year: number;
  baseline_year: number;
  status: string;
  version: number;
  source_title: string | null;
  source_url: string | null;
}): PlanSummary {
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

export function presentObservation(o: ObservationRow): ObservationView {
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
  i: {
    code: string;
    name: string;
    name_en: string | null;
    unit: string;
    direction: string;
    frequency: string;
    measure: string;
    formula: string | null;
    source: string | null;
    note: string | null;
  },
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
  t: {
    code: string;
    kind: string;
    value: number | null;
    qualifier: string | null;
    year: number | null;
    from_year: number | null;
    to_year: number | null;
    due_date: string | null;
    text: string | null;
    text_en: string | null;
  },
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
