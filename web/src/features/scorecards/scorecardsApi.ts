/** Typed calls of the scorecards and the task breakdown upload. */
import type { Scorecards } from '../../../../src/contracts/scorecards';
import type { BreakdownPreview, BreakdownResult } from '../../../../src/contracts/task-breakdown';
import { apiFetch, uploadFile } from '../auth/apiFetch';

const seg = encodeURIComponent;

/** `month` null: the server's current month (its clock decides, not the browser's). */
export const getScorecards = (plan: string, month: string | null, signal?: AbortSignal) =>
  apiFetch<Scorecards>(`/api/plans/${seg(plan)}/scorecards${month ? `?month=${seg(month)}` : ''}`, {
    signal,
    requireLogin: true,
  });

const breakdown = (plan: string) => `/api/plans/${seg(plan)}/tasks/breakdown`;
export const templateHref = (plan: string) => `${breakdown(plan)}/template`;

export const previewBreakdown = (plan: string, file: File) =>
  uploadFile<BreakdownPreview>(`${breakdown(plan)}/preview`, file);

export const commitBreakdown = (plan: string, token: string) =>
  apiFetch<BreakdownResult>(`${breakdown(plan)}/commit`, {
    method: 'POST',
    body: { token },
    requireLogin: true,
  });

/** `latest` (YYYY-MM) and the eleven months before it, newest first. */
export function recentMonths(latest: string, n = 12): string[] {
  const out: string[] = [];
  const [y, m] = [Number(latest.slice(0, 4)), Number(latest.slice(5, 7))];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}
