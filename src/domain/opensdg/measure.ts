// The arithmetic of Statistics Canada's progress measure as implemented by sdg-build
// (sdg/ProgressMeasure.py): compound annual growth, thresholds (reduced near a limit), the
// progress value of method 1 (no target) and method 2 (target), the −5…5 score and the statuses.

/** Open SDG's progress statuses. */
export type ProgressStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

/** 1: no quantitative target (growth rate); 2: a target (observed vs. required growth). */
export type Method = 1 | 2;

/** Progress thresholds; `coefficient` is the limit reduction already applied to them (1 = none). */
export interface Thresholds {
  readonly high: number;
  readonly med: number;
  readonly low: number;
  readonly coefficient: number;
}

/** Compound annual growth rate from (baseYear, base) to (year, value). */
export function growthRate(value: number, base: number, year: number, baseYear: number): number {
  return (value / base) ** (1 / (year - baseYear)) - 1;
}

/**
 * How much the method-1 thresholds shrink when the base value is near a limit (e.g. 100 %):
 * 1 far from the limit (at twice it or more), falling to 0 at the limit, with exponent 4.44.
 */
export function limitCoefficient(baseValue: number, limit: number): number {
  const base = Math.abs(baseValue);
  const bound = Math.abs(limit);
  const exponent = 4.44;
  // Checked first so that a zero base and a zero limit give 1, not 0/0.
  if (base >= 2 * bound) return 1;
  if (base <= bound) return 1 - (base / bound) ** exponent;
  return 1 - ((2 * bound - base) / bound) ** exponent;
}

/** Default thresholds per method, overridden by configured ones, reduced near a limit (method 1 only). */
export function progressThresholds(
  method: Method,
  overrides: { readonly high?: number; readonly med?: number; readonly low?: number },
  limit: number | null,
  baseValue: number,
): Thresholds {
  const defaults = method === 1 ? { high: 0.015, med: 0.005, low: 0 } : { high: 0.95, med: 0.6, low: 0 };
  const merged = { ...defaults, ...overrides };
  // A limit only matters without a target: with a target, sdg-build ignores it.
  const coefficient = method === 1 && limit !== null ? limitCoefficient(baseValue, limit) : 1;
  return {
    high: merged.high * coefficient,
    med: merged.med * coefficient,
    low: merged.low * coefficient,
    coefficient,
  };
}

/** The inputs of a progress value. `sign` is -1 when the base value is negative. */
export interface ProgressInputs {
  readonly method: Method;
  readonly direction: 1 | -1;
  readonly sign: 1 | -1;
  readonly baseYear: number;
  readonly baseValue: number;
  readonly currentYear: number;
  readonly currentValue: number;
  readonly target: number | null;
  readonly targetYear: number;
}

/**
 * Method 1: the growth rate, turned to the desired direction. Method 2: the observed growth
 * rate over the absolute growth rate needed to reach the target by the target year.
 */
export function progressValue(inputs: ProgressInputs): number {
  const { baseValue, baseYear, currentValue, currentYear, direction, sign } = inputs;
  const observed = growthRate(currentValue, baseValue, currentYear, baseYear);
  if (inputs.method === 1 || inputs.target === null) return sign * direction * observed;
  const required = growthRate(inputs.target, baseValue, inputs.targetYear, baseYear);
  return (sign * direction * observed) / Math.abs(required);
}

/** Whether the current value is on the right side of the target (never, without a target). */
export function targetAchieved(target: number | null, direction: 1 | -1, currentValue: number): boolean {
  if (target === null) return false;
  return direction === -1 ? currentValue <= target : currentValue >= target;
}

/**
 * The −5…5 score of a progress value. sdg-build's piecewise-linear maps are calibrated on the
 * default thresholds (and, for method 2, use its rounded slopes 7.1429 and 4.1667); method 1
 * divides by the limit coefficient so a reduced threshold scores like the default one.
 */
export function progressScore(
  method: Method,
  progress: number | null,
  thresholds: Thresholds,
  achieved: boolean,
): number | null {
  if (achieved) return 5;
  if (progress === null) return null;
  const { high, med, low, coefficient } = thresholds;
  if (method === 1) {
    if (progress < low) return Math.max(125 * progress - 2.5, -5);
    // Base value at the limit and no loss: the limit is held, which counts as full progress.
    if (coefficient === 0) return 5;
    if (progress >= high) return Math.min((500 * progress) / coefficient - 5, 5);
    if (progress >= med) return (250 * progress) / coefficient - 1.25;
    if (progress >= low) return (500 * progress) / coefficient - 2.5;
    return null;
  }
  if (progress >= med) return Math.min(7.1429 * progress - 4.2857, 5);
  if (progress < med) return Math.max(4.1667 * progress - 2.5, -5);
  return null;
}

/** A series' status: its progress value against the thresholds. */
export function seriesStatus(
  progress: number | null,
  thresholds: Thresholds,
  achieved: boolean,
): ProgressStatus {
  if (achieved) return 'target_achieved';
  if (progress === null) return 'not_available';
  if (progress >= thresholds.high) return 'substantial_progress';
  if (progress >= thresholds.med) return 'moderate_progress';
  if (progress >= thresholds.low) return 'limited_progress';
  if (progress < thresholds.low) return 'deterioration';
  return 'not_available';
}

/** An indicator's status from its (mean) score: bands of width 2.5 from −5 to 5. */
export function statusFromScore(score: number | null, achieved: boolean): ProgressStatus {
  if (achieved) return 'target_achieved';
  if (score === null) return 'not_available';
  if (score >= 2.5 && score <= 5) return 'substantial_progress';
  if (score >= 0 && score < 2.5) return 'moderate_progress';
  if (score >= -2.5 && score < 0) return 'limited_progress';
  if (score >= -5 && score < -2.5) return 'deterioration';
  return 'not_available';
}
