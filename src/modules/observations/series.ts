/**
 * The workflow state of a value series (the main-series versions of one indicator and period),
 * computed from its versions oldest first: data entry and web uploads read it the same way.
 */
import { groupBy } from '../../domain/collections';

/** What the state needs of a version. */
export interface SeriesVersion {
  indicator_id: number;
  period: string;
  status: string;
  version: number;
  recorded_by: number | null;
}

export interface Series<R extends SeriesVersion> {
  period: string;
  rows: R[];
  /** The latest version not superseded: what the workflow acts on. */
  head: R | undefined;
  /** The latest accepted version: what statuses use, and what a new version replaces. */
  accepted: R | undefined;
  maxVersion: number;
  /** Who entered or edited the versions after the accepted one. */
  openAuthors: (number | null)[];
}

export function seriesState<R extends SeriesVersion>(rows: R[], period = rows[0]?.period ?? ''): Series<R> {
  const live = rows.filter((r) => r.status !== 'superseded');
  const accepted = rows.filter((r) => r.status === 'accepted').at(-1);
  const after = accepted?.version ?? 0;
  return {
    period,
    rows,
    head: live.at(-1),
    accepted,
    maxVersion: rows.reduce((m, r) => Math.max(m, r.version), 0),
    openAuthors: rows.filter((r) => r.version > after).map((r) => r.recorded_by),
  };
}

export const valueSeriesKey = (indicatorId: number, period: string) => `${indicatorId}|${period}`;

/** The state of every series among `rows` (versions of several series, oldest first), by key. */
export function seriesStates<R extends SeriesVersion>(rows: R[]): Map<string, Series<R>> {
  const grouped = groupBy(rows, (r) => valueSeriesKey(r.indicator_id, r.period));
  return new Map([...grouped].map(([key, list]) => [key, seriesState(list)]));
}
