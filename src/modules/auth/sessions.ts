/**
 * Sessions live in the database so several app servers share them. The cookie carries a 256-bit
 * random id; the table stores only its SHA-256, so a copy of the table opens no session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

export const sessionSettings = {
  /** Ended after this long without a request (ASVS V7.3.1). */
  idleMs: 30 * 60 * 1000,
  /** Ended this long after login whatever happens (V7.3.2). */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** last_seen_at is written at most this often, to spare a write per request. */
  touchEveryMs: 60 * 1000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Creates a session and returns the cookie value (the only copy of the raw id). */
export async function createSession(
  db: Kysely<Database>,
  props: { tenantId: number; userId: number; now: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken(24);
  const now = props.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      tenant_id: props.tenantId,
      user_id: props.userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(props.now.getTime() + sessionSettings.absoluteMs).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The live session of a cookie value, or null (expired ones are deleted on sight). */
export async function findLiveSession(db: Kysely<Database>, token: string, now: Date) {
  const id = hashToken(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const idleEnd = new Date(row.last_seen_at).getTime() + sessionSettings.idleMs;
  if (now.getTime() >= idleEnd || now.toISOString() >= row.expires_at) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > sessionSettings.touchEveryMs) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return row;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
