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
import type { TenantCreate, TenantEntry, TenantList } from '../../../../src/contracts/city';
import { apiFetch } from '../auth/apiFetch';

const opts = (signal?: AbortSignal) => ({ signal, requireLogin: true });
const seg = encodeURIComponent;
/** A write that needs a login. */
const send = <T = void>(path: string, method: 'POST' | 'PATCH' | 'DELETE', body?: unknown) =>
  apiFetch<T>(path, { method, body, requireLogin: true });

export const listUsers = async (signal?: AbortSignal) =>
  (await apiFetch<UserList>('/api/users', opts(signal))).users;
export const createUser = (body: UserCreate) => send<User>('/api/users', 'POST', body);
export const updateUser = (username: string, body: UserUpdate) =>
  send<User>(`/api/users/${seg(username)}`, 'PATCH', body);
export const resetPassword = (username: string, password: string) =>
  send(`/api/users/${seg(username)}/password`, 'POST', { password });

export const listDepartments = async (signal?: AbortSignal) =>
  (await apiFetch<DepartmentList>('/api/departments', opts(signal))).departments;
export const createDepartment = (body: DepartmentCreate) =>
  send<DepartmentEntry>('/api/departments', 'POST', body);
export const updateDepartment = (code: string, body: DepartmentUpdate) =>
  send<DepartmentEntry>(`/api/departments/${seg(code)}`, 'PATCH', body);

export const listTenants = async (signal?: AbortSignal) =>
  (await apiFetch<TenantList>('/api/tenants', opts(signal))).tenants;
export const createTenant = (body: TenantCreate) => send<TenantEntry>('/api/tenants', 'POST', body);

export const listTokens = async (signal?: AbortSignal) =>
  (await apiFetch<TokenList>('/api/tokens', opts(signal))).tokens;
export const createToken = (body: ApiTokenCreate) => send<ApiTokenCreated>('/api/tokens', 'POST', body);
export const revokeToken = (id: number) => send(`/api/tokens/${id}`, 'DELETE');

export type AuditFilters = Pick<AuditQuery, 'actor' | 'action' | 'object_type' | 'outcome' | 'from' | 'to'>;

export function fetchAudit(filters: AuditFilters, cursor: number | null, signal?: AbortSignal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (typeof v === 'string' && v) q.set(k, v);
  q.set('limit', '50');
  if (cursor) q.set('cursor', String(cursor));
  return apiFetch<AuditPage>(`/api/audit?${q.toString()}`, opts(signal));
}
