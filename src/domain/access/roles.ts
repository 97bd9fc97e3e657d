/**
 * Roles and permissions (pure). Role grants are per tenant; a department reporter or head acts
 * only on its own departments' objects, which object-level checks in services enforce.
 */
export const roles = [
  'admin',
  'supervisor',
  'dept_head',
  'reporter',
  'leader',
  'viewer',
  'city_supervisor',
  'city_leader',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'plan:read',
  'plan:write',
  'data:read',
  'data:write',
  'data:approve',
  'data:accept',
  'task:read',
  'task:write',
  'task:supervise',
  'user:read',
  'user:admin',
  'token:admin',
  'audit:read',
  'city:read',
  'report:read',
] as const;
export type Permission = (typeof permissions)[number];

const read: Permission[] = ['plan:read', 'data:read', 'task:read'];

/** What each role may do. Department-scoped roles are limited to their departments elsewhere. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...read, 'plan:write', 'user:read', 'user:admin', 'token:admin', 'audit:read'],
  supervisor: [
    ...read,
    'plan:write',
    'data:accept',
    'task:write',
    'task:supervise',
    'user:read',
    'audit:read',
    'report:read',
  ],
  dept_head: [...read, 'data:write', 'data:approve', 'task:write'],
  reporter: [...read, 'data:write', 'task:write'],
  leader: [...read, 'report:read'],
  viewer: read,
  // City roles, held in the city's tenant: they read their districts side by side (ranks,
  // roll-up, a district's plan and data) and write nothing there.
  city_supervisor: [...read, 'city:read'],
  city_leader: [...read, 'city:read'],
};

/** Roles of a city above districts; a district's own roles are the others. */
export const cityRoles: readonly Role[] = ['city_supervisor', 'city_leader'];

/** Roles whose data and task rights stop at their own departments. */
export const departmentScopedRoles: readonly Role[] = ['dept_head', 'reporter'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The union of the permissions of some roles. */
export function permissionsOf(granted: readonly Role[]): Set<Permission> {
  return new Set(granted.flatMap((r) => rolePermissions[r]));
}

/**
 * True when `permission` stops at the user's own departments: every role that grants it is
 * department-scoped. Each permission's scope comes from the roles that grant it, so a read-only
 * role (leader, viewer) widens reading but never a reporter's writes, which it does not grant;
 * a supervisor who is also a reporter is not limited.
 */
export function isDepartmentScoped(granted: readonly Role[], permission: Permission): boolean {
  const grantors = granted.filter((r) => rolePermissions[r].includes(permission));
  return grantors.length > 0 && grantors.every((r) => departmentScopedRoles.includes(r));
}

/** The permissions of some roles that stop at the user's own departments. */
export function departmentScopedPermissions(granted: readonly Role[]): Set<Permission> {
  return new Set([...permissionsOf(granted)].filter((p) => isDepartmentScoped(granted, p)));
}
