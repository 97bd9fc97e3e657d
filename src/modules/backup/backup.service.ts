/**
 * `shixiao backup` and `restore`: everything in the database, to and from one portable archive
 * (backup.format.ts). A backup reads one snapshot while the server goes on writing; a restore
 * fills an empty database of either kind in one transaction and checks every table against the
 * archive's manifest before it commits.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { migrateTo, migrateToLatest, migrationNames, nowIso, type Clock, type Db } from '../../db';
import {
  archiveFormat,
  archiveVersion,
  decodeValue,
  rowLine,
  TableHash,
  type ArchiveHeader,
  type Encoded,
  type Manifest,
} from './backup.format';
import * as repo from './backup.repository';

/** A backup or restore that cannot go ahead (bad archive, non-empty target): one clear line. */
export class BackupError extends Error {}

export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
  manifest: Manifest;
}

/** Rows read per query; tests make it small to interleave pages with concurrent writes. */
export interface BackupOptions {
  pageSize?: number;
  /** Called after each page is written (tests use it to write between pages). */
  onPage?: () => Promise<void>;
  /** The clock of the archive's `created_at` (default the system's). */
  now?: Clock;
}

/** Writes the whole database to `file` (gzip'd JSON lines); the file appears only when complete. */
export async function backupDatabase(db: Db, file: string, opts: BackupOptions = {}): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const manifest = await repo.inSnapshot(db, async (conn) => {
      const tables = await repo.listTables(conn, db.dialect);
      const header: ArchiveHeader = {
        format: archiveFormat,
        version: archiveVersion,
        created_at: nowIso(opts.now),
        source: db.dialect,
        migrations: await repo.appliedMigrations(conn),
        tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
      };
      await write(JSON.stringify(header));
      const sums: Manifest = {};
      for (const table of tables) {
        await write(JSON.stringify({ table: table.name }));
        const hash = new TableHash();
        for await (const page of repo.readRows(conn, table, table.columns, opts.pageSize ?? 2000)) {
          for (const row of page) {
            const line = rowLine(table.columns, row);
            hash.add(line);
            await write(line);
          }
          await opts.onPage?.();
        }
        sums[table.name] = { rows: hash.rows, hash: hash.hex };
      }
      await write(JSON.stringify({ manifest: sums }));
      return sums;
    });
    gzip.end();
    await finished(out);
    renameSync(partial, file);
    const rows = Object.values(manifest).reduce((n, t) => n + t.rows, 0);
    return { tables: Object.keys(manifest).length, rows, bytes: statSync(file).size, manifest };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The lines of a gzip'd archive, numbered; a damaged file is a BackupError naming the line. */
async function* archiveLines(file: string): AsyncGenerator<{ n: number; value: unknown }> {
  let n = 0;
  try {
    statSync(file);
  } catch {
    throw new BackupError(`${file}: no such file`);
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      n++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new BackupError(`${file}: line ${n}: not a JSON line of a Shixiao backup`);
      }
      yield { n, value };
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file}: line ${n + 1}: damaged archive (${(error as Error).message})`);
  }
}

function readHeader(file: string, value: unknown): ArchiveHeader {
  const h = value as Partial<ArchiveHeader> | null;
  if (h?.format !== archiveFormat) throw new BackupError(`${file}: not a Shixiao backup`);
  if (h.version !== archiveVersion)
    throw new BackupError(
      `${file}: archive version ${String(h.version)}, this Shixiao reads ${archiveVersion}`,
    );
  const known = migrationNames();
  const unknown = (h.migrations ?? []).find((m) => !known.includes(m));
  if (unknown)
    throw new BackupError(`${file}: made by a newer Shixiao (migration ${unknown} is unknown here)`);
  return h as ArchiveHeader;
}

/**
 * The migration the target is brought to before the rows go in: the archive's newest. Branches
 * land migrations out of number order, so this may also apply an older one the source lacked (a
 * table or column that stays empty), never a newer one.
 */
const schemaOf = (header: ArchiveHeader): string | undefined => [...header.migrations].sort().at(-1);

export interface RestoreSummary {
  tables: number;
  rows: number;
}

/** Fills an empty database from `file`; refuses a database holding any row. */
export async function restoreDatabase(
  db: Db,
  file: string,
  opts: { batch?: number } = {},
): Promise<RestoreSummary> {
  const lines = archiveLines(file);
  const first = await lines.next();
  if (first.done) throw new BackupError(`${file}: empty archive`);
  const header = readHeader(file, first.value.value);
  await refuseUnlessEmpty(db, header);
  const schema = schemaOf(header);
  if (schema) await migrateTo(db, schema);

  const tables = new Map((await repo.listTables(repo.connOf(db), db.dialect)).map((t) => [t.name, t]));
  for (const t of header.tables) {
    const target = tables.get(t.name);
    const missing = t.columns.filter((c) => !target?.columns.includes(c));
    if (!target || missing.length > 0)
      throw new BackupError(
        `${file}: table ${t.name} (${missing.join(', ') || 'all'}) does not exist in this schema`,
      );
  }
  const summary = await repo.inTransaction(db, async (conn) => {
    const hashes = new Map<string, TableHash>();
    let current: { name: string; columns: string[]; hash: TableHash } | null = null;
    let pending: Record<string, unknown>[] = [];
    const flush = async () => {
      if (current && pending.length > 0) await repo.insertRows(conn, current.name, pending);
      pending = [];
    };
    let manifest: Manifest | null = null;
    for await (const { n, value } of lines) {
      if (manifest) throw new BackupError(`${file}: line ${n}: data after the manifest`);
      if (Array.isArray(value)) {
        if (!current) throw new BackupError(`${file}: line ${n}: a row before any table`);
        if (value.length !== current.columns.length)
          throw new BackupError(
            `${file}: line ${n}: ${current.name} row has ${value.length} values, not ${current.columns.length}`,
          );
        current.hash.add(JSON.stringify(value));
        const cols = current.columns;
        pending.push(Object.fromEntries(cols.map((c, i) => [c, decodeValue(value[i] as Encoded)])));
        if (pending.length >= (opts.batch ?? 1000)) await flush();
        continue;
      }
      const record = value as { table?: string; manifest?: Manifest };
      if (typeof record.table === 'string') {
        await flush();
        const t = header.tables.find((x) => x.name === record.table);
        if (!t || hashes.has(t.name))
          throw new BackupError(`${file}: line ${n}: unexpected table ${record.table}`);
        current = { name: t.name, columns: t.columns, hash: new TableHash() };
        hashes.set(t.name, current.hash);
      } else if (record.manifest && typeof record.manifest === 'object') {
        await flush();
        manifest = record.manifest;
      } else throw new BackupError(`${file}: line ${n}: not a line of a Shixiao backup`);
    }
    if (!manifest) throw new BackupError(`${file}: incomplete archive (no manifest at the end)`);
    await verify(file, conn, header, manifest, hashes, tables);
    if (db.dialect === 'postgres')
      for (const t of header.tables) await repo.resetSequences(conn, tables.get(t.name)!);
    return {
      tables: header.tables.length,
      rows: Object.values(manifest).reduce((sum, t) => sum + t.rows, 0),
    };
  });
  await migrateToLatest(db);
  return summary;
}

/**
 * The archive must agree with its manifest (nothing lost or changed in the file), and the
 * database, read back inside the restore's transaction, must agree too (nothing changed on the
 * way in: a value one database cannot hold exactly would show here).
 */
async function verify(
  file: string,
  conn: repo.Conn,
  header: ArchiveHeader,
  manifest: Manifest,
  read: Map<string, TableHash>,
  tables: Map<string, repo.TableInfo>,
): Promise<void> {
  for (const t of header.tables) {
    const expected = manifest[t.name];
    const got = read.get(t.name) ?? new TableHash();
    if (!expected || expected.rows !== got.rows || expected.hash !== got.hex)
      throw new BackupError(
        `${file}: table ${t.name}: the archive holds ${got.rows} rows that do not match its manifest (${expected?.rows ?? 'no'} rows, hash ${expected?.hash.slice(0, 12) ?? '-'})`,
      );
    const restored = new TableHash();
    for await (const page of repo.readRows(conn, tables.get(t.name)!, t.columns, 2000))
      for (const row of page) restored.add(rowLine(t.columns, row));
    if (restored.rows !== expected.rows || restored.hex !== expected.hash)
      throw new BackupError(
        `${file}: table ${t.name}: restored ${restored.rows} rows differ from the manifest (${expected.rows} rows); nothing was restored`,
      );
  }
}

/** A restore goes only into a database without rows (tables made by migrations are fine). */
async function refuseUnlessEmpty(db: Db, header: ArchiveHeader): Promise<void> {
  const conn = repo.connOf(db);
  for (const table of await repo.listTables(conn, db.dialect)) {
    const rows = await repo.countRows(conn, table.name);
    if (rows > 0)
      throw new BackupError(
        `--db ${db.label}: not empty (${table.name} has ${rows} row${rows === 1 ? '' : 's'}); restore only into an empty database`,
      );
  }
  const schema = schemaOf(header) ?? '';
  const newer = (await repo.appliedMigrations(conn)).find((m) => m > schema);
  if (newer)
    throw new BackupError(
      `--db ${db.label}: its schema (${newer}) is newer than the archive's (${schema || 'none'}); restore into a database without tables`,
    );
}
