/**
 * Where a person lands after signing in: a department's reporter on what it owes (/data), its head
 * on what waits for approval (/data/review); everyone else on the plan overview (/).
 */
const overviewRoles = new Set(['admin', 'supervisor', 'leader', 'city_supervisor', 'city_leader']);

export function landingFor(roles: readonly string[] | undefined): string {
  if (!roles || roles.some((r) => overviewRoles.has(r))) return '/';
  if (roles.includes('dept_head')) return '/data/review';
  if (roles.includes('reporter')) return '/data';
  return '/';
}
