/**
 * The monthly supervision bulletin (督查通报), pure: the plain inputs a module gathers as known at
 * the end of a month, and the model every renderer (.docx, .pdf, .xlsx) writes from.
 */

export type TargetLight = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';
export type TaskLight = 'blue' | 'green' | 'yellow' | 'red';

/** A figure of the overall situation: one indicator's value for the period the month reaches. */
export interface HeadlineFigure {
  name: string;
  unit: string;
  measure: 'flow' | 'stock' | 'ratio';
  /** `1—10月`, `一季度`, `2025年`: the span the value covers. */
  label: string;
  value: number;
  /** The same span a year before, when known. */
  previous: number | null;
  /** The target the value counts towards, when it has one (a floor or level to reach). */
  target: { value: number; year: number } | null;
  /** The year of the month the bulletin is for (年度目标 when the target's year is this one). */
  year: number;
}

export interface TargetLine {
  id: string;
  /** The indicator's id (absent in bulletins archived before fact sheets). */
  indicatorId?: string | null;
  text: string;
  indicator: string | null;
  unit: string | null;
  status: TargetLight;
  latest: { period: string; value: number } | null;
  explanation: string;
  department: string | null;
  source: string | null;
}

export interface GoalAreaInput {
  id: string;
  name: string;
  targets: TargetLine[];
}

export interface TaskLine {
  id: string;
  title: string;
  programme: string | null;
  /** Lead department's code and name. */
  department: { code: string; name: string } | null;
  light: TaskLight;
  state: string;
  percent: number;
  expected: number;
  escalation: 'none' | 'reminder' | 'urge' | 'notice';
  due: string | null;
  reasons: string[];
}

export interface ProgrammeInput {
  id: string;
  number: number;
  name: string;
}

export interface OverdueReports {
  department: { code: string; name: string } | null;
  count: number;
  oldestDue: string;
  items: { name: string; period: string; due: string }[];
}

/** Everything the bulletin is written from. */
export interface BulletinInput {
  month: string;
  /** The last day of the month: what was known then. */
  asOf: string;
  /** The day it is issued (the day after the month in the monthly job; today on demand). */
  issued: string;
  office: string;
  plan: { id: string; title: string };
  headlines: HeadlineFigure[];
  goalAreas: GoalAreaInput[];
  programmes: ProgrammeInput[];
  tasks: TaskLine[];
  overdueReports: OverdueReports[];
  departments: { code: string; name: string }[];
  nextSteps: string[];
  /**
   * The month's department scorecards (考核) when the plan has them: the bulletin's ranking is
   * theirs, so the bulletin and the scorecards page never rank differently.
   */
  scorecard?: ScorecardRow[] | null;
  /** Every indicator with its values as known at the month's end: the data book's sheets. */
  indicators: IndicatorValues[];
}

export interface IndicatorValues {
  id: string;
  name: string;
  unit: string;
  frequency: string;
  department: string | null;
  source: string | null;
  values: { period: string; value: number }[];
}

/** A table as officials print it: a caption with the unit, columns, rows and the source. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  unit: string | null;
  columns: string[];
  rows: string[][];
  source: string;
  /** Relative column widths (they sum to 100), when the columns are not alike. */
  widths?: number[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export type Block = TableBlock | ParagraphBlock;

export interface Section {
  /** 一、总体情况 … (黑体); its subsections 楷体. */
  heading: string;
  blocks: Block[];
  subsections: { heading: string; blocks: Block[] }[];
}

export interface RankedDepartment {
  code: string;
  name: string;
  /** 1 = best; departments with nothing to supervise this month are not ranked (null). */
  rank: number | null;
  score: number | null;
  tasks: number;
  completed: number;
  overdue: number;
  notices: number;
  yellow: number;
  overdueReports: number;
  reasons: string;
}

/** What the .docx and .pdf renderers write: a title, sections, the issuing office and date. */
export interface OfficialDocument {
  title: string;
  office: string;
  /** `2026年11月1日` */
  issuedText: string;
  sections: Section[];
}

export interface Bulletin extends OfficialDocument {
  month: string;
  asOf: string;
  plan: { id: string; title: string };
  ranking: RankedDepartment[];
  counts: { tasks: number; completed: number; overdue: number; notices: number; overdueReports: number };
}

/** One department's place in the month's scorecards (考核). */
export interface ScorecardRow {
  code: string;
  name: string;
  rank: number;
  score: number;
  reasons: string;
}
