/**
 * Row validation of a bulk data load (CSV, XLSX, Open SDG). Pure and incremental: a validator is
 * fed one row at a time while a file streams past, so a million rows never sit in memory as text.
 * Every problem names the row (as the user sees it: the header is row 1), the column and why.
 */
import { parsePeriod, type Period, type PeriodKind } from '../periods';
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
  /** A preliminary value of a running period (only with `preliminaryAllowed`). */
  preliminary?: boolean;
  /** periodKey() of the period, so a caller need not parse it again. */
  periodKey?: number;
}

/** One thing wrong with one cell. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
  /** A stable code and its values, for a client that words the problem in its language. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ValidatorOptions {
  indicators: readonly IndicatorInfo[];
  /** Main-series history per indicator code, any order. */
  history?: ReadonlyMap<string, readonly HistoryPoint[]>;
  /**
   * Instead of `history`: the stored value a row of `code` for `period` is judged against (a
   * caller holding a million stored values answers from compact arrays, see `nearestValue`).
   */
  reference?: (code: string, period: Period) => number | undefined;
  /** Periods that have not ended by this day (YYYY-MM-DD) are refused. */
  asOf: string;
  /** Accept values outside 1/10…10× of the nearest stored value. */
  allowOutliers?: boolean;
  /** When set, only this department's indicators are accepted. */
  department?: string | null;
  /**
   * Indicators whose running period takes a preliminary value (快报/预计数): such a row is
   * accepted and marked `preliminary` instead of refused as not yet ended.
   */
  preliminaryAllowed?: (code: string) => boolean;
}

const frequencyKind: Record<string, PeriodKind> = { annual: 'year', quarterly: 'quarter', monthly: 'month' };
const periodShape: Record<PeriodKind, string> = { year: 'YYYY', quarter: 'YYYY-Qn', month: 'YYYY-MM' };
/** Percentages, points and ranks swing legitimately (a growth rate of 0.5% then 6%): no range check. */
const unbounded = new Set(['%', 'pp', '个百分点', '名']);
const OUTLIER_FACTOR = 10;

type Indexed = { at: number[]; value: number[] };

/**
 * History as month ordinals, sorted, one list per period kind: a monthly flow's annual total
 * (good_air_days 2022 = 300) must not be the yardstick of a month (25).
 */
function indexHistory(points: readonly HistoryPoint[]): Map<PeriodKind, Indexed> {
  const byKind = new Map<PeriodKind, { at: number; value: number }[]>();
  for (const p of points) {
    const r = parsePeriod(p.period);
    if (!r.ok) continue;
    const list = byKind.get(r.period.kind) ?? [];
    list.push({ at: r.period.last, value: p.value });
    byKind.set(r.period.kind, list);
  }
  const out = new Map<PeriodKind, Indexed>();
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a.at - b.at);
    out.set(kind, { at: list.map((p) => p.at), value: list.map((p) => p.value) });
  }
  return out;
}

/**
 * Of values at sorted month ordinals `at`, the one of the latest period ending at or before
 * `target`, else the earliest after it; undefined when there is none.
 */
export function nearestValue(
  at: ArrayLike<number>,
  value: ArrayLike<number>,
  target: number,
  length = at.length,
): number | undefined {
  if (length === 0) return undefined;
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] ?? 0) <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? value[lo - 1] : value[0];
}

/** Adds a problem (a plain function: the validator's hot path creates no closures per row). */
function note(
  problems: RowProblem[],
  row: number,
  column: string,
  reason: string,
  code?: string,
  params?: Record<string, string | number>,
): void {
  problems.push(code ? { row, column, reason, code, params: params ?? {} } : { row, column, reason });
}

/** Period keys: month ordinal × 3 + kind, below this bound for years up to 9999. */
const periodKeys = 10_000 * 12 * 3;

/** A small integer naming a period (`2024`, `2024-Q1` and `2024-01` all differ). */
export function periodKey(p: Period): number {
  return p.first * 3 + (p.kind === 'year' ? 0 : p.kind === 'quarter' ? 1 : 2);
}
const cleaned = (s: string | null | undefined) =>
  s === undefined || s === null || s.trim() === '' ? null : s.trim();

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
  const histories = new Map<string, Map<PeriodKind, Indexed>>();
  for (const [code, points] of options.history ?? []) histories.set(code, indexHistory(points));
  const asOfMonth = monthOrdinal(options.asOf);
  // One bit per (indicator, period) of the main series: 45 kB per indicator however many rows.
  const seenMain = new Map<number, Uint8Array>();
  const seenBreakdown = new Map<string, number>();
  const firstRowOf = new Map<number, number>();
  const reference =
    options.reference ??
    ((code: string, period: Period) => {
      const h = histories.get(code)?.get(period.kind);
      return h ? nearestValue(h.at, h.value, period.last) : undefined;
    });

  return {
    /** Validates one row: the cleaned row, or its problems (every bad cell, not only the first). */
    check(raw: RawRow): { ok: true; row: ValidRow } | { ok: false; problems: RowProblem[] } {
      const problems: RowProblem[] = [];
      const code = raw.indicator.trim();
      const entry = indicators.get(code);
      if (code === '') note(problems, raw.row, 'indicator', 'indicator is empty', 'indicator_empty');
      else if (!entry)
        note(
          problems,
          raw.row,
          'indicator',
          `unknown indicator '${code.slice(0, 60)}' (not in this plan)`,
          'indicator_unknown',
          {
            indicator: code.slice(0, 60),
          },
        );
      else if (options.department && entry.info.department !== options.department)
        note(
          problems,
          raw.row,
          'indicator',
          `indicator '${code}' belongs to another department, not '${options.department}'`,
        );

      const periodText = raw.period.trim();
      const parsed = parsePeriod(periodText);
      let period: Period | undefined;
      let key = -1;
      let preliminary = false;
      if (!parsed.ok)
        note(problems, raw.row, 'period', parsed.reason, 'period_invalid', {
          period: periodText.slice(0, 20),
        });
      else {
        const p = parsed.period;
        const wanted = entry ? frequencyKind[entry.info.frequency] : undefined;
        if (wanted && wanted !== p.kind)
          note(
            problems,
            raw.row,
            'period',
            `${code} is ${entry?.info.frequency}: period must be ${periodShape[wanted]}, not ${periodText}`,
            'period_kind',
            { indicator: code, shape: periodShape[wanted], period: periodText },
          );
        else if (p.last >= asOfMonth && p.first <= asOfMonth && options.preliminaryAllowed?.(code)) {
          // The running period: a preliminary value (快报/预计数), judged like any other.
          preliminary = true;
          period = p;
        } else if (p.last >= asOfMonth)
          note(
            problems,
            raw.row,
            'period',
            `period ${periodText} has not ended by ${options.asOf}`,
            'period_not_ended',
            {
              period: periodText,
              as_of: options.asOf,
            },
          );
        // A period of the wrong kind has no yardstick: judging a month by a year would only add noise.
        else period = p;
        key = periodKey(p);
      }

      let value = NaN;
      const read = parseValue(raw.value);
      if (!read.ok)
        note(problems, raw.row, 'value', read.reason, 'value_invalid', { value: raw.value.slice(0, 40) });
      else value = read.value;

      const unit = raw.unit?.trim() ?? '';
      if (unit !== '' && entry && unit !== entry.info.unit) {
        // A convertible unit (万元 for 亿元) is converted exactly; another base unit is refused.
        const converted = convertValue(read.ok ? read.value : 0, unit, entry.info.unit);
        if (!converted.ok)
          note(
            problems,
            raw.row,
            'unit',
            `unit ${unit} does not match ${code}'s unit ${entry.info.unit}`,
            'unit_mismatch',
            {
              unit,
              expected: entry.info.unit,
            },
          );
        else if (read.ok) value = converted.value;
      }

      const breakdown = raw.breakdown ?? null;
      if (entry && key >= 0) {
        const numeric = entry.index * periodKeys + key;
        if (breakdown === null) {
          let bits = seenMain.get(entry.index);
          if (!bits) seenMain.set(entry.index, (bits = new Uint8Array(periodKeys >> 3)));
          const mask = 1 << (key & 7);
          const first = firstRowOf.get(numeric);
          if ((bits[key >> 3] ?? 0) & mask)
            note(
              problems,
              raw.row,
              'period',
              `second value of ${code} for ${periodText} in this file${first ? ` (first in row ${first})` : ''}`,
              'duplicate',
              { indicator: code, period: periodText, first: first ?? 0 },
            );
          else {
            bits[key >> 3] = (bits[key >> 3] ?? 0) | mask;
            // Remember where only a bounded number of first rows were, for the message.
            if (firstRowOf.size < 10_000) firstRowOf.set(numeric, raw.row);
          }
        } else {
          const key = `${numeric}|${JSON.stringify(breakdown)}`;
          const first = seenBreakdown.get(key);
          if (first !== undefined)
            note(
              problems,
              raw.row,
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
        const ref = period ? reference(code, period) : undefined;
        if (ref !== undefined && ref !== 0 && value !== 0 && Math.sign(ref) === Math.sign(value)) {
          const ratio = value / ref;
          if (ratio > OUTLIER_FACTOR || ratio < 1 / OUTLIER_FACTOR)
            note(
              problems,
              raw.row,
              'value',
              `${value} is outside 1/${OUTLIER_FACTOR}…${OUTLIER_FACTOR}× of the stored ${ref} (check the unit, or pass --allow-outliers)`,
              'outlier',
              { value, reference: ref },
            );
        }
      }

      if (problems.length > 0) return { ok: false, problems };
      return {
        ok: true,
        row: {
          row: raw.row,
          indicator: code,
          period: periodText,
          value,
          source: cleaned(raw.source),
          note: cleaned(raw.note),
          breakdown,
          periodKey: key,
          ...(preliminary ? { preliminary } : {}),
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
