/**
 * The city cockpit, read for city roles: each district's newest plan evaluated as of a date,
 * counted by status in total and per goal area, and one district's targets for drill-down.
 *
 * The overview is one city-wide pass: every district's plan read with one query per table, each
 * evaluated in memory by the same engine and rank rule as the district's own cockpit
 * (`evaluatePlanFile`), and the result cached per server by city and date under the city's
 * revision (the newest audit row of the city and its districts — every change writes one — and
 * their plans' versions), read again on every request so another server's write is seen.
 */
import type { CityOverview, DistrictStatus } from '../../contracts/cityview';
import type { PlanDetail, PlanSummary } from '../../contracts/plans';
import type { Db } from '../../db';
import { cityOfCaller, districtsOf } from '../city';
import { notFound } from '../errors';
import type { PlanFile } from '../../domain/plan-file';
import { exportPlanFilesOf, getPlanDetail, listPlans, listPlansOf } from '../plans';
import { evaluatePlanFile, getPlanStatus } from '../status';

type Counts = Record<string, number>;
const zero = (): Counts => ({ achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 });

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

/** Maps with at most `limit` calls in flight: a city's districts must not exhaust the pool. */
async function mapLimited<T, R>(items: readonly T[], limit: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

interface PlanParts {
  goal_areas: readonly { id: string; name: string }[];
  indicators: readonly { id: string; goal_area?: string | null }[];
  targets: readonly { id: string; indicator?: string | null; goal_area?: string | null }[];
}

/** The goal area (by name) of each target of a plan. */
function areaNames(detail: PlanParts): Map<string, string | null> {
  const areas = new Map(detail.goal_areas.map((g) => [g.id, g.name]));
  const indicatorArea = new Map(detail.indicators.map((i) => [i.id, i.goal_area ?? null]));
  return new Map(
    detail.targets.map((t) => {
      const area = t.goal_area ?? (t.indicator ? indicatorArea.get(t.indicator) : null) ?? null;
      return [t.id, area ? (areas.get(area) ?? null) : null];
    }),
  );
}

interface CityEvaluated {
  tenant: { slug: string; name: string };
  plan: PlanSummary | null;
  file: PlanFile | null;
  statuses: Awaited<ReturnType<typeof getPlanStatus>>['statuses'];
}

/** Every district's newest plan evaluated as of `asOf`, one query per table for all of them. */
async function evaluateCity(
  db: Db,
  districts: readonly { id: number; slug: string; name: string }[],
  plans: Map<number, PlanSummary[]>,
  asOf: string,
): Promise<CityEvaluated[]> {
  const chosen = districts.map((d) => ({ d, plan: newestPlan(plans.get(d.id) ?? []) }));
  const withPlan = chosen.filter((c) => c.plan !== null);
  const files = await exportPlanFilesOf(
    db,
    withPlan.map((c) => ({ tenantId: c.d.id, code: c.plan?.id ?? '' })),
    `${asOf}T23:59:59.999Z`,
  );
  const fileOf = new Map(withPlan.map((c, i) => [c.d.id, files[i] ?? null]));
  return mapLimited(chosen, 4, async ({ d, plan }) => {
    const file = fileOf.get(d.id) ?? null;
    const tenant = { slug: d.slug, name: d.name };
    if (!plan || !file) return { tenant, plan: null, file: null, statuses: [] };
    return { tenant, plan, file, statuses: (await evaluatePlanFile(db, d.id, file, asOf)).statuses };
  });
}

const overviews = new Map<string, { revision: string; overview: CityOverview }>();
const maxOverviews = 100;

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
  const evaluated = await evaluateCity(db, districts, plans, asOf);
  const goalAreas: CityOverview['goal_areas'] = [];
  const shared = new Map<string, { id: string; name: string; unit: string; districts: number }>();
  const rows = evaluated.map((e) => {
    const total = zero();
    const byArea = new Map<string, Counts>();
    if (e.file) {
      for (const g of e.file.goal_areas)
        if (!goalAreas.some((x) => x.name === g.name))
          goalAreas.push({ name: g.name, name_en: g.name_en ?? null });
      for (const i of e.file.indicators) {
        const s = shared.get(i.id) ?? { id: i.id, name: i.name, unit: i.unit, districts: 0 };
        s.districts++;
        shared.set(i.id, s);
      }
      const names = areaNames(e.file);
      for (const s of e.statuses) {
        total[s.status] = (total[s.status] ?? 0) + 1;
        const area = names.get(s.target);
        if (!area) continue;
        const c = byArea.get(area) ?? zero();
        c[s.status] = (c[s.status] ?? 0) + 1;
        byArea.set(area, c);
      }
    }
    return {
      tenant: e.tenant.slug,
      name: e.tenant.name,
      plan: e.plan ? { id: e.plan.id, title: e.plan.title } : null,
      counts: total,
      areas: [...byArea].map(([name, counts]) => ({ name, counts })),
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
  const counts = zero();
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
