/**
 * A district's own rank among its city's districts, period by period, on an indicator they share —
 * what a `rank` target (社零总额保持全市第一) is evaluated on once the plan's tenant has a city,
 * instead of a rank someone typed in. Each period says who was ahead and who had no value.
 */
import type { Db } from '../../db';
import { comparePeriods, parsePeriod } from '../../domain/periods';
import * as repo from './city.repository';
import { readSeriesRows, seriesOf } from './city.values';
import { rankPeriod } from './ranks.service';

export interface RankPoint {
  period: string;
  rank: number;
  of: number;
  value: number;
  /** Districts ranked strictly better, best first, with their values. */
  ahead: { tenant: string; name: string; value: number }[];
  /** Districts that hold the indicator but have no value for the period. */
  missing: string[];
  /** The district's own value was accepted after the period's reporting deadline. */
  late: boolean;
}

export interface RankSeries {
  city: { slug: string; name: string };
  unit: string | null;
  points: RankPoint[];
}

/** The tenants whose changes can move a tenant's computed ranks: itself and its city's districts. */
export async function rankNeighbours(db: Db, tenantId: number): Promise<number[]> {
  const own = await repo.findTenantById(db.kysely, tenantId);
  if (!own || own.parent_id === null) return [tenantId];
  return (await repo.childrenOf(db.kysely, own.parent_id)).map((t) => t.id);
}

/**
 * The ranks of `tenantId` on `code` among its city's districts, as known at `asOf` (an ISO
 * instant); null when the tenant has no city above it.
 */
export async function rankSeriesOf(
  db: Db,
  tenantId: number,
  code: string,
  asOf?: string,
): Promise<RankSeries | null> {
  // One round trip: the tenant with its city and districts, and beside it the indicator and its
  // values in the plans of the districts of the tenant's city (a subquery of the same tree).
  const [{ own, city, districts }, rows] = await Promise.all([
    repo.withCityAndSiblings(db.kysely, tenantId),
    readSeriesRows(db, { siblingsOf: tenantId }, code, asOf ? { asOf } : {}),
  ]);
  if (!own || !city) return null;
  const series = seriesOf(districts, rows);
  const mine = series.find((s) => s.tenant.id === tenantId);
  const periods = [...(mine?.values.keys() ?? [])]
    .map((p) => ({ p, parsed: parsePeriod(p) }))
    .filter((x) => x.parsed.ok)
    .sort((a, b) => (a.parsed.ok && b.parsed.ok ? comparePeriods(a.parsed.period, b.parsed.period) : 0))
    .map((x) => x.p);
  const points: RankPoint[] = [];
  for (const period of periods) {
    const ranks = rankPeriod(series, period);
    const me = ranks.find((r) => r.tenant === own.slug);
    if (!me || me.rank === null || me.value === null) continue;
    const myRank = me.rank;
    points.push({
      period,
      rank: myRank,
      of: me.of,
      value: me.value,
      ahead: ranks
        .filter((r) => r.rank !== null && r.rank < myRank && r.value !== null)
        .map((r) => ({ tenant: r.tenant, name: r.name, value: r.value ?? 0 })),
      missing: ranks.filter((r) => r.missing === 'no_value').map((r) => r.name),
      late: me.late,
    });
  }
  return {
    city: { slug: city.slug, name: city.name },
    unit: mine?.indicator?.unit ?? null,
    points,
  };
}
