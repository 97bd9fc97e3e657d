/**
 * The city cockpit, read for city roles: each district's newest plan evaluated as of a date,
 * counted by status in total and per goal area, and one district's targets for drill-down.
 *
 * The overview reads every district's status summary from the status module, which keeps them
 * stored under their revision (docs/adr/0007-stored-statuses.md): a cold server reads the 38
 * districts with a handful of queries, and evaluates again only a district whose stored revision
 * is no longer current. The overview is also cached per server by city and date under the city's
 * revision (the newest audit row of the city and its districts — every change writes one — and
 * their plans' versions), read again on every request so another server's write is seen.
 */
import type { CityOverview, DistrictStatus } from '../../contracts/cityview';
import type { PlanDetail, PlanSummary } from '../../contracts/plans';
import type { Db } from '../../db';
import { cityOfCaller, districtsOf } from '../city';
import { notFound } from '../errors';
import { getPlanDetail, listPlans, listPlansOf } from '../plans';
import { areaNames, districtSummaries, forgetCachedStatuses, getPlanStatus, zeroCounts } from '../status';

/** The plan a district is judged on: the one ending last (the newest on a tie). */
function newestPlan(plans: readonly PlanSummary[]): PlanSummary | null {
  let best: PlanSummary | null = null;
  for (const p of plans) if (!best || p.end >= best.end) best = p;
  return best;
}

interface Evaluated {
  tenant: { slug: string; name: string };
  plan: PlanSummary | null;
  detail: PlanDetail | null;
  statuses: Awaited<ReturnType<typeof getPlanStatus>>['statuses'];
}

async function evaluateDistrict(db: Db, d: { id: number; slug: string; name: string }, asOf: string) {
  const plan = newestPlan(await listPlans(db, d.id));
  if (!plan) return { tenant: d, plan: null, detail: null, statuses: [] } satisfies Evaluated;
  const [detail, status] = await Promise.all([
    getPlanDetail(db, d.id, plan.id, null),
    getPlanStatus(db, d.id, plan.id, asOf),
  ]);
  return { tenant: d, plan, detail, statuses: status.statuses } satisfies Evaluated;
}

const overviews = new Map<string, { revision: string; overview: CityOverview }>();
const maxOverviews = 100;

/** Forgets the overviews this server holds in memory (a cold server; the statuses' too). */
export function forgetCachedOverviews(): void {
  overviews.clear();
  forgetCachedStatuses();
}

/** What moves a city's overview: the newest audit row of the city and its districts, and their plans. */
async function cityRevision(db: Db, tenantIds: readonly number[], plans: Map<number, PlanSummary[]>) {
  const audit = await db.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('tenant_id', 'in', [...tenantIds, -1])
    .executeTakeFirst();
  const versions = [...plans].map(([t, ps]) => `${t}:${ps.map((p) => `${p.id}@${p.version}`).join(',')}`);
  return `${audit?.id ?? 0}|${versions.join(';')}`;
}

/** Every district of the caller's city side by side as of `asOf`. */
export async function cityOverview(db: Db, tenantId: number, asOf: string): Promise<CityOverview> {
  const city = await cityOfCaller(db, tenantId);
  const districts = await districtsOf(db, city.id);
  const plans = await listPlansOf(
    db,
    districts.map((d) => d.id),
  );
  const key = `${city.id}|${asOf}`;
  const revision = await cityRevision(db, [city.id, ...districts.map((d) => d.id)], plans);
  const hit = overviews.get(key);
  if (hit && hit.revision === revision) return hit.overview;
  const chosen = districts.map((d) => ({ d, plan: newestPlan(plans.get(d.id) ?? []) }));
  const withPlan = chosen.filter((c) => c.plan !== null);
  const summaries = await districtSummaries(
    db,
    withPlan.map((c) => ({ tenantId: c.d.id, code: c.plan?.id ?? '' })),
    districts.map((d) => d.id),
    asOf,
  );
  const summaryOf = new Map(withPlan.map((c, i) => [c.d.id, summaries[i] ?? null]));
  const goalAreas: CityOverview['goal_areas'] = [];
  const shared = new Map<string, { id: string; name: string; unit: string; districts: number }>();
  const rows = chosen.map(({ d, plan }) => {
    const summary = plan ? (summaryOf.get(d.id) ?? null) : null;
    if (summary) {
      for (const g of summary.goal_areas)
        if (!goalAreas.some((x) => x.name === g.name)) goalAreas.push({ name: g.name, name_en: g.name_en });
      for (const i of summary.indicators) {
        const s = shared.get(i.id) ?? { id: i.id, name: i.name, unit: i.unit, districts: 0 };
        s.districts++;
        shared.set(i.id, s);
      }
    }
    return {
      tenant: d.slug,
      name: d.name,
      plan: plan && summary ? { id: plan.id, title: plan.title } : null,
      counts: summary?.counts ?? zeroCounts(),
      areas: summary?.areas ?? [],
    };
  });
  const overview: CityOverview = {
    city: city.slug,
    name: city.name,
    as_of: asOf,
    goal_areas: goalAreas,
    districts: rows,
    shared_indicators: [...shared.values()]
      .filter((s) => s.districts >= 2)
      .sort((a, b) => b.districts - a.districts || (a.id < b.id ? -1 : 1)),
  };
  if (overviews.size >= maxOverviews) overviews.delete(overviews.keys().next().value ?? '');
  overviews.set(key, { revision, overview });
  return overview;
}

/** One district's targets with their status: the city's drill-down into a district. */
export async function districtStatus(
  db: Db,
  tenantId: number,
  slug: string,
  asOf: string,
): Promise<DistrictStatus> {
  const city = await cityOfCaller(db, tenantId);
  const district = (await districtsOf(db, city.id)).find((d) => d.slug === slug);
  if (!district) throw notFound(`district '${slug}' of ${city.slug}`);
  const e = await evaluateDistrict(db, district, asOf);
  const names = e.detail ? areaNames(e.detail) : new Map<string, string | null>();
  const texts = new Map((e.detail?.targets ?? []).map((t) => [t.id, t.text]));
  const counts = zeroCounts();
  for (const s of e.statuses) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return {
    tenant: district.slug,
    name: district.name,
    as_of: asOf,
    plan: e.plan ? { id: e.plan.id, title: e.plan.title } : null,
    counts,
    targets: e.statuses.map((s) => ({
      id: s.target,
      text: texts.get(s.target) ?? null,
      goal_area: names.get(s.target) ?? null,
      status: s.status,
      explanation: s.explanation,
      latest: s.latest,
      unit: s.unit,
    })),
  };
}
