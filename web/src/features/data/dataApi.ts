/** Typed calls of data reporting: calendar, values and workflow steps, queue, history, uploads. */
import type { Me } from '../../../../src/contracts/auth';
import type { Problem } from '../../../../src/contracts/common';
import type {
  DataCalendar,
  DataHistory,
  DataDistrict,
  DataValueDetail,
  DataWarning,
  Notification,
  QueueEntry,
} from '../../../../src/contracts/data';
import type { ImportPreview, ImportResultBody } from '../../../../src/contracts/imports';
import { apiFetch, ProblemError } from '../auth/apiFetch';

const seg = encodeURIComponent;
const opts = (signal?: AbortSignal) => ({ signal, requireLogin: true });
const data = (plan: string) => `/api/plans/${seg(plan)}/data`;
const valuePath = (plan: string, indicator: string, period: string) =>
  `${data(plan)}/values/${seg(indicator)}/${seg(period)}`;

export type ValueDetail = DataValueDetail;

export const getCalendar = (plan: string, signal?: AbortSignal) =>
  apiFetch<DataCalendar>(`${data(plan)}/calendar`, opts(signal));
export const getQueue = async (plan: string, signal?: AbortSignal) =>
  (await apiFetch<{ values: QueueEntry[] }>(`${data(plan)}/queue`, opts(signal))).values;
export const getValue = (plan: string, indicator: string, period: string, signal?: AbortSignal) =>
  apiFetch<ValueDetail>(valuePath(plan, indicator, period), opts(signal));
export const getHistory = (plan: string, indicator: string, period: string, signal?: AbortSignal) =>
  apiFetch<DataHistory>(`${valuePath(plan, indicator, period)}/history`, opts(signal));

export interface ValueFields {
  value: number;
  source: string | null;
  note: string | null;
  preliminary?: boolean;
  check_reason?: string | null;
}

/** The entry checks of a value before it is entered. */
export const checkValue = async (plan: string, indicator: string, period: string, value: number) =>
  (
    await apiFetch<{ warnings: DataWarning[] }>(`${data(plan)}/checks`, {
      method: 'POST',
      body: { indicator, period, value },
      requireLogin: true,
    })
  ).warnings;

export const getDistrict = (plan: string, year: string | null, signal?: AbortSignal) =>
  apiFetch<DataDistrict>(`${data(plan)}/district${year ? `?year=${seg(year)}` : ''}`, opts(signal));
export const urge = (plan: string, department: string, note: string | null) =>
  apiFetch<{ department: string; department_name: string; missing: number }>(`${data(plan)}/urge`, {
    method: 'POST',
    body: { department, ...(note ? { note } : {}) },
    requireLogin: true,
  });

export const createValue = (plan: string, indicator: string, period: string, body: ValueFields) =>
  apiFetch<ValueDetail>(`${data(plan)}/values`, {
    method: 'POST',
    body: { indicator, period, ...body },
    requireLogin: true,
  });
export const editValue = (plan: string, indicator: string, period: string, version: number, body: ValueFields) =>
  apiFetch<ValueDetail>(valuePath(plan, indicator, period), {
    method: 'PATCH',
    body: { if_version: version, ...body },
    requireLogin: true,
  });
export type Step = 'submit' | 'approve' | 'accept' | 'return';
export const step = (plan: string, indicator: string, period: string, name: Step, version: number, reason?: string) =>
  apiFetch<ValueDetail>(`${valuePath(plan, indicator, period)}/${name}`, {
    method: 'POST',
    body: { if_version: version, ...(reason ? { reason } : {}) },
    requireLogin: true,
  });

export const listNotifications = async (signal?: AbortSignal) =>
  (await apiFetch<{ notifications: Notification[] }>('/api/notifications?unread=1', opts(signal))).notifications;
export const markRead = (id: number) =>
  apiFetch<Notification>(`/api/notifications/${id}/read`, { method: 'POST', requireLogin: true });

/** Multipart POST (apiFetch speaks JSON only): the CSRF token comes from `/api/auth/me`. */
async function postFile(path: string, file: File): Promise<Response> {
  const me = await apiFetch<Me>('/api/auth/me');
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(path, {
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
  return res;
}

const imports = (plan: string) => `/api/plans/${seg(plan)}/imports`;

export const previewUpload = async (plan: string, file: File) =>
  (await (await postFile(`${imports(plan)}/preview`, file)).json()) as ImportPreview;
export const errorReport = async (plan: string, file: File) =>
  (await postFile(`${imports(plan)}/error-report`, file)).blob();
export const commitUpload = (plan: string, token: string) =>
  apiFetch<ImportResultBody>(`${imports(plan)}/commit`, { method: 'POST', body: { token }, requireLogin: true });
export const templateHref = (plan: string, department: string, from: number, to: number) =>
  `${imports(plan)}/template?department=${seg(department)}&from=${from}&to=${to}`;

/** Saves a blob as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
