/**
 * Many new versions in ONE transaction (bulk import): rows are bound into multi-row INSERTs of
 * `batchSize` rows, whose statement is compiled once per row count and then only re-bound.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type Insertable, type Transaction } from 'kysely';
import { applySqlitePragmas, type Database, type Db, type Executor } from '../../db';
import { insertColumns, insertValues, type NewObservation } from './observations.insert';

const batchSize = 200;

/** Adds rows in batches; `flush` writes what is left (call it before the transaction ends). */
export interface BulkWriter {
  add(row: NewObservation): Promise<void>;
  flush(): Promise<void>;
}

type Run = (n: number, parameters: unknown[]) => Promise<void>;

/** Kysely builds the multi-row INSERT once per row count; only parameters change afterwards. */
function templates(q: Executor) {
  const cache = new Map<number, CompiledQuery>();
  return (n: number) => {
    let t = cache.get(n);
    if (!t) {
      const placeholder = Object.fromEntries(insertColumns.map((c) => [c, null])) as unknown as Insertable<
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

function writer(run: Run): BulkWriter {
  const params: unknown[] = [];
  return {
    async add(row) {
      const values = insertValues(row);
      for (const c of insertColumns) params.push(values[c]);
      if (params.length === batchSize * insertColumns.length) {
        await run(batchSize, params);
        params.length = 0;
      }
    },
    async flush() {
      // The remainder row by row: one more prepared statement, not one per possible length.
      for (let k = 0; k < params.length; k += insertColumns.length)
        await run(1, params.slice(k, k + insertColumns.length));
      params.length = 0;
    },
  };
}

/**
 * Runs `fn` in ONE transaction with a bulk writer. On SQLite a second better-sqlite3 handle on
 * the same file carries the transaction, so each multi-row statement is prepared once and run
 * many times (Kysely's driver prepares every query anew, which at a million rows costs more than
 * the inserts). On PostgreSQL the compiled statement is sent with new parameters each batch.
 */
export async function bulkTransaction<T>(
  db: Db,
  fn: (trx: Transaction<Database>, bulk: BulkWriter) => Promise<T>,
): Promise<T> {
  if (db.dialect !== 'sqlite' || db.label === ':memory:') {
    return db.kysely.transaction().execute((trx) => {
      const template = templates(trx);
      return fn(
        trx,
        writer(async (n, parameters) => void (await trx.executeQuery({ ...template(n), parameters }))),
      );
    });
  }
  const handle = applySqlitePragmas(new SQLite(db.label));
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  const template = templates(kysely);
  const statements = new Map<number, SQLite.Statement>();
  // A controlled transaction, not transaction().execute(): on SQLITE_FULL or an I/O error (at an
  // insert or at COMMIT) SQLite has already rolled back, and Kysely's own ROLLBACK would then fail
  // ("no transaction is active") and hide the cause, which is what the user must see.
  const trx = await kysely.startTransaction().execute();
  try {
    const result = await fn(
      trx,
      writer((n, parameters) => {
        let stmt = statements.get(n);
        if (!stmt) statements.set(n, (stmt = handle.prepare(template(n).sql)));
        stmt.run(parameters);
        return Promise.resolve();
      }),
    );
    await trx.commit().execute();
    return result;
  } catch (error) {
    if (handle.inTransaction) await trx.rollback().execute();
    throw error;
  } finally {
    await kysely.destroy();
  }
}
