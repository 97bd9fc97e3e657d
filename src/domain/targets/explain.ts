/**
 * Pieces of the one-sentence explanations. Computed values are shown to four significant
 * digits (约1946亿元), observed ones as reported, growth rates to one decimal (4.5%).
 */
import { formatChinese, formatEnglish } from '../units';
import type { PointOut, Status, TargetEvaluation } from './types';

/** Round to `digits` significant digits (for display only). */
export function roundSignificant(v: number, digits = 4): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const power = Math.floor(Math.log10(Math.abs(v)));
  const places = Math.max(0, digits - 1 - power);
  // Values ≥ 10^digits keep their integer part: 194600 shows as 194600, not 1.946e5.
  return Number(v.toFixed(Math.min(places, 12)));
}

/** A computed value in Chinese (约 values), e.g. `1946亿元`. */
function zhValue(v: number, unit: string): string {
  return formatChinese(roundSignificant(v), unit);
}

/** A computed value in English, e.g. `194.6 billion yuan`. */
function enValue(v: number, unit: string): string {
  return formatEnglish(roundSignificant(v), unit);
}

/** An observed value in Chinese as reported, e.g. `1781.8亿元`. */
function zhObserved(v: number, unit: string): string {
  return formatChinese(v, unit, { maxFractionDigits: 4 });
}

/** An observed value in English. */
function enObserved(v: number, unit: string): string {
  return formatEnglish(v, unit, { maxFractionDigits: 4 });
}

/** A growth rate (fraction) as percent with one decimal: 0.0451 → `4.5%`. */
export function pct(r: number): string {
  return `${(Math.abs(r) * 100).toFixed(1)}%`;
}

/** 增长 or 下降 for a rate. */
function zhGrowth(r: number): string {
  return r < 0 ? `年均下降${pct(r)}` : `年均增长${pct(r)}`;
}

/** `grew x% a year` or `fell x% a year`. */
function enGrowth(r: number): string {
  return r < 0 ? `fell ${pct(r)} a year` : `grew ${pct(r)} a year`;
}

/** The value and growth phrases of one language, as the rules compose them. */
export const zhText = { value: zhValue, observed: zhObserved, growth: zhGrowth };
export const enText = { value: enValue, observed: enObserved, growth: enGrowth };

/** Capitalise the first letter of an English sentence. */
export function sentence(en: string): string {
  return en.charAt(0).toUpperCase() + en.slice(1);
}

/** What a rule decides; evaluate.ts adds projection, staleness, series and rounding. */
export interface RuleOutcome {
  status: Status;
  latest: PointOut | null;
  expected: number | null;
  ratio: number | null;
  required_growth: number | null;
  baseline: PointOut | null;
  expected_path: PointOut[];
  explanation: TargetEvaluation['explanation'];
  /** What a projection should aim at; null: no projection for this kind. */
  aim: { year: number; threshold: number | null; direction: 1 | -1 } | null;
}

/** The fields of an outcome that knows no value, path or aim. */
export const nothingKnown = {
  latest: null,
  expected: null,
  ratio: null,
  required_growth: null,
  baseline: null,
  expected_path: [],
  aim: null,
} satisfies Partial<RuleOutcome>;

/** An outcome with nothing known. */
export function noData(zh: string, en: string, extra: Partial<RuleOutcome> = {}): RuleOutcome {
  return { ...nothingKnown, status: 'no_data', explanation: { zh, en }, ...extra };
}

/** Band a progress ratio with the plan's thresholds. */
export function band(p: number, onTrack: number, atRisk: number): Status {
  return p >= onTrack ? 'on_track' : p >= atRisk ? 'at_risk' : 'off_track';
}
