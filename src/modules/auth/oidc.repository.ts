/** Finished single sign-on flows: each flow's state is accepted once across all app servers. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

/** Records the flow as used; false when it already was. Forgets flows past their lifetime. */
export async function consumeFlow(db: Kysely<Database>, state: string, expiresAt: number, now: Date) {
  await db.deleteFrom('oidc_flows_used').where('expires_at', '<', now.toISOString()).execute();
  const result = await db
    .insertInto('oidc_flows_used')
    .values({
      state_hash: createHash('sha256').update(state).digest('hex'),
      expires_at: new Date(expiresAt).toISOString(),
    })
    .onConflict((oc) => oc.column('state_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
