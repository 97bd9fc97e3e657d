/** Typed fetch helpers for the read API. The web app imports only types from src/contracts. */
import type { ObservationView, PlanDetail, PlanSummary } from '../../src/contracts/plans';

export type StatusCode = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface SeriesPoint {
  period: string;
  value: number;
}

export interface Projection {
  year: number;
  value: number;
  low: number;
  high: number;
  /** 0–1; null when the trend is too short to say. */
  probability: number | null;
}

/**
 * One target's status, as `GET /api/plans/{plan}/status` answers it (the shape of the server's
 * TargetStatus contract; the fields the web does not need yet are optional).
 */
export interface TargetStatus {
  target: string;
  indicator: string | null;
  kind?: string;
  as_of?: string;
  status: StatusCode;
  stale: boolean;
  latest: SeriesPoint | null;
  baseline?: SeriesPoint | null;
  unit?: string | null;
  problem?: string | null;
  projection_reason?: string | null;
  expected: number | null;
  ratio: number | null;
  required_growth: number | null;
  projection: Projection | null;
  explanation: { zh: string; en: string };
  series: SeriesPoint[];
  expected_path: SeriesPoint[];
}

export interface StatusResponse {
  as_of?: string;
  statuses: TargetStatus[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const problem = (await res.json()) as { title?: string; detail?: string };
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // not a problem document: keep the status text
    }
    throw new ApiError(res.status, `${res.status} ${detail}`);
  }
  return (await res.json()) as T;
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Which API a page reads: `internal` (/api/plans…, for signed-in staff) or `public`
 * (/api/public/plans…, published plans only, no login). Either falls back to the other: the
 * internal one when it answers 401/403 (not signed in), the public one when it answers 404
 * (a server without the public API).
 */
export type Access = 'internal' | 'public';

const base: Record<Access, string> = { internal: '/api/plans', public: '/api/public/plans' };

const isStatus = (e: unknown, ...codes: number[]) => e instanceof ApiError && codes.includes(e.status);

/** GET `suffix` under the preferred API, else under the other one; says which answered. */
async function getEither<T>(
  prefer: Access,
  suffix: string,
  signal?: AbortSignal,
): Promise<{ data: T; access: Access; path: string }> {
  const other: Access = prefer === 'internal' ? 'public' : 'internal';
  try {
    return {
      data: await getJson<T>(base[prefer] + suffix, signal),
      access: prefer,
      path: base[prefer] + suffix,
    };
  } catch (e) {
    const fallBack = prefer === 'internal' ? isStatus(e, 401, 403) : isStatus(e, 404, 401, 403);
    if (!fallBack) throw e;
    try {
      return {
        data: await getJson<T>(base[other] + suffix, signal),
        access: other,
        path: base[other] + suffix,
      };
    } catch {
      throw e;
    }
  }
}

export async function fetchPlans(prefer: Access, signal?: AbortSignal) {
  const r = await getEither<{ plans: PlanSummary[] }>(prefer, '', signal);
  return { plans: r.data.plans, access: r.access };
}

export async function fetchPlan(plan: string, prefer: Access, signal?: AbortSignal) {
  const r = await getEither<PlanDetail>(prefer, `/${encodeURIComponent(plan)}`, signal);
  return { detail: r.data, access: r.access, path: r.path };
}

/** All observations (or one indicator's); `null` when not signed in (the public API has none). */
export async function fetchObservations(
  plan: string,
  opts: { indicator?: string; asOf?: string } = {},
  signal?: AbortSignal,
): Promise<ObservationView[] | null> {
  const path = `/api/plans/${encodeURIComponent(plan)}/observations${query({ indicator: opts.indicator, as_of: opts.asOf })}`;
  try {
    return (await getJson<{ observations: ObservationView[] }>(path, signal)).observations;
  } catch (e) {
    if (isStatus(e, 401, 403)) return null;
    throw e;
  }
}

/** Target statuses; `null` when the viewer may not see them (401/403): show "not evaluated". */
export async function fetchStatus(
  plan: string,
  access: Access,
  asOf?: string,
  signal?: AbortSignal,
): Promise<TargetStatus[] | null> {
  try {
    const path = `${base[access]}/${encodeURIComponent(plan)}/status${query({ as_of: asOf })}`;
    return (await getJson<StatusResponse>(path, signal)).statuses;
  } catch (e) {
    if (isStatus(e, 401, 403)) return null;
    throw e;
  }
}
