/**
 * API tokens for integrations (a statistics bureau pushing data): `shx_` + 256 random bits,
 * shown once, stored as SHA-256, scoped to a tenant, optionally a department, and permissions.
 */
import type { Db } from '../../db';
import { permissions as allPermissions, type Permission } from '../../domain/access';
import type { Actor } from '../http';
import { hashToken, newToken } from './sessions';

export const tokenPrefix = 'shx_';

export function newApiToken(): string {
  return tokenPrefix + newToken();
}

/** The actor of a bearer token, or null when unknown, revoked or expired. */
export async function actorFromApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const row = await db.kysely
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null;
  const granted = (JSON.parse(row.permissions) as string[]).filter((p): p is Permission =>
    (allPermissions as readonly string[]).includes(p),
  );
  return {
    kind: 'token',
    tokenId: row.id,
    tenantId: row.tenant_id,
    permissions: new Set(granted),
    departmentIds: row.department_id === null ? [] : [row.department_id],
    scopedPermissions: new Set(row.department_id === null ? [] : granted),
  };
}
