/** The main navigation for whoever is signed in: each entry only for those who can use it. */
import type { Permission } from '../../../../src/domain/access/roles';
import type { Key } from '../../i18n/dict';
import type { Route } from '../../router';

export type NavKey =
  | 'overview'
  | 'cockpit'
  | 'explorer'
  | 'city'
  | 'portal'
  | 'extract'
  | 'data'
  | 'admin'
  | 'tasks'
  | 'reports'
  | 'scorecards';

export interface NavItem {
  key: NavKey;
  href: string;
  label: Key;
}

/**
 * Entries in order. Anonymous visitors get the overview and the portal; the cockpit and the
 * data pages need `plan:read` / `data:read` (every signed-in role), the document extractor
 * `plan:write`, and the administration its first section the user may open.
 */
export function navItems(
  signedIn: boolean,
  can: (p: Permission) => boolean,
  adminSection: string | null,
): NavItem[] {
  const items: (NavItem | false)[] = [
    { key: 'overview', href: '/', label: 'navOverview' },
    signedIn && can('plan:read') && { key: 'cockpit', href: '/cockpit', label: 'navCockpit' },
    signedIn && can('city:read') && { key: 'city', href: '/city', label: 'navCity' },
    signedIn && can('data:read') && { key: 'data', href: '/data', label: 'navData' },
    signedIn && can('task:read') && { key: 'tasks', href: '/tasks', label: 'navTasks' },
    signedIn && can('plan:read') && { key: 'explorer', href: '/plan', label: 'navExplorer' },
    signedIn && can('report:read') && { key: 'reports', href: '/reports', label: 'navReports' },
    signedIn && can('task:read') && { key: 'scorecards', href: '/scorecards', label: 'navScorecards' },
    signedIn && can('plan:write') && { key: 'extract', href: '/extract', label: 'navExtract' },
    { key: 'portal', href: '/portal/', label: 'navPortal' },
    signedIn && adminSection !== null && { key: 'admin', href: `/admin/${adminSection}`, label: 'navAdmin' },
  ];
  return items.filter((i): i is NavItem => i !== false);
}

/** Which entry the route belongs to. */
export function selectedNav(route: Route): NavKey | null {
  switch (route.page) {
    case 'portal':
    case 'admin':
    case 'extract':
    case 'data':
    case 'cockpit':
    case 'explorer':
    case 'tasks':
    case 'reports':
    case 'city':
      return route.page;
    case 'overview':
    case 'indicator':
      return 'overview';
    case 'scorecards':
      return 'scorecards';
    case 'task_upload':
      return 'tasks';
    case 'login':
    case 'not_found':
      return null;
  }
}
