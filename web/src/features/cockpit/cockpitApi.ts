/** The cockpit's reads, through the session-aware fetch layer. */
import type { Cockpit, WhatIfRequest, WhatIfResponse } from '../../../../src/contracts/cockpit';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { apiFetch, ProblemError } from '../auth/apiFetch';

export type TaskLight = 'red' | 'yellow' | 'green' | 'blue';

/**
 * One task as the cockpit needs it. The tasks module (`GET /api/plans/{plan}/tasks`) answers
 * with at least these fields; anything else it sends is ignored here.
 */
export interface TaskLightRow {
  programme: string | null;
  light: TaskLight;
}

const enc = encodeURIComponent;

/** The plan to show: the one named, else the first published plan, else the first. */
export async function resolvePlan(named: string | null, signal: AbortSignal): Promise<string> {
  if (named) return named;
  const { plans } = await apiFetch<{ plans: PlanSummary[] }>('/api/plans', { signal, requireLogin: true });
  const chosen = plans.find((p) => p.status === 'published') ?? plans[0];
  if (!chosen) throw new Error('No plan has been loaded yet.');
  return chosen.id;
}

export function getCockpit(plan: string, asOf: string | null, signal: AbortSignal): Promise<Cockpit> {
  const q = asOf ? `?as_of=${enc(asOf)}` : '';
  return apiFetch<Cockpit>(`/api/plans/${enc(plan)}/cockpit${q}`, { signal, requireLogin: true });
}

/**
 * The task lights, or null while the server has no task supervision (404) or the user may not
 * read tasks: the cockpit then shows no lights rather than made-up ones.
 */
export async function getTaskLights(plan: string, signal: AbortSignal): Promise<TaskLightRow[] | null> {
  try {
    const body = await apiFetch<unknown>(`/api/plans/${enc(plan)}/tasks`, { signal });
    const list: unknown = Array.isArray(body) ? body : (body as { tasks?: unknown } | null)?.tasks;
    if (!Array.isArray(list)) return null;
    return list
      .map((t) => t as { programme?: unknown; light?: unknown })
      .filter((t): t is { programme: string | null; light: TaskLight } =>
        ['red', 'yellow', 'green', 'blue'].includes(String(t.light)),
      )
      .map((t) => ({ programme: typeof t.programme === 'string' ? t.programme : null, light: t.light }));
  } catch (e) {
    if (e instanceof ProblemError && [401, 403, 404, 405, 501].includes(e.status)) return null;
    throw e;
  }
}

export function postWhatIf(
  plan: string,
  target: string,
  body: WhatIfRequest,
  asOf: string | undefined,
): Promise<WhatIfResponse> {
  const q = asOf ? `?as_of=${enc(asOf)}` : '';
  return apiFetch<WhatIfResponse>(`/api/plans/${enc(plan)}/targets/${enc(target)}/what-if${q}`, {
    method: 'POST',
    body,
  });
}
