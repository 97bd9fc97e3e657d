// Progress of one series and of a whole indicator, as sdg-build computes it: each configured
// series gets a progress value, a status and a −5…5 score; the indicator's score is the mean of
// the series scores and its status follows from that mean (or target_achieved when every scored
// series has reached its target).
import type { Outcome } from './csv';
import * as measure from './measure';
import { readProgressSettings, type FieldValue, type SeriesConfig } from './options';
import { selectSeries } from './select';
import type { IndicatorTable } from './table';

/** One series' calculation components (the fields of Open SDG's indicator_calculation_components.yml). */
export interface SeriesProgress {
  readonly tag: string;
  readonly baseYear: number | null;
  readonly baseValue: number | null;
  readonly currentYear: number | null;
  readonly currentValue: number | null;
  readonly target: number | null;
  readonly targetYear: number;
  readonly direction: 1 | -1;
  readonly sign: 1 | -1 | null;
  readonly limit: number | null;
  readonly progressValue: number | null;
  readonly status: measure.ProgressStatus;
  readonly score: number | null;
  /** Why something was skipped or assumed (value not found, too few years, …). */
  readonly warnings: readonly string[];
}

/** An indicator's progress: computed (`auto`) or the status set by hand in its metadata. */
export type IndicatorProgress =
  | {
      readonly indicator: string;
      readonly auto: true;
      readonly status: measure.ProgressStatus;
      readonly score: number | null;
      readonly series: readonly SeriesProgress[];
    }
  | { readonly indicator: string; readonly auto: false; readonly status: string; readonly score: null };

/** Python's str() of a YAML scalar, for the series tag. */
function pythonString(value: FieldValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

/** The series tag: indicator id, then the series, unit and disaggregation values, joined by " / ". */
export function seriesTag(indicator: string, config: SeriesConfig): string {
  const parts = [indicator];
  if (config.series !== undefined && config.series !== null) parts.push(pythonString(config.series));
  if (config.unit !== undefined && config.unit !== null) parts.push(pythonString(config.unit));
  for (const { value } of config.disaggregation) parts.push(pythonString(value));
  return parts.join(' / ');
}

/**
 * Compute one configured series of an indicator (`table` null: the indicator has no data). An
 * error means sdg-build would stop on this series (no headline, several series left, duplicate
 * years, a growth rate that is not a real number).
 */
export function computeSeriesProgress(
  indicator: string,
  table: IndicatorTable | null,
  config: SeriesConfig,
): Outcome<{ series: SeriesProgress }> {
  const tag = seriesTag(indicator, config);
  const method: measure.Method = config.target === null ? 1 : 2;
  const selected =
    table === null ? { ok: true as const, points: [], warnings: ['no data'] } : selectSeries(table, config);
  if (!selected.ok) return { ok: false, reason: `${tag}: ${selected.reason}` };
  const warnings = [...selected.warnings];
  const empty: SeriesProgress = {
    tag,
    baseYear: config.baseYear,
    baseValue: null,
    currentYear: null,
    currentValue: null,
    target: config.target,
    targetYear: config.targetYear,
    direction: config.direction,
    sign: null,
    limit: config.limit,
    progressValue: null,
    status: 'not_available',
    score: null,
    warnings,
  };
  const points = selected.points;
  if (points.length === 0)
    return { ok: true, series: { ...empty, warnings: [...warnings, 'no data points'] } };
  const current = points.reduce((latest, point) => (point.year > latest.year ? point : latest));
  // The base year is the configured one, or the first later year with data.
  const base =
    points.find((point) => point.year === config.baseYear) ??
    points.filter((point) => point.year > config.baseYear).sort((a, b) => a.year - b.year)[0];
  if (base === undefined) {
    // sdg-build fails here (it looks up the value of a missing year); every data point predates
    // the base year, so there is no progress to measure: not available.
    const reason = `no data in or after base year ${config.baseYear}`;
    return {
      ok: true,
      series: {
        ...empty,
        currentYear: current.year,
        currentValue: current.value,
        warnings: [...warnings, reason],
      },
    };
  }
  const sign = base.value < 0 ? -1 : 1;
  const thresholds = measure.progressThresholds(method, config.thresholds, config.limit, base.value);
  const achieved = measure.targetAchieved(config.target, config.direction, current.value);
  // A zero base value has no growth rate; sdg-build measures from 0.001 instead.
  const baseValue = base.value === 0 ? 0.001 : base.value;
  let progress: number | null = null;
  if ((baseValue > 0 && current.value < 0) || (baseValue < 0 && current.value > 0)) {
    warnings.push('base and current values have opposite signs');
  } else if (current.year - base.year < 1) {
    warnings.push('fewer than two years of data from the base year');
  } else {
    progress = measure.progressValue({
      method,
      direction: config.direction,
      sign,
      baseYear: base.year,
      baseValue,
      currentYear: current.year,
      currentValue: current.value,
      target: config.target,
      targetYear: config.targetYear,
    });
    if (!Number.isFinite(progress))
      return { ok: false, reason: `${tag}: the progress value is not a real number` };
  }
  return {
    ok: true,
    series: {
      ...empty,
      baseYear: base.year,
      baseValue,
      currentYear: current.year,
      currentValue: current.value,
      sign,
      progressValue: progress,
      status: measure.seriesStatus(progress, thresholds, achieved),
      score: measure.progressScore(method, progress, thresholds, achieved),
      warnings,
    },
  };
}

/**
 * Compute an indicator's progress from its data (`table`, null when it has none) and metadata
 * object. Without `auto_progress_calculation: true` the result is the manual `progress_status`
 * ('' if none) with no score, as in Open SDG.
 */
export function computeIndicatorProgress(
  indicator: string,
  table: IndicatorTable | null,
  meta: unknown,
): Outcome<{ progress: IndicatorProgress }> {
  const read = readProgressSettings(meta);
  if (!read.ok) return { ok: false, reason: read.reason };
  const settings = read.settings;
  if (!settings.auto) {
    return { ok: true, progress: { indicator, auto: false, status: settings.manualStatus, score: null } };
  }
  const series: SeriesProgress[] = [];
  for (const config of settings.configs) {
    const computed = computeSeriesProgress(indicator, table, config);
    if (!computed.ok) return computed;
    series.push(computed.series);
  }
  // Unscored series (no data, one year only) do not count, neither for the mean nor for the targets.
  const scored = series.filter((s) => s.score !== null);
  const scores = scored.map((s) => s.score ?? 0);
  const score = scores.length > 0 ? scores.reduce((sum, value) => sum + value, 0) / scores.length : null;
  const allAchieved = scored.length > 0 && scored.every((s) => s.status === 'target_achieved');
  return {
    ok: true,
    progress: { indicator, auto: true, status: measure.statusFromScore(score, allAchieved), score, series },
  };
}
