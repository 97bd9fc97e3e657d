/**
 * The SQL of web uploads: a plan's indicators with department ids, the workflow rows of the
 * series a file touches, and the writes of a commit (new submitted versions, superseded drafts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DialectName } from '../../db';
import type { DataIndicator } from '../data';

export type Q = Kysely<Database> | Transaction<Database>;

export async function findTenantSlug(db: Q, tenantId: number) {
  const row = await db.selectFrom('tenants').select('slug').where('id', '=', tenantId).executeTakeFirst();
  return row?.slug;
}

/** A plan indicator as uploads read it: the data module's row plus its department code. */
export type UploadIndicator = DataIndicator & {
  department: string | null;
};

export async function departmentCodes(db: Q, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('departments').select('code').where('id', 'in', ids).execute();
  return rows.map((r) => r.code);
}

/** Main-series rows of some indicators (every status), to know each series' head and versions. */
export async function seriesRowsOf(db: Q, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['id', 'indicator_id', 'period', 'value', 'source', 'note', 'status', 'version'])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .orderBy('version')
    .orderBy('id')
    .execute();
}

export type SeriesRow = Awaited<ReturnType<typeof seriesRowsOf>>[number];

/** PostgreSQL: locks the indicators for the transaction (SQLite has one writer anyway). */
export async function lockIndicators(trx: Transaction<Database>, dialect: DialectName, ids: number[]) {
  if (dialect !== 'postgres' || ids.length === 0) return;
  await trx.selectFrom('indicators').select('id').where('id', 'in', ids).forUpdate().execute();
}

export interface SubmittedRow {
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  preliminary?: number;
}

export async function insertSubmitted(trx: Q, row: SubmittedRow): Promise<number> {
  const inserted = await trx
    .insertInto('observations')
    .values({ ...row, status: 'submitted', illustrative: 0, alternate: 0, position: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A draft or returned head replaced by the file's version; false when someone moved it first. */
export async function supersede(trx: Q, id: number): Promise<boolean> {
  const result = await trx
    .updateTable('observations')
    .set({ status: 'superseded' })
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
