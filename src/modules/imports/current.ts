/**
 * The current accepted version of every series of a plan's indicators, held compactly while a
 * file is compared with it (a million stored values must not cost a million objects): numeric
 * period keys, parallel number arrays, and source/note only where they are set.
 */
import { periodKey, seriesKey } from '../../domain/data-import';
import { parsePeriod, type Period, type PeriodKind } from '../../domain/periods';
import type { Histories } from './checked-rows';
import type { Executor } from '../../db';
import { currentSeries } from '../observations';

/** One current version. */
export interface Current {
  id: number;
  version: number;
  value: number;
  source: string | null;
  note: string | null;
}

type SeriesRow = Awaited<ReturnType<typeof currentSeries>>[number];

/** One indicator's current versions. */
class IndicatorState {
  /** Main series: period key → slot. */
  readonly main = new Map<number, number>();
  /** Alternate series: seriesKey → slot. */
  readonly alternates = new Map<string, number>();
  readonly id: number[] = [];
  readonly version: number[] = [];
  readonly value: number[] = [];
  readonly texts = new Map<number, { source: string | null; note: string | null }>();
  /** Main-series values per period kind as read; `sortHistory` turns them into `history`. */
  private readonly unsorted = new Map<PeriodKind, { at: number[]; value: number[] }>();
  /**
   * Main-series history per period kind, sorted by month ordinal, for the plausibility check; in
   * typed arrays, which cross to the import thread as one block each.
   */
  readonly history = new Map<PeriodKind, { at: Float64Array; value: Float64Array }>();
  /** The main-series value of the latest period. */
  latest: { period: string; value: number; last: number } | undefined;

  add(r: SeriesRow): void {
    const slot = this.id.length;
    this.id.push(r.id);
    this.version.push(r.version);
    this.value.push(r.value);
    if (r.source !== null || r.note !== null) this.texts.set(slot, { source: r.source, note: r.note });
    const parsed = parsePeriod(r.period);
    if (r.alternate) this.alternates.set(seriesKey(r), slot);
    else if (parsed.ok) {
      this.main.set(periodKey(parsed.period), slot);
      if (!this.latest || parsed.period.last > this.latest.last)
        this.latest = { period: r.period, value: r.value, last: parsed.period.last };
      const h = this.unsorted.get(parsed.period.kind) ?? { at: [], value: [] };
      h.at.push(parsed.period.last);
      h.value.push(r.value);
      this.unsorted.set(parsed.period.kind, h);
    }
  }

  sortHistory(): void {
    for (const [kind, h] of this.unsorted) {
      const order = h.at.map((_, i) => i).sort((a, b) => (h.at[a] ?? 0) - (h.at[b] ?? 0));
      this.history.set(kind, {
        at: Float64Array.from(order, (i) => h.at[i] ?? 0),
        value: Float64Array.from(order, (i) => h.value[i] ?? 0),
      });
    }
    this.unsorted.clear();
  }

  get(slot: number | undefined): Current | undefined {
    if (slot === undefined) return undefined;
    const t = this.texts.get(slot);
    return {
      id: this.id[slot] ?? 0,
      version: this.version[slot] ?? 0,
      value: this.value[slot] ?? 0,
      source: t?.source ?? null,
      note: t?.note ?? null,
    };
  }
}

/** Current state of a plan's indicators. */
export class PlanState {
  private readonly byId = new Map<number, IndicatorState>();
  private readonly byCode = new Map<string, IndicatorState>();

  /** Loads the given indicators, one query each (only one indicator's rows are ever in flight). */
  static async load(db: Executor, indicators: { id: number; code: string }[]): Promise<PlanState> {
    const state = new PlanState();
    for (const ind of indicators) {
      const s = new IndicatorState();
      for (const r of await currentSeries(db, ind.id)) s.add(r);
      s.sortHistory();
      state.byId.set(ind.id, s);
      state.byCode.set(ind.code, s);
    }
    return state;
  }

  /** The current main-series version of a period. */
  main(indicatorId: number, period: Period): Current | undefined {
    const s = this.byId.get(indicatorId);
    return s?.get(s.main.get(periodKey(period)));
  }

  /** The current main-series version of a period given by its periodKey(). */
  mainByKey(indicatorId: number, key: number): Current | undefined {
    const s = this.byId.get(indicatorId);
    return s?.get(s.main.get(key));
  }

  /** The main-series value of the indicator's latest period. */
  latest(indicatorId: number): { period: string; value: number } | undefined {
    return this.byId.get(indicatorId)?.latest;
  }

  /** The current version of an alternate series (keyed as plans.import keys them). */
  alternate(indicatorId: number, period: string, source: string | null): Current | undefined {
    const s = this.byId.get(indicatorId);
    return s?.get(s.alternates.get(seriesKey({ period, alternate: true, source })));
  }

  /** The validator's yardsticks: main-series values per indicator code and period kind, sorted. */
  histories(): Histories {
    return new Map([...this.byCode].map(([code, s]) => [code, s.history]));
  }
}

/**
 * True when the file says nothing new: same value, and the same source and note where the file
 * gives them (a file without a note does not erase one written by hand).
 */
export function unchanged(cur: Current, value: number, source: string | null, note: string | null): boolean {
  return (
    cur.value === value && (source === null || source === cur.source) && (note === null || note === cur.note)
  );
}
