/**
 * Users of the task supervision tests, on the demo plan: action p1-a1 is led by the development
 * and reform commission (`fgw`) with the commerce commission (`swj`) co-operating; the finance
 * bureau (`czj`) has nothing to do with it. Created through the users API as the administrator.
 */
import { login, type Client } from '../server';

export const taskPassword = 'task supervision 督查 password 2026!';

export interface TaskUsers {
  /** Reporter and head of the lead department fgw. */
  repLead: Client;
  headLead: Client;
  /** Reporter of the co-operating department swj. */
  repCo: Client;
  /** Reporter of an unrelated department czj. */
  repOther: Client;
  sup: Client;
  sup2: Client;
  viewer: Client;
}

/** Creates the users (once per server) and logs each in. */
export async function seedTaskUsers(baseUrl: string, admin: Client): Promise<TaskUsers> {
  const specs: [keyof TaskUsers, string, string[], string[]][] = [
    ['repLead', 'rep-fgw', ['reporter'], ['fgw']],
    ['headLead', 'head-fgw', ['dept_head'], ['fgw']],
    ['repCo', 'rep-swj', ['reporter'], ['swj']],
    ['repOther', 'rep-czj', ['reporter'], ['czj']],
    ['sup', 'sup-1', ['supervisor'], []],
    ['sup2', 'sup-2', ['supervisor'], []],
    ['viewer', 'viewer-1', ['viewer'], []],
  ];
  const clients: Partial<TaskUsers> = {};
  for (const [key, username, roles, departments] of specs) {
    const res = await admin.send('POST', '/api/users', {
      username,
      display_name: username,
      password: taskPassword,
      roles,
      departments,
    });
    if (res.status !== 201) throw new Error(`create user ${username}: ${res.status} ${await res.text()}`);
    clients[key] = await login(baseUrl, username, taskPassword);
  }
  return clients as TaskUsers;
}

export interface TaskBody {
  id: string;
  state: string;
  version: number;
  due: string | null;
  percent: number;
  light: string;
  escalation: string;
  action: string | null;
  programme: string | null;
  milestones: { title: string; due: string; done: string | null }[];
  targets: string[];
  indicators: string[];
  reports: {
    period: string;
    status: string;
    percent: number;
    version: number;
    review_comment: string | null;
    parts: { department: string; content: string }[];
    evidence: { id: number; file_name: string; content_type: string; sha256: string }[];
    comments: { kind: string; body: string }[];
  }[];
  extensions: { requested_due: string; decision: string }[];
  timeline: {
    kind: string;
    actor: string;
    from_state: string | null;
    to_state: string | null;
    note: string | null;
  }[];
}

export interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}
