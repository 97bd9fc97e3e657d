/**
 * The archive of monthly supervision bulletins (督查通报). A row keeps the bulletin's inputs as
 * JSON — every number as known at the end of the month — not the files: .docx, .pdf and .xlsx are
 * rendered from it on download, so one archived month reads the same in every format, and a
 * later correction of data never changes what was issued. One row per plan and month; the
 * monthly job inserts it only when absent, a supervisor's regeneration replaces it.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';
import { createTable, monthOfPlan, optionalRef, required, text } from './columns';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await createTable(db, dialect, 'bulletins')
    .$call(monthOfPlan)
    .$call(required(text, 'input', 'origin', 'generated_at'))
    .addColumn('generated_by', 'integer', optionalRef('users'))
    .addUniqueConstraint('bulletins_month', ['tenant_id', 'plan_id', 'month'])
    .execute();
}
