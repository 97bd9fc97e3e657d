/** The bulletin archive's calls, through the session-aware fetch layer. */
import type { BulletinEntry, BulletinFormatValue, BulletinList } from '../../../../src/contracts/reports';
import { apiFetch } from '../auth/apiFetch';

const enc = encodeURIComponent;

export function listBulletins(plan: string, signal: AbortSignal): Promise<BulletinList> {
  return apiFetch<BulletinList>(`/api/plans/${enc(plan)}/bulletins`, { signal, requireLogin: true });
}

export function generateBulletin(plan: string, month: string): Promise<BulletinEntry> {
  return apiFetch<BulletinEntry>(`/api/plans/${enc(plan)}/bulletins`, { method: 'POST', body: { month } });
}

export function bulletinHref(plan: string, month: string, format: BulletinFormatValue): string {
  return `/api/plans/${enc(plan)}/bulletins/${enc(month)}/${format}`;
}

export function summaryHref(plan: string, month: string, format: BulletinFormatValue): string {
  return `/api/plans/${enc(plan)}/summary/${format}?month=${enc(month)}`;
}

export function factSheetHref(
  plan: string,
  indicator: string,
  month: string,
  format: BulletinFormatValue,
): string {
  return `/api/plans/${enc(plan)}/factsheets/${enc(indicator)}/${format}?month=${enc(month)}`;
}
