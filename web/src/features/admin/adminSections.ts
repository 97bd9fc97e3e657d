/** Which permission opens each administration section (kept apart so the header imports no antd). */
import type { Permission } from '../../../../src/domain/access/roles';
import type { AdminSection } from '../../router';

export const sectionPermission: Record<AdminSection, Permission> = {
  users: 'user:read',
  departments: 'user:admin',
  tenants: 'user:admin',
  tokens: 'token:admin',
  audit: 'audit:read',
};

/** The first section the user may open, or null when none (no admin nav at all). */
export function firstAdminSection(can: (p: Permission) => boolean): AdminSection | null {
  return (Object.keys(sectionPermission) as AdminSection[]).find((s) => can(sectionPermission[s])) ?? null;
}
