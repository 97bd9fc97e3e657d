/** Calls of the extraction page: extract (text or file), create the draft plan, publish it. */
import type { Me } from '../../../../src/contracts/auth';
import type { Problem } from '../../../../src/contracts/common';
import type { ExtractResult } from '../../../../src/contracts/extract';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { apiFetch, ProblemError } from '../auth/apiFetch';

export const extractText = (text: string, year?: number) =>
  apiFetch<ExtractResult>('/api/extract', { method: 'POST', body: { text, year }, requireLogin: true });

/** Multipart upload; apiFetch speaks JSON only, so the CSRF token is read from `/api/auth/me`. */
export async function extractFile(file: File, year?: number): Promise<ExtractResult> {
  const me = await apiFetch<Me>('/api/auth/me');
  const form = new FormData();
  form.append('file', file);
  if (year !== undefined) form.append('year', String(year));
  const res = await fetch('/api/extract/upload', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(me.csrf_token ? { 'X-CSRF-Token': me.csrf_token } : {}) },
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
  return (await res.json()) as ExtractResult;
}

export const createPlan = (plan: Record<string, unknown>) =>
  apiFetch<PlanSummary>('/api/plans', { method: 'POST', body: { plan }, requireLogin: true });

export const publishPlan = (id: string) =>
  apiFetch<unknown>(`/api/plans/${encodeURIComponent(id)}/publish`, { method: 'POST', requireLogin: true });
