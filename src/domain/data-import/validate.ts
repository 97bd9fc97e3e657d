/**
 * Row validation of a bulk data load (CSV, XLSX, Open SDG). Pure and incremental: a validator is
 * fed one row at a time while a file streams past, so a million rows never sit in memory as text.
 * Every problem names the row (as the user sees it: the header is row 1), the column and why.
 */
import { parsePeriod, type PeriodKind } from '../periods';
import { convertValue } from '../units';
import { parseValue } from './values';

/** An indicator of the plan, as the validator needs it. */
export interface IndicatorInfo {
  code: string;
  unit: string;
  frequency: string;
  /** Code of the responsible department, if any. */
  department: string | null;
}

/** A stored value of an indicator's main series, for the plausibility check. */
export interface HistoryPoint {
  period: string;
  value: number;
}

/** One row as read from a file: every cell still text. */
export interface RawRow {
  /** Row number in the file (header = 1). */
  row: number;
  indicator: string;
  period: string;
  value: string;
  unit?: string | null;
  source?: string | null;
  note?: string | null;
  /** Open SDG disaggregation (column → value), or null for the headline series. */
  breakdown?: Readonly<Record<string, string>> | null;
}

/** A row that passed: what will be compared with the database and perhaps written. */
export interface ValidRow {
  row: number;
  indicator: string;
  period: string;
  /** In the indicator's own unit (converted when the file gave a convertible unit). */
  value: number;
  source: string | null;
  note: string | null;
  breakdown: Readonly<Record<string, string>> | null;
}

/** One thing wrong with one cell. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

export interface ValidatorOptions {
  indicators: readonly IndicatorInfo[];
  /** Main-series history per indicator code, any order. */
  history?: ReadonlyMap<string, readonly HistoryPoint[]>;
  /** Periods that have not ended by this day (YYYY-MM-DD) are refused. */
  asOf: string;
  /** Accept values outside 1/10…10× of the nearest stored value. */
  allowOutliers?: boolean;
  /** When set, only this department's indicators are accepted. */
  department?: string | null;
}

const frequencyKind: Record<string, PeriodKind> = { annual: 'year', quarterly: 'quarter', monthly: 'month' };
const periodShape: Record<PeriodKind, string> = { year: 'YYYY', quarter: 'YYYY-Qn', month: 'YYYY-MM' };
/** Percentages, points and ranks swing legitimately (a growth rate of 0.5% then 6%): no range check. */
const unbounded = new Set(['%', 'pp', '个百分点', '名']);
const OUTLIER_FACTOR = 10;

/** History as month ordinals, sorted, for a nearest-period look-up. */
function indexHistory(points: readonly HistoryPoint[]): { at: number[]; value: number[] } {
  const parsed = points
    .map((p) => ({ r: parsePeriod(p.period), value: p.value }))
    .flatMap((p) => (p.r.ok ? [{ at: p.r.period.last, value: p.value }] : []))
    .sort((a, b) => a.at - b.at);
  return { at: parsed.map((p) => p.at), value: parsed.map((p) => p.value) };
}

/** The stored value of the latest period ending at or before `at`, else the earliest after it. */
function nearest(h: { at: number[]; value: number[] }, at: number): number | undefined {
  let lo = 0;
  let hi = h.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((h.at[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? h.value[lo - 1] : h.value[0];
}

/** Month ordinal (year × 12 + month − 1) of a YYYY-MM-DD day. */
function monthOrdinal(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/**
 * A stateful validator for one file: call `check` for each row in file order, then `problems`.
 * It remembers (indicator, period, breakdown) keys to refuse duplicates within the file; main
 * series keys are numbers so a million rows cost a few tens of megabytes, not hundreds.
 */
export function createRowValidator(options: ValidatorOptions) {
  const indicators = new Map<string, { info: IndicatorInfo; index: number }>();
  options.indicators.forEach((info, index) => indicators.set(info.code, { info, index }));
  const histories = new Map<string, { at: number[]; value: number[] }>();
  for (const [code, points] of options.history ?? []) histories.set(code, indexHistory(points));
  const asOfMonth = monthOrdinal(options.asOf);
  const seenMain = new Set<number>();
  const seenBreakdown = new Map<string, number>();
  const firstRowOf = new Map<number, number>();

  return {
    /** Validates one row: the cleaned row, or its problems (every bad cell, not only the first). */
    check(raw: RawRow): { ok: true; row: ValidRow } | { ok: false; problems: RowProblem[] } {
      const problems: RowProblem[] = [];
      const bad = (column: string, reason: string) => problems.push({ row: raw.row, column, reason });
      const code = raw.indicator.trim();
      const entry = indicators.get(code);
      if (code === '') bad('indicator', 'indicator is empty');
      else if (!entry) bad('indicator', `unknown indicator '${code.slice(0, 60)}' (not in this plan)`);
      else if (options.department && entry.info.department !== options.department)
        bad('indicator', `indicator '${code}' belongs to another department, not '${options.department}'`);

      const periodText = raw.period.trim();
      const parsed = parsePeriod(periodText);
      let periodLast = -1;
      let periodKey = -1;
      if (!parsed.ok) bad('period', parsed.reason);
      else {
        const p = parsed.period;
        const wanted = entry ? frequencyKind[entry.info.frequency] : undefined;
        if (wanted && wanted !== p.kind)
          bad(
            'period',
            `${code} is ${entry?.info.frequency}: period must be ${periodShape[wanted]}, not ${periodText}`,
          );
        else if (p.last >= asOfMonth) bad('period', `period ${periodText} has not ended by ${options.asOf}`);
        periodLast = p.last;
        periodKey = p.first * 3 + (p.kind === 'year' ? 0 : p.kind === 'quarter' ? 1 : 2);
      }

      let value = NaN;
      const read = parseValue(raw.value);
      if (!read.ok) bad('value', read.reason);
      else value = read.value;

      const unit = raw.unit?.trim() ?? '';
      if (unit !== '' && entry && unit !== entry.info.unit) {
        // A convertible unit (万元 for 亿元) is converted exactly; another base unit is refused.
        const converted = convertValue(read.ok ? read.value : 0, unit, entry.info.unit);
        if (!converted.ok) bad('unit', `unit ${unit} does not match ${code}'s unit ${entry.info.unit}`);
        else if (read.ok) value = converted.value;
      }

      const breakdown = raw.breakdown ?? null;
      if (entry && periodKey >= 0) {
        const numeric = entry.index * 1_000_000 + periodKey;
        if (breakdown === null) {
          const first = firstRowOf.get(numeric);
          if (seenMain.has(numeric))
            bad(
              'period',
              `second value of ${code} for ${periodText} in this file${first ? ` (first in row ${first})` : ''}`,
            );
          else {
            seenMain.add(numeric);
            // Remember where only a bounded number of first rows were, for the message.
            if (firstRowOf.size < 100_000) firstRowOf.set(numeric, raw.row);
          }
        } else {
          const key = `${numeric}|${JSON.stringify(breakdown)}`;
          const first = seenBreakdown.get(key);
          if (first !== undefined)
            bad(
              'period',
              `second value of ${code} for ${periodText} with the same breakdown (first in row ${first})`,
            );
          else seenBreakdown.set(key, raw.row);
        }
      }

      if (
        entry &&
        read.ok &&
        breakdown === null &&
        !options.allowOutliers &&
        !unbounded.has(entry.info.unit)
      ) {
        const h = histories.get(code);
        const ref = h && h.at.length > 0 && periodLast >= 0 ? nearest(h, periodLast) : undefined;
        if (ref !== undefined && ref !== 0 && value !== 0 && Math.sign(ref) === Math.sign(value)) {
          const ratio = value / ref;
          if (ratio > OUTLIER_FACTOR || ratio < 1 / OUTLIER_FACTOR)
            bad(
              'value',
              `${value} is outside 1/${OUTLIER_FACTOR}…${OUTLIER_FACTOR}× of the stored ${ref} (check the unit, or pass --allow-outliers)`,
            );
        }
      }

      if (problems.length > 0) return { ok: false, problems };
      const text = (s: string | null | undefined) =>
        s === undefined || s === null || s.trim() === '' ? null : s.trim();
      return {
        ok: true,
        row: {
          row: raw.row,
          indicator: code,
          period: periodText,
          value,
          source: text(raw.source),
          note: text(raw.note),
          breakdown,
        },
      };
    },
  };
}

export type RowValidator = ReturnType<typeof createRowValidator>;

/** `file: row 12, value: not a number: "abc"` — the line the CLI prints per problem. */
export function formatRowProblem(file: string, p: RowProblem): string {
  return `${file}: row ${p.row}, ${p.column}: ${p.reason}`;
}
