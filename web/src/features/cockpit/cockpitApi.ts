/** The cockpit's reads, through the session-aware fetch layer. */
import type { Cockpit, CockpitTask, WhatIfRequest, WhatIfResponse } from '../../../../src/contracts/cockpit';
import type { PlanList } from '../../../../src/contracts/plans';
import { apiFetch } from '../auth/apiFetch';

const enc = encodeURIComponent;

/** The plan to show: the one named, else the first published plan, else the first. */
export async function resolvePlan(named: string | null, signal: AbortSignal): Promise<string> {
  if (named) return named;
  const { plans } = await apiFetch<PlanList>('/api/plans', { signal, requireLogin: true });
  const chosen = plans.find((p) => p.status === 'published') ?? plans[0];
  if (!chosen) throw new Error('No plan has been loaded yet.');
  return chosen.id;
}

export function getCockpit(plan: string, asOf: string | null, signal: AbortSignal): Promise<Cockpit> {
  const q = asOf ? `?as_of=${enc(asOf)}` : '';
  return apiFetch<Cockpit>(`/api/plans/${enc(plan)}/cockpit${q}`, { signal, requireLogin: true });
}

/** What the cockpit pages show: the cockpit and its task lights (null without task:read). */
export interface CockpitData {
  cockpit: Cockpit;
  tasks: CockpitTask[] | null;
}

/** One read: the task lights come in the cockpit's answer. */
export async function loadCockpit(
  plan: string,
  asOf: string | null,
  signal: AbortSignal,
): Promise<CockpitData> {
  const cockpit = await getCockpit(plan, asOf, signal);
  return { cockpit, tasks: cockpit.tasks?.items ?? null };
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
