/** Typed calls of the scorecards and the task breakdown upload. */
import type { Me } from '../../../../src/contracts/auth';
import type { Problem } from '../../../../src/contracts/common';
import type { Scorecards } from '../../../../src/contracts/scorecards';
import type { BreakdownPreview, BreakdownResult } from '../../../../src/contracts/task-breakdown';
import { apiFetch, ProblemError } from '../auth/apiFetch';

const seg = encodeURIComponent;

/** `month` null: the server's current month (its clock decides, not the browser's). */
export const getScorecards = (plan: string, month: string | null, signal?: AbortSignal) =>
  apiFetch<Scorecards>(`/api/plans/${seg(plan)}/scorecards${month ? `?month=${seg(month)}` : ''}`, {
    signal,
    requireLogin: true,
  });

const breakdown = (plan: string) => `/api/plans/${seg(plan)}/tasks/breakdown`;
export const templateHref = (plan: string) => `${breakdown(plan)}/template`;

/** Multipart POST (apiFetch speaks JSON only): the CSRF token comes from `/api/auth/me`. */
export async function previewBreakdown(plan: string, file: File): Promise<BreakdownPreview> {
  const me = await apiFetch<Me>('/api/auth/me');
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`${breakdown(plan)}/preview`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: me.csrf_token ? { 'X-CSRF-Token': me.csrf_token } : {},
  });
  if (!res.ok) {
    let problem: Partial<Problem> = { title: res.statusText || `HTTP ${res.status}` };
    try {
      problem = (await res.json()) as Partial<Problem>;
    } catch {
      // not a problem document
    }
    throw new ProblemError(res.status, problem);
  }
  return (await res.json()) as BreakdownPreview;
}

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
