/** A tiny History API router: a route table, a hook for the current location and a Link. */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string): void {
  if (to === snapshot()) return;
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export interface Location {
  path: string;
  search: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

export type Route =
  | { page: 'overview'; plan?: string }
  | { page: 'indicator'; id: string }
  | { page: 'portal' }
  | { page: 'cockpit'; screen: boolean }
  | { page: 'explorer' }
  | { page: 'login' }
  | { page: 'extract' }
  | { page: 'city' }
  | { page: 'admin'; section: AdminSection }
  | {
      page: 'data';
      view: 'entry' | 'review' | 'upload' | 'history' | 'district';
      indicator?: string;
      period?: string;
    }
  | { page: 'tasks'; view: TasksView; id?: string }
  | { page: 'reports' }
  | { page: 'scorecards' }
  | { page: 'task_upload' }
  | { page: 'not_found' };

/** The task supervision pages (`/tasks/{id}`: one task). */
export type TasksView = 'board' | 'review' | 'red' | 'mine' | 'assessments' | 'task';
const tasksPages: Record<string, TasksView> = {
  review: 'review',
  red: 'red',
  mine: 'mine',
  assessments: 'assessments',
};
// Paths under /tasks/ that are pages, never task codes (the upload page is another route).
const tasksReserved = new Set(['upload', 'review', 'red', 'mine', 'assessments']);

export const adminSections = ['users', 'departments', 'tenants', 'tokens', 'audit'] as const;
export type AdminSection = (typeof adminSections)[number];
const isAdminSection = (s: string): s is AdminSection => (adminSections as readonly string[]).includes(s);

/** The route table. */
export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return { page: 'overview' };
  // Before any `/tasks/{task}` pattern: `upload` is not a task code.
  if (clean === '/tasks/upload') return { page: 'task_upload' };
  if (clean === '/scorecards') return { page: 'scorecards' };
  let m = /^\/plans\/([^/]+)$/.exec(clean);
  if (m?.[1]) return { page: 'overview', plan: decodeURIComponent(m[1]) };
  m = /^\/indicators\/([^/]+)$/.exec(clean);
  if (m?.[1]) return { page: 'indicator', id: decodeURIComponent(m[1]) };
  if (clean === '/portal') return { page: 'portal' };
  if (clean === '/cockpit' || clean === '/cockpit/screen')
    return { page: 'cockpit', screen: clean === '/cockpit/screen' };
  if (clean === '/plan') return { page: 'explorer' };
  if (clean === '/login') return { page: 'login' };
  if (clean === '/extract') return { page: 'extract' };
  if (clean === '/city') return { page: 'city' };
  if (clean === '/data') return { page: 'data', view: 'entry' };
  if (clean === '/data/district') return { page: 'data', view: 'district' };
  if (clean === '/data/review' || clean === '/data/upload')
    return { page: 'data', view: clean === '/data/review' ? 'review' : 'upload' };
  m = /^\/data\/history\/([^/]+)\/([^/]+)$/.exec(clean);
  if (m?.[1] && m[2])
    return {
      page: 'data',
      view: 'history',
      indicator: decodeURIComponent(m[1]),
      period: decodeURIComponent(m[2]),
    };
  if (clean === '/tasks') return { page: 'tasks', view: 'board' };
  m = /^\/tasks\/([^/]+)$/.exec(clean);
  const tasksView = m?.[1] ? tasksPages[m[1]] : undefined;
  if (tasksView) return { page: 'tasks', view: tasksView };
  if (m?.[1] && !tasksReserved.has(m[1]))
    return { page: 'tasks', view: 'task', id: decodeURIComponent(m[1]) };
  if (clean === '/reports') return { page: 'reports' };
  if (clean === '/admin') return { page: 'admin', section: 'users' };
  m = /^\/admin\/([^/]+)$/.exec(clean);
  if (m?.[1] && isAdminSection(m[1])) return { page: 'admin', section: m[1] };
  return { page: 'not_found' };
}

/** An ordinary link (keyboard focusable, opens in a new tab with a modifier) routed in-app. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
