/** Rows → responses. Hashes, failed-login counters and internal ids never leave through here. */
import type { ApiToken, DepartmentEntry, TokenPermission, User } from '../../contracts/accounts';
import { tokenPermissions } from '../../contracts/accounts';
import type { DepartmentTable, UserTable } from '../../db';
import { isRole } from '../../domain/access';
import type { TokenRow } from './tokens.repository';

type UserRow = Pick<UserTable, 'username' | 'display_name' | 'disabled' | 'locked_until' | 'created_at'> & {
  updated_at: string;
};

/** A user with its roles and department codes; `locked` is judged at `now`. */
export function presentUser(row: UserRow, roles: string[], departments: string[], now: Date): User {
  return {
    username: row.username,
    display_name: row.display_name,
    roles: roles.filter(isRole),
    departments,
    disabled: row.disabled !== 0,
    locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentDepartment(row: Pick<DepartmentTable, 'code' | 'name' | 'name_en'>): DepartmentEntry {
  return { code: row.code, name: row.name, name_en: row.name_en };
}

function parsePermissions(text: string): TokenPermission[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is TokenPermission => (tokenPermissions as readonly unknown[]).includes(p));
}

/** A token's metadata: never the token, never its hash. */
export function presentToken(row: TokenRow, now: Date): ApiToken {
  const expired = row.expires_at !== null && row.expires_at <= now.toISOString();
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    permissions: parsePermissions(row.permissions),
    created_by: row.created_by,
    created_at: row.created_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
    active: row.revoked_at === null && !expired,
  };
}
