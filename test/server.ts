/**
 * Starts the real server (real socket, real database of the given dialect, demo plan loaded) for
 * HTTP and browser tests, and stops it and drops the database afterwards.
 */
import { startServer } from '../src/server/main';
import type { DialectName } from '../src/db';
import { createTestDatabase } from './databases';

export const testAdminPassword = 'correct horse battery staple 实效';

export interface RunningTestServer {
  url: string;
  location: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  dialect: DialectName = 'sqlite',
  opts: { now?: () => Date; lockTimeoutMs?: number } = {},
): Promise<RunningTestServer> {
  const database = await createTestDatabase(dialect);
  const running = await startServer({
    db: database.location,
    port: 0,
    host: '127.0.0.1',
    adminPassword: testAdminPassword,
    logLevel: 'silent',
    now: opts.now,
    lockTimeoutMs: opts.lockTimeoutMs,
  });
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    location: database.location,
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}

/** A logged-in HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  cookie: string;
  csrf: string;
}

export async function login(
  baseUrl: string,
  username: string,
  password: string,
  tenant?: string,
): Promise<Client> {
  const res = await fetch(baseUrl + '/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(tenant === undefined ? { username, password } : { username, password, tenant }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrf_token: string; user: { must_change_password?: boolean } | null };
  const csrf = body.csrf_token;
  if (body.user?.must_change_password) {
    // An administrator created this user: its owner must set the password before anything else
    // (test/hardening/first-login.test.ts); the tests keep using the same one.
    const changed = await fetch(baseUrl + '/api/auth/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ current_password: password, new_password: password }),
    });
    if (changed.status !== 204 && changed.status !== 200)
      throw new Error(`first password change of ${username}: ${changed.status} ${await changed.text()}`);
  }
  return {
    cookie,
    csrf,
    get: (path) => fetch(baseUrl + path, { headers: { Cookie: cookie } }),
    send: (method, path, body, headers = {}) =>
      fetch(baseUrl + path, {
        method,
        headers: {
          Cookie: cookie,
          'X-CSRF-Token': csrf,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
