/**
 * The web app's one fetch layer: JSON in and out, the CSRF token on every write, multipart
 * uploads, RFC 9457 problems turned into `ProblemError` (with the problem's stable `code`), and a
 * redirect to the login page on 401 when the page needs a login. Response types come from
 * src/contracts; no other module calls `fetch` for the API.
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

  /** The problem's stable code, when the server gave one. */
  get code(): string | undefined {
    return this.problem.code;
  }

  /** Field → message, for form fields. */
  get fieldErrors(): Map<string, string> {
    return new Map((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

/** True when `e` is a problem answer with one of these HTTP statuses. */
export const isProblem = (e: unknown, ...statuses: number[]): e is ProblemError =>
  e instanceof ProblemError && statuses.includes(e.status);

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

/** Sends one request; a failed answer becomes a `ProblemError`. */
async function send(path: string, init: RequestInit, requireLogin = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.method && init.method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await fetch(path, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const problem = await readProblem(res);
    const retry = Number(res.headers.get('Retry-After'));
    if (res.status === 401 && requireLogin) navigate(loginHref());
    throw new ProblemError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return res;
}

async function readJson<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function apiFetch<T = void>(path: string, opts: ApiOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const res = await send(
    path,
    {
      method,
      headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(opts.body ?? {}),
      signal: opts.signal,
    },
    opts.requireLogin,
  );
  return readJson<T>(res);
}

/** A multipart POST of one file (as `file`) and any other form fields. */
function postForm(path: string, file: File, fields: Record<string, string | undefined>): Promise<Response> {
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return send(path, { method: 'POST', body: form });
}

/** Uploads a file; the answer is JSON. */
export async function uploadFile<T>(
  path: string,
  file: File,
  fields: Record<string, string | undefined> = {},
): Promise<T> {
  return readJson<T>(await postForm(path, file, fields));
}

/** Uploads a file; the answer is a file (a report to download). */
export async function uploadForBlob(path: string, file: File): Promise<Blob> {
  return (await postForm(path, file, {})).blob();
}
