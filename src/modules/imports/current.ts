/**
 * The current accepted version of every series of a plan's indicators, kept compactly while a
 * file is compared with it: a correction names the row it replaces; an identical row is skipped.
 */
import type { HistoryPoint } from '../../domain/data-import';
import type { Db } from '../../db';
import { seriesKey } from '../plans/plans.import';
import { listAcceptedRows, type AcceptedRow } from './imports.repository';

/** One current version. */
export interface Current {
  id: number;
  version: number;
  value: number;
  source: string | null;
  note: string | null;
}

/** The accepted rows that no other accepted row replaces, in id order. */
export function currentRows(rows: AcceptedRow[]): AcceptedRow[] {
  const replaced = new Set<number>();
  for (const r of rows) if (r.replaces_id !== null) replaced.add(r.replaces_id);
  return rows.filter((r) => !replaced.has(r.id));
}

/** Current state of a plan: per indicator id, series key → current version; plus history. */
export interface PlanState {
  series: Map<number, Map<string, Current>>;
  /** Main-series values per indicator code, for the plausibility check. */
  history: Map<string, HistoryPoint[]>;
}

/** Loads the state of the given indicators, one query each. */
export async function loadState(db: Db, indicators: { id: number; code: string }[]): Promise<PlanState> {
  const state: PlanState = { series: new Map(), history: new Map() };
  for (const ind of indicators) {
    const map = new Map<string, Current>();
    const history: HistoryPoint[] = [];
    for (const r of currentRows(await listAcceptedRows(db.kysely, ind.id))) {
      map.set(seriesKey(r), { id: r.id, version: r.version, value: r.value, source: r.source, note: r.note });
      if (!r.alternate) history.push({ period: r.period, value: r.value });
    }
    state.series.set(ind.id, map);
    state.history.set(ind.code, history);
  }
  return state;
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
