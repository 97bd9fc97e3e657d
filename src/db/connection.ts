/**
 * Opens the database named by `--db`: a SQLite file path (embedded, the default) or a
 * `postgres://` URL. Both give the same Kysely<Database>, so every query has one code path.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './types';

export type DialectName = 'sqlite' | 'postgres';

/** What a query runs on: the database or an open transaction (repositories take either). */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** What was opened, without any password: a file path or `postgres://host/db`. */
  label: string;
  close(): Promise<void>;
}

export class DatabaseConfigError extends Error {}

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is opened: a SQLite command (an import,
 * a status) does not pay for loading it at start.
 */
export async function loadPg(): Promise<typeof import('pg').default> {
  const { default: pg } = await import('pg');
  // pg returns int8 (COUNT, SUM of integers) as strings; our counts fit in a double.
  pg.types.setTypeParser(20, Number);
  return pg;
}

/** Which dialect a `--db` value names; an unknown URL scheme is a configuration error. */
export function dialectOf(location: string): DialectName {
  if (/^postgres(ql)?:\/\//i.test(location)) return 'postgres';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location);
  if (scheme) {
    throw new DatabaseConfigError(
      `--db ${scheme[1]}://…: unknown database scheme '${scheme[1]}' (use a SQLite file path or postgres://…)`,
    );
  }
  return 'sqlite';
}

/** Opens (and for SQLite creates) the database; throws DatabaseConfigError with one clear line. */
/** How a connection waits for locks. */
export interface OpenOptions {
  /**
   * PostgreSQL: a statement that waits longer than this for a lock fails (55P03) instead of
   * waiting for ever; the server answers 503 with Retry-After. SQLite waits 5 s (busy_timeout).
   */
  lockTimeoutMs?: number;
}

export async function openDatabase(location: string, opts: OpenOptions = {}): Promise<Db> {
  const dialect = dialectOf(location);
  if (dialect === 'postgres') return openPostgres(location, opts);
  return openSqlite(location);
}

/**
 * The per-connection settings of every SQLite handle (the server's and a bulk import's second
 * one): FULL makes an acknowledged write survive power loss; foreign keys; wait for a writer.
 */
export function applySqlitePragmas(handle: SQLite.Database): SQLite.Database {
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  return handle;
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let handle: SQLite.Database;
  try {
    handle = new SQLite(path);
  } catch (error) {
    throw new DatabaseConfigError(`--db ${path}: cannot open SQLite file: ${(error as Error).message}`);
  }
  // WAL lets readers run during writes (a property of the file, kept by later connections).
  handle.pragma('journal_mode = WAL');
  applySqlitePragmas(handle);
  const check = handle.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw new DatabaseConfigError(`--db ${path}: integrity check failed: ${check}`);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    kysely,
    dialect: 'sqlite',
    label: path,
    close: () => kysely.destroy(),
  };
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Db> {
  const parsed = new URL(url);
  const label = `postgres://${parsed.host}${parsed.pathname}`;
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(opts.lockTimeoutMs ? { lock_timeout: opts.lockTimeoutMs } : {}),
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(kysely);
  } catch (error) {
    await kysely.destroy();
    throw new DatabaseConfigError(`--db ${label}: cannot connect to PostgreSQL: ${(error as Error).message}`);
  }
  return { kysely, dialect: 'postgres', label, close: () => kysely.destroy() };
}
