/** Calls of the extraction page: extract (text or file), create the draft plan, publish it. */
import type { CreatePlan, ExtractResult } from '../../../../src/contracts/extract';
import type { PlanSummary } from '../../../../src/contracts/plans';
import { apiFetch, uploadFile } from '../auth/apiFetch';

export const extractText = (text: string, year?: number) =>
  apiFetch<ExtractResult>('/api/extract', { method: 'POST', body: { text, year }, requireLogin: true });

export const extractFile = (file: File, year?: number) =>
  uploadFile<ExtractResult>('/api/extract/upload', file, {
    year: year === undefined ? undefined : String(year),
  });

export const createPlan = (plan: CreatePlan['plan']) =>
  apiFetch<PlanSummary>('/api/plans', { method: 'POST', body: { plan }, requireLogin: true });

export const publishPlan = (id: string) =>
  apiFetch<PlanSummary>(`/api/plans/${encodeURIComponent(id)}/publish`, {
    method: 'POST',
    requireLogin: true,
  });
