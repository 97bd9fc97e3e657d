/**
 * API tokens for integrations: created with a subset of data and plan permissions, optionally
 * limited to one department, expiring within a year; shown once, stored as SHA-256, revocable.
 */
import type { ApiToken, ApiTokenCreate } from '../../contracts/accounts';
import type { Db } from '../../db';
import { hashToken, newApiToken, writeAudit } from '../auth';
import { AppError, badInput, notFound } from '../errors';
import * as accounts from './accounts.repository';
import { presentToken } from './accounts.presenter';
import { auditOf, callerUserId, type Caller } from '../caller';
import * as repo from './tokens.repository';

/** The longest a token may live (ASVS: integration credentials are rotated). */
export const maxTokenLifeMs = 366 * 24 * 60 * 60 * 1000;

/** The expiry instant: given (a day means its start, UTC) or one year from now; never past a year. */
function expiryOf(given: string | undefined, now: Date): string {
  const at = given === undefined ? new Date(now.getTime() + 365 * 24 * 60 * 60 * 1000) : new Date(given);
  if (Number.isNaN(at.getTime())) throw badInput('expires_at is not a date.');
  if (at.getTime() <= now.getTime()) {
    throw badInput('expires_at must be in the future.', [{ field: 'expires_at', message: 'in the past' }]);
  }
  if (at.getTime() - now.getTime() > maxTokenLifeMs) {
    throw badInput('A token lives at most one year.', [
      { field: 'expires_at', message: 'more than a year ahead' },
    ]);
  }
  return at.toISOString();
}

/** The tenant's tokens, newest first: metadata only. */
export async function listTokens(db: Db, caller: Caller): Promise<ApiToken[]> {
  return (await repo.listTokens(db.kysely, caller.actor.tenantId)).map((r) => presentToken(r, caller.now));
}

/** Creates a token and returns it once, with its metadata; only the hash is stored. */
export async function createToken(
  db: Db,
  caller: Caller,
  input: ApiTokenCreate,
): Promise<ApiToken & { token: string }> {
  const expiresAt = expiryOf(input.expires_at, caller.now);
  let departmentId: number | null = null;
  if (input.department !== undefined) {
    const department = await accounts.findDepartment(db.kysely, caller.actor.tenantId, input.department);
    if (!department) {
      throw badInput(`Unknown department: ${input.department}.`, [
        { field: 'department', message: 'unknown' },
      ]);
    }
    departmentId = department.id;
  }
  const token = newApiToken();
  const permissions = [...new Set(input.permissions)].sort();
  const id = await db.kysely.transaction().execute(async (trx) => {
    const tokenId = await repo.insertToken(trx, {
      tenantId: caller.actor.tenantId,
      departmentId,
      name: input.name,
      tokenHash: hashToken(token),
      permissions,
      createdBy: callerUserId(caller),
      now: caller.now.toISOString(),
      expiresAt,
    });
    const after = {
      name: input.name,
      department: input.department ?? null,
      permissions,
      expires_at: expiresAt,
    };
    await writeAudit(
      trx,
      auditOf(caller, { action: 'token.create', objectType: 'api_token', objectId: tokenId, after }),
    );
    return tokenId;
  });
  const row = await repo.findToken(db.kysely, caller.actor.tenantId, id);
  if (!row) throw notFound(`token ${id}`);
  return { ...presentToken(row, caller.now), token };
}

/** Revokes a token of the caller's tenant (404 when unknown there, 409 when already revoked). */
export async function revokeToken(db: Db, caller: Caller, id: number): Promise<void> {
  const row = await repo.findToken(db.kysely, caller.actor.tenantId, id);
  if (!row) throw notFound(`token ${id}`);
  await db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.revokeToken(trx, caller.actor.tenantId, id, caller.now.toISOString()))) {
      throw new AppError(409, 'Conflict', 'The token is already revoked.');
    }
    await writeAudit(
      trx,
      auditOf(caller, {
        action: 'token.revoke',
        objectType: 'api_token',
        objectId: id,
        before: { name: row.name, revoked_at: null },
        after: { name: row.name, revoked_at: caller.now.toISOString() },
      }),
    );
  });
}
