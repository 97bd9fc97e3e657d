/** Typed calls of the administration API (users, departments, tokens, audit). */
import type {
  ApiTokenCreate,
  ApiTokenCreated,
  DepartmentCreate,
  DepartmentEntry,
  DepartmentList,
  DepartmentUpdate,
  TokenList,
  User,
  UserCreate,
  UserList,
  UserUpdate,
} from '../../../../src/contracts/accounts';
import type { AuditPage, AuditQuery } from '../../../../src/contracts/audit';
import { apiFetch } from '../auth/apiFetch';

const opts = (signal?: AbortSignal) => ({ signal, requireLogin: true });
const seg = encodeURIComponent;

export const listUsers = async (signal?: AbortSignal) =>
  (await apiFetch<UserList>('/api/users', opts(signal))).users;
export const createUser = (body: UserCreate) =>
  apiFetch<User>('/api/users', { method: 'POST', body, requireLogin: true });
export const updateUser = (username: string, body: UserUpdate) =>
  apiFetch<User>(`/api/users/${seg(username)}`, { method: 'PATCH', body, requireLogin: true });
export const resetPassword = (username: string, password: string) =>
  apiFetch(`/api/users/${seg(username)}/password`, {
    method: 'POST',
    body: { password },
    requireLogin: true,
  });

export const listDepartments = async (signal?: AbortSignal) =>
  (await apiFetch<DepartmentList>('/api/departments', opts(signal))).departments;
export const createDepartment = (body: DepartmentCreate) =>
  apiFetch<DepartmentEntry>('/api/departments', { method: 'POST', body, requireLogin: true });
export const updateDepartment = (code: string, body: DepartmentUpdate) =>
  apiFetch<DepartmentEntry>(`/api/departments/${seg(code)}`, { method: 'PATCH', body, requireLogin: true });

export const listTokens = async (signal?: AbortSignal) =>
  (await apiFetch<TokenList>('/api/tokens', opts(signal))).tokens;
export const createToken = (body: ApiTokenCreate) =>
  apiFetch<ApiTokenCreated>('/api/tokens', { method: 'POST', body, requireLogin: true });
export const revokeToken = (id: number) =>
  apiFetch(`/api/tokens/${id}`, { method: 'DELETE', requireLogin: true });

export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'object_type' | 'outcome' | 'from' | 'to'>;

export function fetchAudit(filters: AuditFilters, cursor: number | null, signal?: AbortSignal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (typeof v === 'string' && v) q.set(k, v);
  q.set('limit', '50');
  if (cursor) q.set('cursor', String(cursor));
  return apiFetch<AuditPage>(`/api/audit?${q.toString()}`, opts(signal));
}
