/**
 * Monthly snapshots of the department scorecards (考核): one row per plan and month, the ranked
 * scores with every point's reason as JSON, and the weights used. Written once by the monthly
 * job (or the first request after the month); a later change of data does not rewrite history.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('scorecard_snapshots')
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('scorecard_snapshots_month', ['plan_id', 'month'])
    .execute();
}
