/**
 * Many new versions in ONE transaction (bulk import). On SQLite rows are bound into multi-row
 * INSERTs of `sqliteBatch` rows, prepared once and then only re-bound. On PostgreSQL a chunk of
 * `postgresBatch` rows travels as one array per column in ONE statement (INSERT … SELECT FROM
 * unnest(…)): one parse and one round trip per chunk instead of per 200 rows, no COPY package.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CompiledQuery, type Insertable, type Transaction } from 'kysely';
import { applySqlitePragmas, type Database, type Db, type Executor } from '../../db';
import { insertColumns, pushValues, type NewObservation } from './observations.insert';

/** 500 rows × 20 columns = 10,000 parameters, under SQLite's 32,766. */
const sqliteBatch = 500;
/** Rows per unnest() statement: a few MB of arrays, a handful of statements per 100,000 rows. */
const postgresBatch = 5_000;

/** Adds rows in batches; `flush` writes what is left (call it before the transaction ends). */
export interface BulkWriter {
  add(row: NewObservation): Promise<void>;
  flush(): Promise<void>;
}

const width = insertColumns.length;

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

/** Row-major parameters, written `batch` rows at a time; the remainder row by row. */
function rowWriter(batch: number, run: (n: number, parameters: unknown[]) => Promise<void>): BulkWriter {
  let params: unknown[] = [];
  return {
    async add(row) {
      pushValues(params, row);
      if (params.length === batch * width) {
        await run(batch, params);
        // A fresh array: the old one (and the strings it holds) can be collected at once.
        params = [];
      }
    },
    async flush() {
      // One more prepared statement for the remainder, not one per possible length.
      for (let k = 0; k < params.length; k += width) await run(1, params.slice(k, k + width));
      params = [];
    },
  };
}

/**
 * PostgreSQL: the columns' declared types are read from the catalogue, so the statement follows
 * the table (a migration adding a column changes insertColumns and nothing here).
 */
async function unnestWriter(trx: Transaction<Database>): Promise<BulkWriter> {
  const types = new Map(
    (
      await sql<{ name: string; type: string }>`
        select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = 'observations'::regclass and attnum > 0 and not attisdropped`.execute(trx)
    ).rows.map((r) => [r.name, r.type]),
  );
  const typeOf = insertColumns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`observations.${c}: no such column`);
    // A type name from the catalogue above, never from input.
    return sql.raw(type);
  });
  const into = sql.join(insertColumns.map((c) => sql.ref(c)));
  let columns: unknown[][] = insertColumns.map(() => []);
  let count = 0;
  const row: unknown[] = [];
  const write = async () => {
    if (count === 0) return;
    const arrays = sql.join(columns.map((values, c) => sql`${values}::${typeOf[c]}[]`));
    columns = insertColumns.map(() => []);
    count = 0;
    await sql`insert into observations (${into}) select * from unnest(${arrays})`.execute(trx);
  };
  return {
    async add(r) {
      row.length = 0;
      pushValues(row, r);
      for (let c = 0; c < width; c++) columns[c]?.push(row[c]);
      if (++count === postgresBatch) await write();
    },
    flush: write,
  };
}

/**
 * Runs `fn` in ONE transaction with a bulk writer. On SQLite a second better-sqlite3 handle on
 * the same file carries the transaction, so each multi-row statement is prepared once and run
 * many times (Kysely's driver prepares every query anew, which at a million rows costs more than
 * the inserts).
 */
export async function bulkTransaction<T>(
  db: Db,
  fn: (trx: Transaction<Database>, bulk: BulkWriter) => Promise<T>,
): Promise<T> {
  if (db.dialect === 'postgres')
    return db.kysely.transaction().execute(async (trx) => fn(trx, await unnestWriter(trx)));
  if (db.label === ':memory:') {
    return db.kysely.transaction().execute((trx) => {
      const template = templates(trx);
      return fn(
        trx,
        rowWriter(
          sqliteBatch,
          async (n, parameters) => void (await trx.executeQuery({ ...template(n), parameters })),
        ),
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
      rowWriter(sqliteBatch, (n, parameters) => {
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
