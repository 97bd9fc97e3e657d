/**
 * The only SQL of bulk imports and exports. Current values are computed per indicator in memory
 * (the accepted rows no accepted row replaces), so a plan with a million observations is read one
 * indicator at a time instead of through one large anti-join.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { Database, Db } from '../../db';

type Q = Kysely<Database> | Transaction<Database>;

export async function findTenantBySlug(db: Q, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

/** The plan's indicators with their department codes, in plan order. */
export async function listPlanIndicators(db: Q, planId: number) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.id', 'i.code', 'i.name', 'i.unit', 'i.frequency', 'd.code as department'])
    .where('i.plan_id', '=', planId)
    .orderBy('i.position')
    .execute();
}

/** Accepted rows of one indicator: enough to tell the current version of each series. */
export async function listAcceptedRows(db: Q, indicatorId: number) {
  return db
    .selectFrom('observations')
    .select([
      'id',
      'period',
      'value',
      'version',
      'replaces_id',
      'alternate',
      'source',
      'source_url',
      'note',
      'status',
      'recorded_at',
      'position',
    ])
    .where('indicator_id', '=', indicatorId)
    .where('status', '=', 'accepted')
    .orderBy('id')
    .execute();
}

export type AcceptedRow = Awaited<ReturnType<typeof listAcceptedRows>>[number];

/** The columns an imported version sets; the others keep their defaults or stay null. */
export interface NewObservation {
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
  alternate: number;
  status: string;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  position: number;
}

const columns: (keyof NewObservation)[] = [
  'tenant_id',
  'indicator_id',
  'period',
  'value',
  'source',
  'note',
  'alternate',
  'status',
  'version',
  'replaces_id',
  'recorded_by',
  'recorded_at',
  'reason',
  'position',
];

const columnCount = columns.length;

/** Inserts `n` rows whose parameters are flattened in column order (14 per row). */
export type InsertRows = (n: number, parameters: unknown[]) => Promise<void>;

/** Kysely builds the multi-row INSERT once per row count; only parameters change afterwards. */
function templates(q: Q) {
  const cache = new Map<number, CompiledQuery>();
  return (n: number) => {
    let t = cache.get(n);
    if (!t) {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null])) as unknown as Insertable<
        Database['observations']
      >;
      t = q
        .insertInto('observations')
        .values(Array.from({ length: n }, () => placeholder))
        .compile();
      cache.set(n, t);
    }
    return t;
  };
}

/**
 * Runs `fn` in ONE transaction with a bulk inserter. On SQLite a second better-sqlite3 handle on
 * the same file carries the transaction, so each multi-row statement is prepared once and run
 * many times (Kysely's driver prepares every query anew, which at a million rows costs more than
 * the inserts). On PostgreSQL the compiled statement is sent with new parameters each batch.
 */
export async function bulkTransaction<T>(
  db: Db,
  fn: (trx: Transaction<Database>, insert: InsertRows) => Promise<T>,
): Promise<T> {
  if (db.dialect !== 'sqlite' || db.label === ':memory:') {
    return db.kysely.transaction().execute((trx) => {
      const template = templates(trx);
      return fn(trx, async (n, parameters) => void (await trx.executeQuery({ ...template(n), parameters })));
    });
  }
  const handle = new SQLite(db.label);
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  const template = templates(kysely);
  const statements = new Map<number, SQLite.Statement>();
  // A controlled transaction, not transaction().execute(): on SQLITE_FULL or an I/O error (at an
  // insert or at COMMIT) SQLite has already rolled back, and Kysely's own ROLLBACK would then fail
  // ("no transaction is active") and hide the cause, which is what the user must see.
  const trx = await kysely.startTransaction().execute();
  try {
    const result = await fn(trx, (n, parameters) => {
      let stmt = statements.get(n);
      if (!stmt) statements.set(n, (stmt = handle.prepare(template(n).sql)));
      stmt.run(parameters);
      return Promise.resolve();
    });
    await trx.commit().execute();
    return result;
  } catch (error) {
    if (handle.inTransaction) await trx.rollback().execute();
    throw error;
  } finally {
    await kysely.destroy();
  }
}

export { columnCount };
