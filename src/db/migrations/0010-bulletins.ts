/**
 * The archive of monthly supervision bulletins (督查通报). A row keeps the bulletin's inputs as
 * JSON — every number as known at the end of the month — not the files: .docx, .pdf and .xlsx are
 * rendered from it on download, so one archived month reads the same in every format, and a
 * later correction of data never changes what was issued. One row per plan and month; the
 * monthly job inserts it only when absent, a supervisor's regeneration replaces it.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('bulletins')
    .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('tenant_id', 'integer', (c) => c.notNull().references('tenants.id'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('bulletins_month', ['tenant_id', 'plan_id', 'month'])
    .execute();
}
