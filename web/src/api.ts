/** The plan read API (internal or public), typed by src/contracts, through the one fetch layer. */
import type { ObservationList, PlanDetail, PlanList } from '../../src/contracts/plans';
import type { PlanStatus } from '../../src/contracts/status';
import { apiFetch, isProblem } from './features/auth/apiFetch';

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Which API a page reads: `internal` (/api/plans…, for signed-in staff) or `public`
 * (/api/public/plans…, published plans only, no login). Either falls back to the other: the
 * internal one when it answers 401/403 (not signed in), the public one when it answers 404 (a
 * plan not published, which staff may still read).
 */
export type Access = 'internal' | 'public';

const base: Record<Access, string> = { internal: '/api/plans', public: '/api/public/plans' };

/** GET `suffix` under the preferred API, else under the other one; says which answered. */
async function getEither<T>(
  prefer: Access,
  suffix: string,
  signal?: AbortSignal,
): Promise<{ data: T; access: Access; path: string }> {
  const other: Access = prefer === 'internal' ? 'public' : 'internal';
  try {
    return {
      data: await apiFetch<T>(base[prefer] + suffix, { signal }),
      access: prefer,
      path: base[prefer] + suffix,
    };
  } catch (e) {
    if (!(prefer === 'internal' ? isProblem(e, 401, 403) : isProblem(e, 404, 401, 403))) throw e;
    try {
      return {
        data: await apiFetch<T>(base[other] + suffix, { signal }),
        access: other,
        path: base[other] + suffix,
      };
    } catch {
      throw e;
    }
  }
}

export async function fetchPlans(prefer: Access, signal?: AbortSignal) {
  const r = await getEither<PlanList>(prefer, '', signal);
  return { plans: r.data.plans, access: r.access };
}

export async function fetchPlan(plan: string, prefer: Access, signal?: AbortSignal) {
  const r = await getEither<PlanDetail>(prefer, `/${encodeURIComponent(plan)}`, signal);
  return { detail: r.data, access: r.access, path: r.path };
}

/** All observations (or one indicator's), from the internal API (the public one has none). */
export async function fetchObservations(
  plan: string,
  opts: { indicator?: string; asOf?: string } = {},
  signal?: AbortSignal,
) {
  const path = `/api/plans/${encodeURIComponent(plan)}/observations${query({ indicator: opts.indicator, as_of: opts.asOf })}`;
  return (await apiFetch<ObservationList>(path, { signal })).observations;
}

/** Target statuses, from the API that answered for the plan (the same permission reads both). */
export async function fetchStatus(plan: string, access: Access, asOf?: string, signal?: AbortSignal) {
  const path = `${base[access]}/${encodeURIComponent(plan)}/status${query({ as_of: asOf })}`;
  return (await apiFetch<PlanStatus>(path, { signal })).statuses;
}
