/**
 * Monthly snapshots of the department scorecards (考核): one row per plan and month, the ranked
 * scores with every point's reason as JSON, and the weights used. Written once by the monthly
 * job (or the first request after the month); a later change of data does not rewrite history.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import { createTable, monthOfPlan, required, text } from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'scorecard_snapshots')
    .$call(monthOfPlan)
    .$call(required(text, 'computed_at', 'weights', 'body'))
    .addUniqueConstraint('scorecard_snapshots_month', ['plan_id', 'month'])
    .execute();
}
