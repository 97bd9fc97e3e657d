/**
 * Login, logout, the actor of a request, password change. Failed logins are counted per user in
 * the database (so every app server sees them) and per source address in memory.
 */
import type { Db } from '../../db';
import { checkPassword, departmentScopedPermissions, permissionsOf } from '../../domain/access';
import { hashPassword, verifyPassword } from './passwords';
import { AppError, coded } from '../errors';
import type { Actor } from '../http';
import { AddressFailures } from './address-failures';
import { writeAudit } from './audit';
import { commonPasswords } from './common-passwords';
import { createSession, deleteSession, deleteUserSessions, findLiveSession } from './sessions';
import * as users from './users.repository';

export const loginSettings = { maxFailures: 10, lockMs: 15 * 60 * 1000, perAddressPerMinute: 20 };

/** A hash to verify against when the user does not exist, so timing does not reveal names. */
let dummyHash: Promise<string> | null = null;

/** Per source address, in memory and bounded (address-failures.ts). */
export const addressFailures = new AddressFailures({
  limit: loginSettings.perAddressPerMinute,
  windowMs: 60_000,
  maxAddresses: 10_000,
});

function tooManyFromAddress(address: string | null, now: Date): boolean {
  return address !== null && addressFailures.tooMany(address, now.getTime());
}

function noteAddressFailure(address: string | null, now: Date) {
  if (address) addressFailures.note(address, now.getTime());
}

export class LockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'Too Many Requests', 'Too many failed logins: try again later.');
    coded(this, 'login_locked', { seconds: retryAfterSeconds });
  }
}

export interface LoginProps {
  tenantId: number;
  username: string;
  password: string;
  /** The session cookie the browser sent, if any: it dies at login (rotation). */
  previousToken: string | null;
  address: string | null;
  now: Date;
}

/** Checks the password and opens a new session. Throws 401 or 429 (LockedError). */
export async function login(db: Db, p: LoginProps) {
  const k = db.kysely;
  const audit = (outcome: 'success' | 'failure' | 'denied', reason: string, userId?: number) =>
    writeAudit(k, {
      tenantId: p.tenantId,
      actor: { kind: 'anonymous' },
      label: p.username.slice(0, 80),
      action: 'auth.login',
      objectType: 'user',
      objectId: userId,
      reason,
      sourceIp: p.address,
      outcome,
      at: p.now,
    });
  if (tooManyFromAddress(p.address, p.now)) {
    await audit('denied', 'rate limited (source address)');
    throw new LockedError(60);
  }
  const user = await users.findUserByName(k, p.tenantId, p.username);
  if (user?.locked_until && user.locked_until > p.now.toISOString()) {
    await audit('denied', 'account locked');
    throw new LockedError(Math.ceil((new Date(user.locked_until).getTime() - p.now.getTime()) / 1000));
  }
  dummyHash ??= hashPassword('not-a-real-password-used-for-timing');
  const hash = user?.password_hash ?? (await dummyHash);
  const valid = (await verifyPassword(hash, p.password)) && user !== undefined && user.password_hash !== null;
  if (!valid || !user || user.disabled) {
    noteAddressFailure(p.address, p.now);
    if (user) {
      const failures = user.failed_logins + 1;
      const locked = failures >= loginSettings.maxFailures;
      await users.recordFailedLogin(
        k,
        user.id,
        failures,
        locked ? new Date(p.now.getTime() + loginSettings.lockMs).toISOString() : null,
      );
    }
    await audit('failure', user?.disabled ? 'user disabled' : 'wrong user name or password', user?.id);
    throw coded(new AppError(401, 'Unauthorized', 'Wrong user name or password.'), 'wrong_credentials');
  }
  await users.clearFailedLogins(k, user.id);
  if (p.previousToken) await deleteSession(k, p.previousToken);
  const session = await createSession(k, { tenantId: p.tenantId, userId: user.id, now: p.now });
  await audit('success', 'password', user.id);
  return { ...session, userId: user.id };
}

export async function logout(db: Db, token: string, actor: Actor, now: Date, address: string | null) {
  await deleteSession(db.kysely, token);
  if (actor.kind === 'user') {
    await writeAudit(db.kysely, {
      tenantId: actor.tenantId,
      actor,
      action: 'auth.logout',
      objectType: 'user',
      objectId: actor.userId,
      sourceIp: address,
      outcome: 'success',
      at: now,
    });
  }
}

/** The actor of a session cookie, or anonymous. */
export async function actorFromSession(db: Db, token: string, now: Date): Promise<Actor> {
  const session = await findLiveSession(db.kysely, token, now);
  if (!session) return { kind: 'anonymous' };
  const user = await users.findUserById(db.kysely, session.user_id);
  if (!user || user.disabled) return { kind: 'anonymous' };
  const roles = await users.rolesOf(db.kysely, session.tenant_id, user.id);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    tenantId: session.tenant_id,
    roles,
    permissions: permissionsOf(roles),
    departmentIds: await users.departmentsOf(db.kysely, user.id),
    scopedPermissions: departmentScopedPermissions(roles),
    mustChangePassword: user.must_change_password === 1,
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}

/** Changes one's own password: needs the current one (V6.2.3); other sessions end. */
export async function changePassword(
  db: Db,
  actor: Extract<Actor, { kind: 'user' }>,
  current: string,
  next: string,
  now: Date,
  address: string | null,
) {
  const user = await users.findUserById(db.kysely, actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, current))) {
    await writeAudit(db.kysely, {
      tenantId: actor.tenantId,
      actor,
      action: 'auth.password_change',
      objectType: 'user',
      objectId: actor.userId,
      reason: 'wrong current password',
      sourceIp: address,
      outcome: 'failure',
      at: now,
    });
    throw coded(new AppError(403, 'Forbidden', 'The current password is wrong.'), 'wrong_current_password');
  }
  const check = checkPassword(next, commonPasswords(), user.username);
  if (!check.ok) {
    const field = { field: 'new_password', message: check.reason, code: check.code, params: check.params };
    const error = new AppError(422, 'Unprocessable Content', `New password: ${check.reason}.`, [field]);
    throw coded(error, check.code, check.params);
  }
  const hash = await hashPassword(next);
  await db.kysely.transaction().execute(async (trx) => {
    await users.setPasswordHash(trx, actor.userId, hash, now.toISOString());
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', actor.userId)
      .where('id', '!=', actor.sessionId)
      .execute();
    await writeAudit(trx, {
      tenantId: actor.tenantId,
      actor,
      action: 'auth.password_change',
      objectType: 'user',
      objectId: actor.userId,
      sourceIp: address,
      outcome: 'success',
      at: now,
    });
  });
}

export { deleteUserSessions };
