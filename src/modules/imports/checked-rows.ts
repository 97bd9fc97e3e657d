/**
 * Raw rows validated into compact batches: the half of a bulk load that needs no database. It runs
 * either in the importing thread (small files, uploads) or in a worker thread beside it (large
 * files, import-thread.ts), where parsing and validating overlap the inserts. Both run this same
 * code, so a file gets the same answer either way.
 *
 * A batch is columns, not row objects: typed arrays cross to the other thread without copying,
 * and the writer reads them without a million short-lived objects.
 */
import {
  createRowValidator,
  nearestValue,
  type IndicatorInfo,
  type RawRow,
  type RowProblem,
} from '../../domain/data-import';
import type { PeriodKind } from '../../domain/periods';

/** Stored main-series values per indicator code and period kind, sorted by month ordinal. */
export type Histories = ReadonlyMap<
  string,
  ReadonlyMap<PeriodKind, { at: Float64Array; value: Float64Array }>
>;

/** What validation needs from the database and the caller (structured-cloneable). */
export interface ValidationSetup {
  indicators: IndicatorInfo[];
  /** The yardsticks of the plausibility check. */
  histories: Histories;
  asOf: string;
  allowOutliers?: boolean;
  department?: string;
  /** At most this many problems are kept over the whole file. */
  maxProblems: number;
}

/** The rows of a batch that passed, column by column. */
export interface ValidColumns {
  count: number;
  /** Row number in the file. */
  row: Int32Array;
  /** Position of the row's indicator in `ValidationSetup.indicators`. */
  indicator: Int32Array;
  periodKey: Float64Array;
  period: string[];
  value: Float64Array;
  /** Null when no row of the batch has a source (or note, or breakdown). */
  source: (string | null)[] | null;
  note: (string | null)[] | null;
  breakdown: (Readonly<Record<string, string>> | null)[] | null;
}

/** One batch of a file, checked. */
export interface CheckedBatch {
  /** Rows read (good and bad). */
  read: number;
  /** Rows with at least one problem. */
  bad: number;
  /** Their problems, within the file's `maxProblems`. */
  problems: RowProblem[];
  /** The good rows; empty once any row of the file was bad (nothing will be written). */
  valid: ValidColumns;
}

function columns(size: number): ValidColumns {
  return {
    count: 0,
    row: new Int32Array(size),
    indicator: new Int32Array(size),
    periodKey: new Float64Array(size),
    period: [],
    value: new Float64Array(size),
    source: null,
    note: null,
    breakdown: null,
  };
}

/** Sets a sparse text column's cell, creating the column at its first non-null value. */
function setSparse<T>(column: (T | null)[] | null, k: number, size: number, value: T | null) {
  if (value === null) return column;
  const out = column ?? new Array<T | null>(size).fill(null);
  out[k] = value;
  return out;
}

/** The buffers of a batch's typed arrays, to hand to postMessage as transferable. */
export function batchBuffers(b: CheckedBatch): ArrayBuffer[] {
  const v = b.valid;
  return [v.row, v.indicator, v.periodKey, v.value].map((a) => a.buffer as ArrayBuffer);
}

/** Validates raw rows as they stream, one checked batch per batch read. */
export async function* checkRows(
  rows: AsyncIterable<RawRow[]>,
  setup: ValidationSetup,
): AsyncGenerator<CheckedBatch> {
  const positions = new Map(setup.indicators.map((info, i) => [info.code, i]));
  const validator = createRowValidator({
    indicators: setup.indicators,
    reference: (code, period) => {
      const h = setup.histories.get(code)?.get(period.kind);
      return h ? nearestValue(h.at, h.value, period.last) : undefined;
    },
    asOf: setup.asOf,
    allowOutliers: setup.allowOutliers,
    department: setup.department,
  });
  let anyBad = false;
  let problemsKept = 0;
  for await (const batch of rows) {
    const out: CheckedBatch = {
      read: batch.length,
      bad: 0,
      problems: [],
      valid: columns(anyBad ? 0 : batch.length),
    };
    const v = out.valid;
    for (const raw of batch) {
      const checked = validator.check(raw);
      if (!checked.ok) {
        anyBad = true;
        out.bad++;
        for (const p of checked.problems)
          if (problemsKept < setup.maxProblems) {
            out.problems.push(p);
            problemsKept++;
          }
        continue;
      }
      // Once a row is bad nothing is written: validation goes on only to list every problem.
      if (anyBad) continue;
      const r = checked.row;
      const k = v.count++;
      v.row[k] = r.row;
      v.indicator[k] = positions.get(r.indicator) ?? -1;
      v.periodKey[k] = r.periodKey ?? -1;
      v.period.push(r.period);
      v.value[k] = r.value;
      v.source = setSparse(v.source, k, batch.length, r.source);
      v.note = setSparse(v.note, k, batch.length, r.note);
      v.breakdown = setSparse(v.breakdown, k, batch.length, r.breakdown);
    }
    if (anyBad) v.count = 0;
    yield out;
  }
}
