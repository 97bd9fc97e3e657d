/**
 * Ranks of a city's districts on an indicator they share, from accepted current values: ties
 * share a rank (1, 1, 3), a district without a value is listed without a rank, and a value
 * accepted after its period's reporting deadline is flagged late.
 */
import type { RankEntry, Ranks } from '../../contracts/city';
import type { Db } from '../../db';
import { competitionRanks, type Direction } from '../../domain/city';
import { notFound } from '../errors';
import * as repo from './city.repository';
import { districtSeries, latestPeriod, type DistrictSeries } from './city.values';

export interface RanksQuery {
  indicator: string;
  /** YYYY, YYYY-Qn or YYYY-MM; default the latest period with data. */
  period?: string | undefined;
  /** As known at the end of this day (YYYY-MM-DD); default now. */
  asOf?: string | undefined;
}

/** The direction most districts give the indicator (the newest plan's on a tie). */
function directionOf(series: readonly DistrictSeries[]): Direction {
  let down = 0;
  let up = 0;
  for (const s of series) {
    if (s.indicator?.direction === 'down') down++;
    else if (s.indicator) up++;
  }
  return down > up ? 'down' : 'up';
}

/** Ranks one period of already loaded series. */
export function rankPeriod(series: readonly DistrictSeries[], period: string | null): RankEntry[] {
  const ranked = competitionRanks(
    series.map((s) => ({ key: s, value: period === null ? null : (s.values.get(period)?.value ?? null) })),
    directionOf(series),
  );
  return ranked
    .map((r): RankEntry => {
      const v = period === null ? undefined : r.key.values.get(period);
      return {
        tenant: r.key.tenant.slug,
        name: r.key.tenant.name,
        period,
        value: r.value,
        rank: r.rank,
        of: r.of,
        late: v !== undefined && v.due !== null && v.knownOn > v.due,
        due: v?.due ?? null,
        known_on: v?.knownOn ?? null,
        missing: r.rank !== null ? null : r.key.indicator ? 'no_value' : 'no_indicator',
      };
    })
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        (a.tenant < b.tenant ? -1 : a.tenant > b.tenant ? 1 : 0),
    );
}

/** The districts of `city` ranked on `q.indicator` for one period. */
export async function cityRanks(db: Db, city: repo.TenantRow, q: RanksQuery): Promise<Ranks> {
  const districts = await repo.childrenOf(db.kysely, city.id);
  const asOf = q.asOf ? `${q.asOf}T23:59:59.999Z` : undefined;
  const series = await districtSeries(db, districts, q.indicator, { period: q.period, asOf });
  if (!series.some((s) => s.indicator))
    throw notFound(`indicator '${q.indicator}' in the plans of ${city.slug}'s districts`);
  const period = q.period ?? latestPeriod(series);
  const first = series.find((s) => s.indicator)?.indicator;
  return {
    city: city.slug,
    indicator: q.indicator,
    period,
    direction: directionOf(series),
    unit: first?.unit ?? null,
    ranks: rankPeriod(series, period),
  };
}
