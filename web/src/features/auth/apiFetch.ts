/**
 * The fetch wrapper for the session-aware API: JSON in and out, the CSRF token on every write,
 * RFC 9457 problems turned into `ProblemError`, and a redirect to the login page on 401 when the
 * page needs a login.
 */
import type { Problem } from '../../../../src/contracts/common';
import { navigate } from '../../router';

let csrfToken: string | null = null;

/** The session layer keeps the CSRF token of the current session here. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
    /** Seconds from a Retry-After header (429), when there is one. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Field → message, for form fields. */
  get fieldErrors(): Map<string, string> {
    return new Map((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** On 401, go to `/login?next=<this page>` (pages that need a login). */
  requireLogin?: boolean;
}

export function loginHref(next: string = window.location.pathname + window.location.search): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

async function readProblem(res: Response): Promise<Partial<Problem>> {
  try {
    return (await res.json()) as Partial<Problem>;
  } catch {
    return { title: res.statusText || `HTTP ${res.status}` };
  }
}

export async function apiFetch<T = void>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}),
    signal: opts.signal,
  });
  if (!res.ok) {
    const problem = await readProblem(res);
    const retry = Number(res.headers.get('Retry-After'));
    if (res.status === 401 && opts.requireLogin) navigate(loginHref());
    throw new ProblemError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
