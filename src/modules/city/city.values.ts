/**
 * One indicator's accepted values in every district of a city, by its shared id. A district may
 * hold it in several plans: the most recently updated plan that has a value for a period wins. A
 * formula indicator (a ratio such as gdp / area) without a value of its own is computed from its
 * parts in the same plan, and became known when the last of its parts did.
 */
import type { Db } from '../../db';
import { compileFormulas, computeFormulaSeries, parseFormula } from '../../domain/formula';
import { comparePeriods, dueDate, parsePeriod } from '../../domain/periods';
import * as repo from './city.repository';

export interface DistrictValue {
  value: number;
  /** The day (YYYY-MM-DD) the value was accepted or published. */
  knownOn: string;
  /** The period's reporting deadline under the district plan's settings. */
  due: string | null;
}

export interface DistrictSeries {
  tenant: repo.TenantRow;
  /** The district's definition of the indicator (from its newest plan), or null when it has none. */
  indicator: repo.SharedIndicatorRow | null;
  values: Map<string, DistrictValue>;
}

function dueOf(period: string, settings: string): string | null {
  const p = parsePeriod(period);
  if (!p.ok) return null;
  let annualDue: string | undefined;
  try {
    annualDue = (JSON.parse(settings) as { annual_due?: string } | null)?.annual_due;
  } catch {
    annualDue = undefined;
  }
  return dueDate(p.period, { annualDue });
}

const day = (iso: string) => iso.slice(0, 10);

/** Values of formula indicators computed from their parts, per period, where all parts have one. */
function computed(
  ind: repo.SharedIndicatorRow,
  parts: repo.SharedIndicatorRow[],
  rows: repo.AcceptedValueRow[],
): Map<string, { value: number; knownAt: string }> {
  const out = new Map<string, { value: number; knownAt: string }>();
  const compiled = compileFormulas([
    { id: ind.code, unit: ind.unit, formula: ind.formula ?? undefined },
    ...parts.map((p) => ({ id: p.code, unit: p.unit, formula: p.formula ?? undefined })),
  ]);
  const f = compiled.formulas.get(ind.code);
  if (!f) return out;
  const byCode = new Map<string, Map<string, repo.AcceptedValueRow>>();
  for (const part of parts) {
    const m = new Map<string, repo.AcceptedValueRow>();
    for (const r of rows) if (r.indicator_id === part.id) m.set(r.period, r);
    byCode.set(part.code, m);
  }
  const series = computeFormulaSeries(
    f,
    (code) => parts.find((p) => p.code === code)?.unit ?? '',
    (code) =>
      new Map(
        [...(byCode.get(code) ?? new Map<string, repo.AcceptedValueRow>())].map(([k, r]) => [k, r.value]),
      ),
  );
  for (const [period, value] of series.values) {
    const knownAt = f.refs
      .map((code) => byCode.get(code)?.get(period)?.known_at ?? '')
      .reduce((a, b) => (a > b ? a : b), '');
    out.set(period, { value, knownAt });
  }
  return out;
}

/** The rows a district series is made of: definitions, their values, formula parts' values. */
export interface SeriesRows {
  indicators: repo.SharedIndicatorRow[];
  partRows: repo.SharedIndicatorRow[];
  rows: repo.AcceptedValueRow[];
}

/**
 * The rows of indicator `code` in the plans of `tenants`, as known at `asOf` (an ISO instant) when
 * given: one round trip (two for a formula indicator's parts).
 */
export async function readSeriesRows(
  db: Db,
  tenants: repo.TenantSet,
  code: string,
  filter: { period?: string; asOf?: string } = {},
): Promise<SeriesRows> {
  // The definitions and the values in parallel: one round trip, not two in a row.
  const [indicators, ownRows] = await Promise.all([
    repo.sharedIndicators(db.kysely, tenants, [code]),
    repo.acceptedValuesByCode(db.kysely, tenants, [code], filter),
  ]);
  // Parts of formula indicators, from the same plans (a ratio without values of its own).
  const refs = new Set<string>();
  for (const i of indicators) {
    if (!i.formula) continue;
    const parsed = parseFormula(i.formula);
    if (parsed.ok) for (const ref of parsed.refs) refs.add(ref);
  }
  const partRows = refs.size
    ? (await repo.sharedIndicators(db.kysely, tenants, [...refs])).filter((p) =>
        indicators.some((i) => i.formula && i.plan_id === p.plan_id),
      )
    : [];
  const rows = partRows.length
    ? [
        ...ownRows,
        // A formula needs every part of the period, so the period filter applies to parts alike.
        ...(await repo.acceptedValues(
          db.kysely,
          partRows.map((p) => p.id),
          filter,
        )),
      ]
    : ownRows;
  return { indicators, partRows, rows };
}

/** Each district's series made of the rows read. */
export function seriesOf(districts: readonly repo.TenantRow[], data: SeriesRows): DistrictSeries[] {
  const { indicators, partRows, rows } = data;
  return districts.map((tenant) => {
    const own = indicators.filter((i) => i.tenant_id === tenant.id);
    const values = new Map<string, DistrictValue>();
    // Newest plan first: the first value found for a period is kept.
    for (const ind of own) {
      const stored = rows.filter((r) => r.indicator_id === ind.id);
      const latest = new Map<string, { value: number; knownAt: string }>();
      for (const r of stored) {
        const seen = latest.get(r.period);
        if (!seen || r.known_at >= seen.knownAt)
          latest.set(r.period, { value: r.value, knownAt: r.known_at });
      }
      if (ind.formula) {
        const parts = partRows.filter((p) => p.plan_id === ind.plan_id);
        for (const [period, v] of computed(ind, parts, rows)) if (!latest.has(period)) latest.set(period, v);
      }
      for (const [period, v] of latest) {
        if (values.has(period)) continue;
        values.set(period, { value: v.value, knownOn: day(v.knownAt), due: dueOf(period, ind.settings) });
      }
    }
    return { tenant, indicator: own[0] ?? null, values };
  });
}

/**
 * The series of indicator `code` in each district, as known at `asOf` (an ISO instant) when given.
 */
export async function districtSeries(
  db: Db,
  districts: readonly repo.TenantRow[],
  code: string,
  filter: { period?: string; asOf?: string } = {},
): Promise<DistrictSeries[]> {
  return seriesOf(
    districts,
    await readSeriesRows(
      db,
      districts.map((d) => d.id),
      code,
      filter,
    ),
  );
}

/** The latest period any district has a value for (latest end; the longer period on a tie). */
export function latestPeriod(series: readonly DistrictSeries[]): string | null {
  let best: string | null = null;
  for (const s of series) {
    for (const period of s.values.keys()) {
      const p = parsePeriod(period);
      if (!p.ok) continue;
      if (best === null) {
        best = period;
        continue;
      }
      const b = parsePeriod(best);
      if (
        !b.ok ||
        p.period.last > b.period.last ||
        (p.period.last === b.period.last && comparePeriods(p.period, b.period) < 0)
      )
        best = period;
    }
  }
  return best;
}
