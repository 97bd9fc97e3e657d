/**
 * Many new versions in ONE transaction (bulk import). What every row shares (tenant, status,
 * recorder, time, defaults) is bound once per statement; each row binds only its own columns.
 * On SQLite rows go into multi-row INSERTs of `sqliteBatch` rows, prepared once and then only
 * re-bound. On PostgreSQL a chunk of `postgresBatch` rows travels as one array per column in ONE
 * statement (INSERT … SELECT FROM unnest(…)): one parse and one round trip per chunk, no COPY
 * package.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CompiledQuery, type Transaction } from 'kysely';
import { applySqlitePragmas, type Database, type Db, type Executor } from '../../db';
import {
  bulkRowColumns,
  bulkSharedValues,
  pushBulkRow,
  type BulkRow,
  type BulkShared,
} from './observations.insert';

/** 500 rows × 10 columns = 5,000 parameters, under SQLite's 32,766. */
const sqliteBatch = 500;
/** Rows per unnest() statement: a few MB of arrays, a handful of statements per 100,000 rows. */
const postgresBatch = 5_000;

/**
 * Adds rows in batches; `flush` writes what is left (call it before the transaction ends). `add`
 * returns a promise only when it started a write that must be awaited.
 */
export interface BulkWriter {
  add(row: BulkRow): Promise<void> | undefined;
  flush(): Promise<void>;
}

const width = bulkRowColumns.length;

/**
 * SQLite: `INSERT … SELECT <shared>, v.* FROM (VALUES (…), …)`, built once per row count; the
 * shared values are the first parameters, then each row's.
 */
function templates(q: Executor, shared: readonly string[]) {
  const cache = new Map<number, CompiledQuery>();
  const into = sql.join([...shared, ...bulkRowColumns].map((c) => sql.ref(c)));
  const sharedParams = sql.join(shared.map(() => sql`?`));
  const fromValues = sql.join(bulkRowColumns.map((_, i) => sql.ref(`v.column${i + 1}`)));
  const row = sql`(${sql.join(bulkRowColumns.map(() => sql`?`))})`;
  return (n: number) => {
    let t = cache.get(n);
    if (!t) {
      const rows = sql.join(Array.from({ length: n }, () => row));
      t =
        sql`insert into observations (${into}) select ${sharedParams}, ${fromValues} from (values ${rows}) as v`.compile(
          q,
        );
      cache.set(n, t);
    }
    return t;
  };
}

/** Row-major parameters after the shared ones, written `batch` rows at a time; the rest row by row. */
function rowWriter(
  batch: number,
  sharedValues: readonly unknown[],
  run: (n: number, parameters: unknown[]) => Promise<void> | undefined,
): BulkWriter {
  const full = sharedValues.length + batch * width;
  let params: unknown[] = [...sharedValues];
  return {
    add(row) {
      pushBulkRow(params, row);
      if (params.length < full) return undefined;
      const written = run(batch, params);
      // A fresh array: the old one (and the strings it holds) can be collected at once.
      params = [...sharedValues];
      return written;
    },
    async flush() {
      // One more prepared statement for the remainder, not one per possible length.
      for (let k = sharedValues.length; k < params.length; k += width)
        await run(1, [...sharedValues, ...params.slice(k, k + width)]);
      params = [...sharedValues];
    },
  };
}

/**
 * PostgreSQL: the columns' declared types are read from the catalogue, so the statement follows
 * the table (a migration adding a column changes the column lists and nothing here).
 */
async function unnestWriter(trx: Transaction<Database>, shared: BulkShared): Promise<BulkWriter> {
  const types = new Map(
    (
      await sql<{ name: string; type: string }>`
        select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = 'observations'::regclass and attnum > 0 and not attisdropped`.execute(trx)
    ).rows.map((r) => [r.name, r.type]),
  );
  const typeOf = (c: string) => {
    const type = types.get(c);
    if (!type) throw new Error(`observations.${c}: no such column`);
    // A type name from the catalogue above, never from input.
    return sql.raw(type);
  };
  const common = bulkSharedValues(shared);
  const into = sql.join([...common.columns, ...bulkRowColumns].map((c) => sql.ref(c)));
  const constants = sql.join(common.columns.map((c, i) => sql`${common.values[i]}::${typeOf(c)}`));
  let columns: unknown[][] = bulkRowColumns.map(() => []);
  let count = 0;
  const row: unknown[] = [];
  const write = async () => {
    if (count === 0) return;
    const arrays = sql.join(columns.map((values, c) => sql`${values}::${typeOf(bulkRowColumns[c] ?? '')}[]`));
    columns = bulkRowColumns.map(() => []);
    count = 0;
    await sql`insert into observations (${into}) select ${constants}, u.* from unnest(${arrays}) as u`.execute(
      trx,
    );
  };
  return {
    add(r) {
      row.length = 0;
      pushBulkRow(row, r);
      for (let c = 0; c < width; c++) columns[c]?.push(row[c]);
      return ++count === postgresBatch ? write() : undefined;
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
  shared: BulkShared,
  fn: (trx: Transaction<Database>, bulk: BulkWriter) => Promise<T>,
): Promise<T> {
  if (db.dialect === 'postgres')
    return db.kysely.transaction().execute(async (trx) => fn(trx, await unnestWriter(trx, shared)));
  const common = bulkSharedValues(shared);
  if (db.label === ':memory:') {
    return db.kysely.transaction().execute((trx) => {
      const template = templates(trx, common.columns);
      return fn(
        trx,
        rowWriter(
          sqliteBatch,
          common.values,
          async (n, parameters) => void (await trx.executeQuery({ ...template(n), parameters })),
        ),
      );
    });
  }
  const handle = applySqlitePragmas(new SQLite(db.label));
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  const template = templates(kysely, common.columns);
  const statements = new Map<number, SQLite.Statement>();
  // A controlled transaction, not transaction().execute(): on SQLITE_FULL or an I/O error (at an
  // insert or at COMMIT) SQLite has already rolled back, and Kysely's own ROLLBACK would then fail
  // ("no transaction is active") and hide the cause, which is what the user must see.
  const trx = await kysely.startTransaction().execute();
  try {
    const result = await fn(
      trx,
      rowWriter(sqliteBatch, common.values, (n, parameters) => {
        let stmt = statements.get(n);
        if (!stmt) statements.set(n, (stmt = handle.prepare(template(n).sql)));
        stmt.run(parameters);
        return undefined;
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
