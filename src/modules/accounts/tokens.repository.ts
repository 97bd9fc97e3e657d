/** SQL of API tokens. Only the SHA-256 of a token is stored; no query here returns it. */
import type { Executor } from '../../db';

type DB = Executor;

// Every column except token_hash: the hash never leaves the repository.
const visible = [
  'api_tokens.id',
  'api_tokens.name',
  'api_tokens.permissions',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.revoked_at',
  'departments.code as department',
  'users.username as created_by',
] as const;

function tokensOf(db: DB, tenantId: number) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('departments', 'departments.id', 'api_tokens.department_id')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(visible)
    .where('api_tokens.tenant_id', '=', tenantId);
}

export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

export async function listTokens(db: DB, tenantId: number) {
  return tokensOf(db, tenantId).orderBy('api_tokens.id', 'desc').execute();
}

export async function findToken(db: DB, tenantId: number, id: number) {
  return tokensOf(db, tenantId).where('api_tokens.id', '=', id).executeTakeFirst();
}

export interface NewToken {
  tenantId: number;
  departmentId: number | null;
  name: string;
  tokenHash: string;
  permissions: string[];
  createdBy: number | null;
  now: string;
  expiresAt: string;
}

export async function insertToken(db: DB, t: NewToken): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      tenant_id: t.tenantId,
      department_id: t.departmentId,
      name: t.name,
      token_hash: t.tokenHash,
      permissions: JSON.stringify(t.permissions),
      created_by: t.createdBy,
      created_at: t.now,
      expires_at: t.expiresAt,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a live token; returns false when it was already revoked (or is not the tenant's). */
export async function revokeToken(db: DB, tenantId: number, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
