/**
 * Validated uploads waiting for their commit: in the database for 15 minutes (table
 * `upload_previews`), keyed by the hash of a random token and bound to the tenant, plan, actor and
 * kind that previewed them — so with several app servers the commit may reach any of them. The
 * commit takes the preview inside its own transaction: two commits of one token write once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db';
import type { ValidRow } from '../../domain/data-import';
import { coded, notFound } from '../errors';

type Q = Kysely<Database> | Transaction<Database>;

export const UPLOAD_TTL_MS = 15 * 60 * 1000;
/** An actor's previews beyond this many (newest kept) are dropped: storage stays bounded. */
const MAX_PER_ACTOR = 20;
/** The kind of a data-values upload; another upload (the tasks' breakdown table) names its own. */
const defaultKind = 'data';

export interface StoredUpload<R = ValidRow> {
  tenantId: number;
  plan: string;
  actor: string;
  kind?: string;
  rows: R[];
}

export interface UploadOwner {
  tenantId: number;
  plan: string;
  actor: string;
  kind?: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Stores the rows and answers the token the commit will give back; sweeps expired previews. */
export async function keepUpload<R = ValidRow>(db: Q, entry: StoredUpload<R>, now: Date): Promise<string> {
  const at = now.toISOString();
  await db.deleteFrom('upload_previews').where('expires_at', '<=', at).execute();
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('upload_previews')
    .values({
      token_hash: hashOf(token),
      tenant_id: entry.tenantId,
      plan: entry.plan,
      actor: entry.actor,
      kind: entry.kind ?? defaultKind,
      rows: JSON.stringify(entry.rows),
      created_at: at,
      expires_at: new Date(now.getTime() + UPLOAD_TTL_MS).toISOString(),
    })
    .execute();
  const older = await db
    .selectFrom('upload_previews')
    .select('token_hash')
    .where('tenant_id', '=', entry.tenantId)
    .where('actor', '=', entry.actor)
    .orderBy('created_at', 'desc')
    .offset(MAX_PER_ACTOR)
    .limit(1000)
    .execute();
  if (older.length > 0)
    await db
      .deleteFrom('upload_previews')
      .where(
        'token_hash',
        'in',
        older.map((o) => o.token_hash),
      )
      .execute();
  return token;
}

const gone = (detail: string, code: string) => coded(notFound(detail), code);

/**
 * The stored rows if the token is live and belongs to this tenant, plan, actor and kind; else a
 * 404 problem coded `preview_expired` (upload again) or `preview_unknown` (never seen, spent, or
 * another's). With `take` (inside the commit's transaction) the preview is spent: a second commit
 * of the same token finds nothing.
 */
export async function loadUpload<R = ValidRow>(
  db: Q,
  token: string,
  who: UploadOwner,
  now: Date,
  opts: { take?: boolean } = {},
): Promise<StoredUpload<R>> {
  const hash = hashOf(token);
  const row = await db
    .selectFrom('upload_previews')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  const mine =
    row &&
    row.tenant_id === who.tenantId &&
    row.plan === who.plan &&
    row.actor === who.actor &&
    row.kind === (who.kind ?? defaultKind);
  if (!row || !mine)
    throw gone('This preview is unknown or already committed: upload the file again.', 'preview_unknown');
  if (row.expires_at <= now.toISOString())
    throw gone(
      `This preview expired (previews are kept ${UPLOAD_TTL_MS / 60_000} minutes): upload the file again.`,
      'preview_expired',
    );
  if (opts.take) {
    const taken = await db.deleteFrom('upload_previews').where('token_hash', '=', hash).executeTakeFirst();
    if (Number(taken.numDeletedRows) !== 1)
      throw gone('This preview is unknown or already committed: upload the file again.', 'preview_unknown');
  }
  return {
    tenantId: row.tenant_id,
    plan: row.plan,
    actor: row.actor,
    kind: row.kind,
    rows: JSON.parse(row.rows) as R[],
  };
}
