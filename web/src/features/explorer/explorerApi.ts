/** The explorer's one read, through the session-aware fetch layer. */
import type { PlanExplorer } from '../../../../src/contracts/explorer';
import { apiFetch } from '../auth/apiFetch';

export function getExplorer(plan: string, asOf: string | null, signal: AbortSignal): Promise<PlanExplorer> {
  const q = asOf ? `?as_of=${encodeURIComponent(asOf)}` : '';
  return apiFetch<PlanExplorer>(`/api/plans/${encodeURIComponent(plan)}/explorer${q}`, {
    signal,
    requireLogin: true,
  });
}
