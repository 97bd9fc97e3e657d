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

export async function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  return (await getJson<{ plans: PlanSummary[] }>('/api/plans', signal)).plans;
}

export function fetchPlan(plan: string, signal?: AbortSignal): Promise<PlanDetail> {
  return getJson<PlanDetail>(`/api/plans/${encodeURIComponent(plan)}`, signal);
}

export async function fetchObservations(
  plan: string,
  opts: { indicator?: string; asOf?: string } = {},
  signal?: AbortSignal,
): Promise<ObservationView[]> {
  const path = `/api/plans/${encodeURIComponent(plan)}/observations${query({ indicator: opts.indicator, as_of: opts.asOf })}`;
  return (await getJson<{ observations: ObservationView[] }>(path, signal)).observations;
}

/** Target statuses; `null` when the server has no status route yet (404): show "not evaluated". */
export async function fetchStatus(
  plan: string,
  asOf?: string,
  signal?: AbortSignal,
): Promise<TargetStatus[] | null> {
  try {
    const path = `/api/plans/${encodeURIComponent(plan)}/status${query({ as_of: asOf })}`;
    return (await getJson<StatusResponse>(path, signal)).statuses;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 501)) return null;
    throw e;
  }
}
