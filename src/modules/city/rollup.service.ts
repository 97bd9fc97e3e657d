/**
 * The city's roll-up of one indicator for one period: flows and stocks are summed across
 * districts, a ratio is its formula over the city totals of its parts (never an average of the
 * districts' ratios), with the spread across districts and each district's share.
 */
import type { RollupResult } from '../../contracts/city';
import type { Db } from '../../db';
import { recomputeRatio, rollup, type Measure } from '../../domain/city';
import { formulaRefs, parseFormula } from '../../domain/formula';
import { notFound } from '../errors';
import * as repo from './city.repository';
import { districtSeries, latestPeriod, type DistrictSeries } from './city.values';

const measures: readonly Measure[] = ['flow', 'stock', 'ratio'];
const measureOf = (m: string | undefined): Measure => measures.find((x) => x === m) ?? 'stock';

const valueAt = (s: DistrictSeries, period: string | null) =>
  period === null ? null : (s.values.get(period)?.value ?? null);

/** The city figure of a ratio from its parts' city totals (each part summed over districts). */
async function ratioTotal(
  db: Db,
  districts: readonly repo.TenantRow[],
  ratio: { code: string; unit: string; formula: string },
  period: string,
) {
  const parsed = parseFormula(ratio.formula);
  if (!parsed.ok) return { value: null, reason: `formula of '${ratio.code}': ${parsed.reason}` };
  const parts = new Map<string, { unit: string; total: number | null }>();
  for (const ref of formulaRefs(parsed.ast)) {
    const series = await districtSeries(db, districts, ref, { period });
    const def = series.find((s) => s.indicator)?.indicator;
    const summed = rollup(
      measureOf(def?.measure),
      series.map((s) => ({ key: s.tenant.slug, value: valueAt(s, period) })),
    );
    parts.set(ref, {
      unit: def?.unit ?? '',
      total: summed.complete && summed.method === 'sum' ? summed.total : null,
    });
  }
  return recomputeRatio({ id: ratio.code, unit: ratio.unit, formula: ratio.formula }, parts);
}

/** The roll-up of `q.indicator` over the districts of `city` (default the latest period with data). */
export async function cityRollup(
  db: Db,
  city: repo.TenantRow,
  q: { indicator: string; period?: string | undefined },
): Promise<RollupResult> {
  const districts = await repo.childrenOf(db.kysely, city.id);
  const series = await districtSeries(db, districts, q.indicator, { period: q.period });
  const def = series.find((s) => s.indicator)?.indicator;
  if (!def) throw notFound(`indicator '${q.indicator}' in the plans of ${city.slug}'s districts`);
  const period = q.period ?? latestPeriod(series);
  const measure = measureOf(def.measure);
  const formula = measure === 'ratio' ? def.formula : null;
  const total =
    measure === 'ratio' && formula && period !== null
      ? await ratioTotal(db, districts, { code: def.code, unit: def.unit, formula }, period)
      : null;
  const result = rollup(
    measure,
    series.map((s) => ({ key: s, value: valueAt(s, period) })),
    total,
  );
  return {
    city: city.slug,
    indicator: q.indicator,
    period,
    unit: def.unit,
    measure,
    total: result.total,
    method: result.method,
    formula,
    complete: result.complete,
    reason: result.reason,
    reporting: result.reporting,
    missing: result.missing.map((s) => s.tenant.slug),
    distribution: result.distribution,
    districts: result.districts.map((d) => ({
      tenant: d.key.tenant.slug,
      name: d.key.tenant.name,
      value: d.value,
      share: d.share,
    })),
  };
}
