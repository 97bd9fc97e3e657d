// Reads the progress settings of one indicator's metadata (the YAML front matter of meta/G-T-I.md),
// with sdg-build's defaults: base year 2015, target year 2030, direction negative, no target, no
// limit, and one headline series when `progress_calculation_options` is missing or empty.
import type { Outcome } from './csv';

/** A value a data cell is compared with (YAML scalar). */
export type FieldValue = string | number | boolean | null;

/** User-configured progress thresholds; unset ones keep the method's defaults. */
export interface ThresholdOverrides {
  readonly high?: number;
  readonly med?: number;
  readonly low?: number;
}

/** One entry of `progress_calculation_options`: which series to measure, and how. */
export interface SeriesConfig {
  readonly series: FieldValue | undefined;
  readonly unit: FieldValue | undefined;
  readonly disaggregation: readonly { readonly field: string; readonly value: FieldValue }[];
  readonly baseYear: number;
  /** null: method 1 (no quantitative target). */
  readonly target: number | null;
  readonly targetYear: number;
  /** 1 when the desired direction is `positive`, otherwise -1 (sdg-build's default is negative). */
  readonly direction: 1 | -1;
  readonly limit: number | null;
  readonly thresholds: ThresholdOverrides;
}

/** What the metadata says about progress: automatic calculation (with its series) or a manual status. */
export type ProgressSettings =
  | { readonly auto: true; readonly configs: readonly SeriesConfig[] }
  | { readonly auto: false; readonly manualStatus: string };

type Fields = Readonly<Record<string, unknown>>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A number option: absent or null → fallback; anything but a finite number is an error. */
function numberOption(
  config: Fields,
  key: string,
  fallback: number | null,
): Outcome<{ value: number | null }> {
  const value = config[key];
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  return { ok: false, reason: `${key} must be a number, got ${JSON.stringify(value)}` };
}

function readThresholds(value: unknown): Outcome<{ thresholds: ThresholdOverrides }> {
  if (value === undefined || value === null) return { ok: true, thresholds: {} };
  if (!isFields(value)) return { ok: false, reason: 'progress_thresholds must be a mapping' };
  const thresholds: Record<string, number> = {};
  for (const key of ['high', 'med', 'low'] as const) {
    const read = numberOption(value, key, null);
    if (!read.ok) return { ok: false, reason: `progress_thresholds.${read.reason}` };
    if (read.value !== null) thresholds[key] = read.value;
  }
  return { ok: true, thresholds };
}

function readDisaggregation(value: unknown): Outcome<{ list: SeriesConfig['disaggregation'] }> {
  if (value === undefined || value === null) return { ok: true, list: [] };
  if (!Array.isArray(value)) return { ok: false, reason: 'disaggregation must be a list' };
  const list: { field: string; value: FieldValue }[] = [];
  for (const item of value as unknown[]) {
    if (!isFields(item) || typeof item.field !== 'string' || !isFieldValue(item.value ?? null)) {
      return { ok: false, reason: 'each disaggregation entry needs a field name and a scalar value' };
    }
    list.push({ field: item.field, value: (item.value ?? null) as FieldValue });
  }
  return { ok: true, list };
}

/** Read one `progress_calculation_options` entry, filling sdg-build's defaults. */
export function readSeriesConfig(raw: unknown): Outcome<{ config: SeriesConfig }> {
  const config: Fields = isFields(raw) ? raw : {};
  if (raw !== null && raw !== undefined && !isFields(raw)) {
    return { ok: false, reason: 'each progress_calculation_options entry must be a mapping' };
  }
  const baseYear = numberOption(config, 'base_year', 2015);
  if (!baseYear.ok) return baseYear;
  const target = numberOption(config, 'target', null);
  if (!target.ok) return target;
  const targetYear = numberOption(config, 'target_year', 2030);
  if (!targetYear.ok) return targetYear;
  const limit = numberOption(config, 'limit', null);
  if (!limit.ok) return limit;
  const thresholds = readThresholds(config.progress_thresholds);
  if (!thresholds.ok) return thresholds;
  const disaggregation = readDisaggregation(config.disaggregation);
  if (!disaggregation.ok) return disaggregation;
  for (const key of ['series', 'unit']) {
    if (!isFieldValue(config[key] ?? null)) return { ok: false, reason: `${key} must be a scalar` };
  }
  return {
    ok: true,
    config: {
      series: config.series as FieldValue | undefined,
      unit: config.unit as FieldValue | undefined,
      disaggregation: disaggregation.list,
      baseYear: baseYear.value ?? 2015,
      // A zero target would divide by zero in the growth ratio; sdg-build measures against 0.001.
      target: target.value === 0 ? 0.001 : target.value,
      targetYear: targetYear.value ?? 2030,
      direction: config.direction === 'positive' ? 1 : -1,
      limit: limit.value,
      thresholds: thresholds.thresholds,
    },
  };
}

/**
 * Read an indicator's progress settings from its metadata object. Only `auto_progress_calculation:
 * true` turns the calculation on; otherwise any `progress_status` is the manual status ('' if none).
 */
export function readProgressSettings(meta: unknown): Outcome<{ settings: ProgressSettings }> {
  const fields: Fields = isFields(meta) ? meta : {};
  if (fields.auto_progress_calculation !== true) {
    const manual = fields.progress_status;
    return { ok: true, settings: { auto: false, manualStatus: typeof manual === 'string' ? manual : '' } };
  }
  const options = fields.progress_calculation_options;
  // An empty or absent list means one series with every default: the headline.
  const entries: unknown[] = Array.isArray(options) && options.length > 0 ? (options as unknown[]) : [{}];
  if (options !== undefined && options !== null && !Array.isArray(options)) {
    return { ok: false, reason: 'progress_calculation_options must be a list' };
  }
  const configs: SeriesConfig[] = [];
  for (const [index, entry] of entries.entries()) {
    const read = readSeriesConfig(entry);
    if (!read.ok) return { ok: false, reason: `progress_calculation_options[${index}]: ${read.reason}` };
    configs.push(read.config);
  }
  return { ok: true, settings: { auto: true, configs } };
}
