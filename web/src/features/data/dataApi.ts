/** Typed calls of data reporting: calendar, values and workflow steps, queue, history, uploads. */
import type {
  CheckResult,
  DataCalendar,
  DataDistrict,
  DataHistory,
  DataTransition,
  DataValueDetail,
  QueueList,
  UrgeResult,
  ValueCreate,
} from '../../../../src/contracts/data';
import type { ImportPreview, ImportResultBody } from '../../../../src/contracts/imports';
import type { Notification, NotificationList } from '../../../../src/contracts/notify';
import { apiFetch, uploadFile, uploadForBlob } from '../auth/apiFetch';

const seg = encodeURIComponent;
const opts = (signal?: AbortSignal) => ({ signal, requireLogin: true });
const data = (plan: string) => `/api/plans/${seg(plan)}/data`;
const valuePath = (plan: string, indicator: string, period: string) =>
  `${data(plan)}/values/${seg(indicator)}/${seg(period)}`;

export const getCalendar = (plan: string, signal?: AbortSignal) =>
  apiFetch<DataCalendar>(`${data(plan)}/calendar`, opts(signal));
export const getQueue = async (plan: string, signal?: AbortSignal) =>
  (await apiFetch<QueueList>(`${data(plan)}/queue`, opts(signal))).values;
export const getValue = (plan: string, indicator: string, period: string, signal?: AbortSignal) =>
  apiFetch<DataValueDetail>(valuePath(plan, indicator, period), opts(signal));
export const getHistory = (plan: string, indicator: string, period: string, signal?: AbortSignal) =>
  apiFetch<DataHistory>(`${valuePath(plan, indicator, period)}/history`, opts(signal));

/** A value's fields as entered (the create body without its slot). */
export type ValueFields = Omit<ValueCreate, 'indicator' | 'period'>;

/** The entry checks of a value before it is entered. */
export const checkValue = async (plan: string, indicator: string, period: string, value: number) =>
  (
    await apiFetch<CheckResult>(`${data(plan)}/checks`, {
      method: 'POST',
      body: { indicator, period, value },
      requireLogin: true,
    })
  ).warnings;

export const getDistrict = (plan: string, year: string | null, signal?: AbortSignal) =>
  apiFetch<DataDistrict>(`${data(plan)}/district${year ? `?year=${seg(year)}` : ''}`, opts(signal));
export const urge = (plan: string, department: string, note: string | null) =>
  apiFetch<UrgeResult>(`${data(plan)}/urge`, {
    method: 'POST',
    body: { department, ...(note ? { note } : {}) },
    requireLogin: true,
  });

export const createValue = (plan: string, indicator: string, period: string, body: ValueFields) =>
  apiFetch<DataValueDetail>(`${data(plan)}/values`, {
    method: 'POST',
    body: { indicator, period, ...body },
    requireLogin: true,
  });
export const editValue = (plan: string, indicator: string, period: string, version: number, body: ValueFields) =>
  apiFetch<DataValueDetail>(valuePath(plan, indicator, period), {
    method: 'PATCH',
    body: { if_version: version, ...body },
    requireLogin: true,
  });
export const step = (
  plan: string,
  indicator: string,
  period: string,
  name: DataTransition,
  version: number,
  reason?: string,
) =>
  apiFetch<DataValueDetail>(`${valuePath(plan, indicator, period)}/${name}`, {
    method: 'POST',
    body: { if_version: version, ...(reason ? { reason } : {}) },
    requireLogin: true,
  });

export const listNotifications = async (signal?: AbortSignal) =>
  (await apiFetch<NotificationList>('/api/notifications?unread=1', opts(signal))).notifications;
export const markRead = (id: number) =>
  apiFetch<Notification>(`/api/notifications/${id}/read`, { method: 'POST', requireLogin: true });

const imports = (plan: string) => `/api/plans/${seg(plan)}/imports`;

export const previewUpload = (plan: string, file: File) =>
  uploadFile<ImportPreview>(`${imports(plan)}/preview`, file);
export const errorReport = (plan: string, file: File) => uploadForBlob(`${imports(plan)}/error-report`, file);
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
