/**
 * The published plan as tables: one definition of each table's columns, written as CSV (with a
 * byte-order mark so Excel reads UTF-8), as XLSX and described in the data package. Text cells are
 * neutralised against formula injection; numbers stay numbers.
 */
import type { PublicIndicator, PublicPlan } from '../../../contracts/portal';
import { csvField, neutraliseCell } from '../../../domain/data-import';

export type Cell = string | number | boolean | null;
export type FieldType = 'string' | 'number' | 'boolean' | 'integer' | 'date';

export interface Table {
  name: string;
  title: string;
  fields: { name: string; type: FieldType; description: string }[];
  rows: Cell[][];
}

const fieldTypes: readonly FieldType[] = ['string', 'number', 'boolean', 'integer', 'date'];

/** Columns written one a line, `name type description`: the description is the rest of the line. */
function fieldList(text: string): Table['fields'] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [, name = '', type = '', description = ''] = /^\s*(\S+)\s+(\S+)\s+(.*\S)\s*$/.exec(line) ?? [];
      const known = fieldTypes.find((t) => t === type);
      if (!known) throw new Error(`opendata field line without a known type: ${line}`);
      return { name, type: known, description };
    });
}

export function observationsTable(indicators: readonly PublicIndicator[]): Table {
  return {
    name: 'observations',
    title: '已发布数据 Published figures',
    fields: fieldList(`
      indicator    string  Indicator id
      period       string  YYYY, YYYY-Qn or YYYY-MM (amounts of that period, not year to date)
      value        number  The figure, in the unit
      unit         string  Unit as the plan writes it (亿元, 万人, %)
      qualifier    string  approx, near, at_least, exceeded, at_most or empty
      source       string  Where the figure was published
      illustrative boolean Not a published statistic: an illustrative figure (示意)
      alternate    boolean Another source's figure, kept for the record
      updated      date    The day the figure was published or last updated
    `),
    rows: indicators.flatMap((i) =>
      i.observations.map((o) => [
        i.id,
        o.period,
        o.value,
        i.unit,
        o.qualifier,
        o.source,
        o.illustrative,
        o.alternate,
        o.updated,
      ]),
    ),
  };
}

export function indicatorsTable(plan: PublicPlan): Table {
  return {
    name: 'indicators',
    title: '指标 Indicators',
    fields: fieldList(`
      id         string Indicator id
      name       string Name (Chinese)
      name_en    string Name (English)
      unit       string Unit
      direction  string up: more is better; down: less is better
      frequency  string annual, quarterly or monthly
      measure    string flow, stock or ratio
      formula    string How a derived indicator is computed from others
      definition string Definition and scope (口径)
      source     string Source
      department string Responsible department
      goal_area  string Goal area id
      updated    date   Last update
    `),
    rows: plan.indicators.map((i) => [
      i.id,
      i.name,
      i.name_en,
      i.unit,
      i.direction,
      i.frequency,
      i.measure,
      i.formula,
      i.definition,
      i.source,
      i.department?.name ?? null,
      i.goal_area,
      i.updated,
    ]),
  };
}

export function targetsTable(plan: PublicPlan): Table {
  return {
    name: 'targets',
    title: '目标与进展 Targets and progress',
    fields: fieldList(`
      id              string  Target id
      text            string  The target as the plan states it
      text_en         string  The target in English
      indicator       string  Indicator id
      goal_area       string  Goal area id
      kind            string  level, annual_floor, annual_cap, growth_rate, rank, streak, milestone, qualitative
      value           number  Target value
      qualifier       string  Qualifier of the target value
      year            integer Target year
      from            integer First year of a yearly target
      to              integer Last year of a yearly target
      status          string  achieved, on_track, at_risk, off_track or no_data
      as_of           date    Date of the evaluation
      latest_period   string  Period of the latest figure (year to date for yearly floors on monthly data)
      latest_value    number  Latest figure
      expected        number  Value expected on the target path at the latest period
      projection_year integer Year of the projection
      projection      number  Projected value
      projection_low  number  Low end of the projection range
      projection_high number  High end of the projection range
      explanation     string  Why the target has its status (Chinese)
      explanation_en  string  Why the target has its status (English)
    `),
    rows: plan.targets.map((t) => {
      const e = t.evaluation;
      return [
        t.id,
        t.text,
        t.text_en,
        t.indicator,
        t.goal_area,
        t.kind,
        t.value,
        t.qualifier,
        t.year,
        t.from,
        t.to,
        e?.status ?? null,
        e?.as_of ?? null,
        e?.latest?.period ?? null,
        e?.latest?.value ?? null,
        e?.expected ?? null,
        e?.projection?.year ?? null,
        e?.projection?.value ?? null,
        e?.projection?.low ?? null,
        e?.projection?.high ?? null,
        e?.explanation.zh ?? null,
        e?.explanation.en ?? null,
      ];
    }),
  };
}

export function goalAreasTable(plan: PublicPlan): Table {
  return {
    name: 'goal_areas',
    title: '目标领域 Goal areas',
    fields: fieldList(`
      id          string Goal area id
      name        string Name (Chinese)
      name_en     string Name (English)
      description string Description
    `),
    rows: plan.goal_areas.map((g) => [g.id, g.name, g.name_en, g.description]),
  };
}

/** The published tasks with their progress from accepted reports. */
export function tasksTable(plan: PublicPlan): Table {
  return {
    name: 'tasks',
    title: '公开任务 Published tasks',
    fields: fieldList(`
      id              string  Task id
      title           string  The task as assigned
      programme       string  Programme id
      action          string  Action id
      lead_department string  Lead department
      start           date    Start
      due             date    Due
      progress        string  not_started, in_progress, overdue or completed
      percent         number  Percent done, from the latest accepted progress report
      reported        string  Period of the latest accepted progress report
      illustrative    boolean A demo task, not a real assignment (示意)
    `),
    rows: plan.programmes.flatMap((p) =>
      p.tasks.map((t) => [
        t.id,
        t.title,
        p.id,
        t.action,
        t.lead_department?.name ?? null,
        t.start,
        t.due,
        t.progress,
        t.percent,
        t.reported,
        t.illustrative,
      ]),
    ),
  };
}

/** Every table of the data package. */
export function planTables(plan: PublicPlan): Table[] {
  return [
    goalAreasTable(plan),
    indicatorsTable(plan),
    targetsTable(plan),
    observationsTable(plan.indicators),
    tasksTable(plan),
  ];
}

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return csvField(neutraliseCell(c));
}

/** RFC 4180 CSV with a header line, CRLF line ends and no byte-order mark (the data package's dialect). */
export function toCsv(table: Table): string {
  const lines = [
    table.fields.map((x) => x.name).join(','),
    ...table.rows.map((r) => r.map(csvCell).join(',')),
  ];
  return lines.join('\r\n') + '\r\n';
}
