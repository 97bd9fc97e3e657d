/**
 * Inputs and outputs of target evaluation. Inputs are the plan-file types (anything
 * `PlanFile`-compatible); the output is a superset of CONTRACT.md's `status --json` object.
 */
import type { IndicatorDef, ObservationDef, TargetDef } from '../plan-file/schema';

/** A target's status at an as-of date. */
export type Status = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

/** Worst to best, for comparisons (no_data sorts first: nothing is known). */
export const statusOrder: readonly Status[] = ['no_data', 'off_track', 'at_risk', 'on_track', 'achieved'];

/** Plan settings used by the rules (CONTRACT plan settings plus two deadlines). */
export interface EvaluationSettings {
  readonly approx_tolerance: number;
  readonly on_track: number;
  readonly at_risk: number;
  /** Month-day in the next year by which annual data is due (default `03-31`). */
  readonly annual_due: string;
  /** Days before a milestone's due date when it turns at_risk (default 30). */
  readonly milestone_warning_days: number;
}

/** Defaults, as in the plan-file schema. */
export const defaultSettings: EvaluationSettings = {
  approx_tolerance: 0.05,
  on_track: 0.95,
  at_risk: 0.6,
  annual_due: '03-31',
  milestone_warning_days: 30,
};

/** An observation as evaluation reads it; `recorded_at` (ISO date or date-time) dates a version. */
export type ObservationInput = Pick<ObservationDef, 'indicator' | 'period' | 'value'> & {
  readonly alternate?: boolean | undefined;
  readonly recorded_at?: string | undefined;
};

/** What evaluation reads of an indicator. */
export type IndicatorInput = Pick<IndicatorDef, 'id' | 'unit' | 'direction' | 'frequency' | 'measure'> & {
  readonly formula?: string | undefined;
  readonly name?: string | undefined;
};

/** What evaluation reads of a target. */
export type TargetInput = Pick<TargetDef, 'id' | 'kind'> &
  Partial<
    Pick<
      TargetDef,
      'indicator' | 'value' | 'qualifier' | 'year' | 'from' | 'to' | 'due' | 'baseline' | 'rating' | 'done'
    >
  >;

/** What evaluation reads of the plan header. */
export interface PlanHeaderInput {
  readonly start: number;
  readonly end: number;
  readonly baseline_year: number;
  readonly settings?: Partial<EvaluationSettings> | undefined;
}

/** A whole plan (a `PlanFile` fits). */
export interface PlanInput {
  readonly plan: PlanHeaderInput;
  readonly indicators: readonly IndicatorInput[];
  readonly targets: readonly TargetInput[];
  readonly observations: readonly ObservationInput[];
}

/** A value for a period. */
export interface PointOut {
  period: string;
  value: number;
}

/** Projection to the target year (null with `projection_reason` when there is none). */
export interface ProjectionOut {
  year: number;
  value: number;
  low: number;
  high: number;
  probability: number | null;
}

/** The status of one target with the numbers that explain it. */
export interface TargetEvaluation {
  target: string;
  indicator: string | null;
  kind: TargetDef['kind'];
  status: Status;
  as_of: string;
  /** Latest value; for floors/caps in a running year, the year-to-date total through `period`. */
  latest: PointOut | null;
  /** Value expected on the target path at the latest period (year-to-date expectation for floors). */
  expected: number | null;
  /** Progress ratio p (Open SDG method 2 for level; r/g for growth; value/expected for floors). */
  ratio: number | null;
  projection: ProjectionOut | null;
  projection_reason: string | null;
  stale: boolean;
  explanation: { zh: string; en: string };
  /** Growth still required per year from the latest value to the target year, in percent. */
  required_growth: number | null;
  baseline: PointOut | null;
  /** Annual values used (complete years only). */
  series: PointOut[];
  expected_path: PointOut[];
  unit: string | null;
  /** Why a target could not be evaluated (bad formula, unknown indicator …). */
  problem: string | null;
}

/** evaluatePlan result. */
export type PlanEvaluation = { ok: true; evaluations: TargetEvaluation[] } | { ok: false; reason: string };
