/** The only SQL of scorecards: the monthly snapshots (table of migration 0011). */
import type { Insertable } from 'kysely';
import { rowsWhere, type Executor, type ScorecardSnapshotTable } from '../../db';

type Q = Executor;

export async function findSnapshot(db: Q, planId: number, month: string) {
  return rowsWhere(db, 'scorecard_snapshots', { plan_id: planId, month }).executeTakeFirst();
}

/** Stores a month's snapshot unless one exists (the first one stays): true when stored. */
export async function insertSnapshot(db: Q, row: Insertable<ScorecardSnapshotTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('scorecard_snapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['plan_id', 'month']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
