/**
 * Users of the data workflow tests, created through the users API as the administrator: the
 * demo plan's statistics bureau (`tjj`, which owns `gdp`) is department A and the development
 * and reform commission (`fgw`) is department B. Also a department token of A for pushing data.
 */
import { login, type Client } from '../server';

export const dataPassword = 'data workflow 数据 password 2026!';
export const deptA = 'tjj';
export const deptB = 'fgw';

export interface DataUsers {
  /** Reporters, heads of A and B, two supervisors, a viewer. */
  repA: Client;
  repA2: Client;
  headA: Client;
  repB: Client;
  headB: Client;
  sup: Client;
  sup2: Client;
  viewer: Client;
  /** A bearer token of department A with data:read and data:write. */
  tokenA: string;
}

async function createUser(admin: Client, username: string, roles: string[], departments: string[]) {
  const res = await admin.send('POST', '/api/users', {
    username,
    display_name: username,
    password: dataPassword,
    roles,
    departments,
  });
  if (res.status !== 201) throw new Error(`create user ${username}: ${res.status} ${await res.text()}`);
}

/** Creates the users (once per server) and logs each in. */
export async function seedDataUsers(baseUrl: string, admin: Client): Promise<DataUsers> {
  const specs: [keyof Omit<DataUsers, 'tokenA'>, string, string[], string[]][] = [
    ['repA', 'rep-a', ['reporter'], [deptA]],
    ['repA2', 'rep-a2', ['reporter'], [deptA]],
    ['headA', 'head-a', ['dept_head'], [deptA]],
    ['repB', 'rep-b', ['reporter'], [deptB]],
    ['headB', 'head-b', ['dept_head'], [deptB]],
    ['sup', 'sup-1', ['supervisor'], []],
    ['sup2', 'sup-2', ['supervisor'], []],
    ['viewer', 'viewer-1', ['viewer'], []],
  ];
  const clients: Partial<DataUsers> = {};
  for (const [key, username, roles, departments] of specs) {
    await createUser(admin, username, roles, departments);
    clients[key] = await login(baseUrl, username, dataPassword);
  }
  const res = await admin.send('POST', '/api/tokens', {
    name: 'tjj push',
    department: deptA,
    permissions: ['data:read', 'data:write', 'plan:read'],
  });
  if (res.status !== 201) throw new Error(`create token: ${res.status} ${await res.text()}`);
  clients.tokenA = ((await res.json()) as { token: string }).token;
  return clients as DataUsers;
}

/** A client for a bearer token (no cookie, no CSRF token needed). */
export function tokenClient(baseUrl: string, token: string): Pick<Client, 'get' | 'send'> {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path) => fetch(baseUrl + path, { headers: auth }),
    send: (method, path, body) =>
      fetch(baseUrl + path, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

export interface ValueBody {
  value: {
    status: string;
    version: number;
    value: number;
    recorded_by: string | null;
    replaces_version: number | null;
  };
  accepted: { version: number; value: number } | null;
}

/** Sends a request and checks the status, with the body in the message when it is not. */
export async function expectJson<T>(
  res: Promise<Response> | Response,
  status: number,
  what = '',
): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
