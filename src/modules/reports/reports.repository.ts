/** The only SQL of the reports module: the archive of bulletins (0010-bulletins). */
import type { Kysely } from 'kysely';
import { tableWhere, type BulletinTable, type Database } from '../../db';

type K = Kysely<Database>;

export type ArchiveRow = Omit<BulletinTable, 'id'>;

/** Inserts the month's bulletin unless one is archived; true when this call inserted it. */
export async function insertIfAbsent(k: K, row: ArchiveRow): Promise<boolean> {
  const result = await k
    .insertInto('bulletins')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'plan_id', 'month']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Inserts or replaces the month's bulletin (a supervisor regenerates it). */
export async function upsert(k: K, row: ArchiveRow): Promise<void> {
  await k
    .insertInto('bulletins')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'plan_id', 'month']).doUpdateSet({
        input: row.input,
        origin: row.origin,
        generated_at: row.generated_at,
        generated_by: row.generated_by,
      }),
    )
    .execute();
}

export async function listArchived(k: K, tenantId: number, planId: number) {
  return k
    .selectFrom('bulletins')
    .leftJoin('users', 'users.id', 'bulletins.generated_by')
    .select(['bulletins.month', 'bulletins.origin', 'bulletins.generated_at', 'users.username'])
    .where('bulletins.tenant_id', '=', tenantId)
    .where('bulletins.plan_id', '=', planId)
    .orderBy('bulletins.month', 'desc')
    .execute();
}

export async function findArchived(k: K, tenantId: number, planId: number, month: string) {
  return tableWhere(k, 'bulletins', { tenant_id: tenantId, plan_id: planId, month })
    .select(['input', 'generated_at'])
    .executeTakeFirst();
}
