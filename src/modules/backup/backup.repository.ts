/**
 * The SQL of backup and restore: which tables exist and in what order they can be filled, a
 * snapshot to read them in, pages of rows, batched inserts, and PostgreSQL's sequences. Table
 * names come from the database's own catalogue, never from the archive unchecked.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db, DialectName } from '../../db';

/** Any table, by name: backup copies whatever the migrations created. */
type AnyDatabase = Record<string, Record<string, unknown>>;
export type Conn = Kysely<AnyDatabase>;

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** PostgreSQL serial columns, whose sequences a restore moves past the restored ids. */
  serial: string[];
}

const internal = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The database as a connection to tables known only by name. */
export const connOf = (db: Db): Conn => db.kysely as unknown as Conn;

/** Every table of the database, each after the tables it references (self-references aside). */
export async function listTables(conn: Conn, dialect: DialectName): Promise<TableInfo[]> {
  const found = (await conn.introspection.getTables()).filter(
    (t) => !t.isView && !internal.has(t.name) && (dialect === 'sqlite' || t.schema === 'public'),
  );
  const tables = await Promise.all(
    found.map(async (t) => ({
      name: t.name,
      columns: t.columns.map((c) => c.name),
      primaryKey: await primaryKeyOf(conn, dialect, t.name),
      serial: dialect === 'postgres' ? t.columns.filter((c) => c.isAutoIncrementing).map((c) => c.name) : [],
    })),
  );
  return fillOrder(tables, await foreignKeys(conn, dialect));
}

async function primaryKeyOf(conn: Conn, dialect: DialectName, table: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(conn)
      : await sql<{ name: string }>`SELECT a.attname AS name FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ${'public.' + table}::regclass AND i.indisprimary
          ORDER BY array_position(i.indkey, a.attnum)`.execute(conn);
  return rows.rows.map((r) => r.name);
}

async function foreignKeys(conn: Conn, dialect: DialectName): Promise<{ from: string; to: string }[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ from: string; to: string }>`SELECT m.name AS "from", f."table" AS "to"
          FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`.execute(conn)
      : await sql<{ from: string; to: string }>`SELECT src.relname AS "from", dst.relname AS "to"
          FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid
          JOIN pg_class dst ON dst.oid = c.confrelid JOIN pg_namespace n ON n.oid = src.relnamespace
          WHERE c.contype = 'f' AND n.nspname = 'public'`.execute(conn);
  return rows.rows;
}

/** Orders tables so each comes after those it references; ties by name, so the order is stable. */
function fillOrder(tables: TableInfo[], keys: { from: string; to: string }[]): TableInfo[] {
  const pending = new Map([...tables].sort((a, b) => a.name.localeCompare(b.name)).map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].find((t) =>
      keys.every((k) => k.from !== t.name || k.to === t.name || !pending.has(k.to)),
    );
    if (!ready) throw new Error(`tables reference each other in a cycle: ${[...pending.keys()].join(', ')}`);
    ordered.push(ready);
    pending.delete(ready.name);
  }
  return ordered;
}

/** The migrations applied to the database, oldest first (none on a database never migrated). */
export async function appliedMigrations(conn: Conn): Promise<string[]> {
  const tables = await conn.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await conn.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

/**
 * Runs `fn` on one consistent snapshot of the whole database, while other connections go on
 * writing: a read-only REPEATABLE READ transaction on PostgreSQL, a read transaction on SQLite
 * (WAL mode keeps its view fixed from the first read).
 */
export function inSnapshot<T>(db: Db, fn: (conn: Conn) => Promise<T>): Promise<T> {
  const builder = connOf(db).transaction();
  return db.dialect === 'postgres'
    ? builder.setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn)
    : builder.execute(fn);
}

/** Runs `fn` in one write transaction: a restore lands whole or not at all. */
export function inTransaction<T>(db: Db, fn: (conn: Transaction<AnyDatabase>) => Promise<T>): Promise<T> {
  return connOf(db)
    .transaction()
    .execute(async (trx) => {
      // Rows are inserted parents first; deferring the check to COMMIT also covers a row that
      // references a later row of its own table.
      if (db.dialect === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
      return fn(trx);
    });
}

/** The rows of a table in pages of `size`, in primary-key order (keyset paging). */
export async function* readRows(
  conn: Conn,
  table: TableInfo,
  columns: string[],
  size: number,
): AsyncGenerator<Record<string, unknown>[]> {
  const key = table.primaryKey;
  if (key.length === 0) {
    yield await conn.selectFrom(table.name).select(columns).execute();
    return;
  }
  let after: unknown[] | null = null;
  for (;;) {
    let query = conn
      .selectFrom(table.name)
      .select([...new Set([...columns, ...key])])
      .limit(size);
    for (const k of key) query = query.orderBy(k);
    if (after) {
      const last = after;
      query = query.where(({ eb }) =>
        key.length === 1
          ? eb(key[0], '>', last[0])
          : sql<boolean>`(${sql.join(key.map((k) => sql.ref(k)))}) > (${sql.join(last)})`,
      );
    }
    const page = await query.execute();
    if (page.length === 0) return;
    yield page;
    if (page.length < size) return;
    const lastRow = page[page.length - 1];
    after = key.map((k) => lastRow[k]);
  }
}

export async function countRows(conn: Conn, table: string): Promise<number> {
  const row = await conn
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts rows (column → value) in batches under both databases' limits on bound parameters. */
export async function insertRows(conn: Conn, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const batch = Math.max(1, Math.min(1000, Math.floor(30000 / width)));
  for (let i = 0; i < rows.length; i += batch) {
    await conn
      .insertInto(table)
      .values(rows.slice(i, i + batch))
      .execute();
  }
}

/** Moves each serial column's sequence past the largest restored value (PostgreSQL only). */
export async function resetSequences(conn: Conn, table: TableInfo): Promise<void> {
  for (const column of table.serial) {
    await sql`SELECT setval(pg_get_serial_sequence(${'public.' + table.name}, ${column}),
      COALESCE((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table.name)}), 0) + 1, false)`.execute(conn);
  }
}
