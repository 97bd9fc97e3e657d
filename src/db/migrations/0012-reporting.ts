/**
 * Reporting without training (issue 18): a value may be preliminary (快报/预计数), replaced by
 * the final one through the normal workflow; a reporter who keeps a value the entry checks warn
 * about says why (`check_reason`), and the reviewer reads it beside the warnings.
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../connection';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .alterTable('observations')
    .addColumn('preliminary', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('observations').addColumn('check_reason', 'text').execute();
}
