/**
 * The backup archive: gzip'd JSON lines, readable with `zcat FILE | head`.
 *
 *   {"format":"shixiao-backup","version":1,…,"tables":[{"name":"tenants","columns":["id",…]},…]}
 *   {"table":"tenants"}           then one JSON array per row, in the header's column order
 *   [1,"yuzhong","渝中区",…]
 *   …
 *   {"manifest":{"tenants":{"rows":1,"hash":"…"},…}}
 *
 * Values are written the same way whichever database they came from (a blob as {"$b64": …}, a
 * boolean as 1/0, a date as its ISO string), so a table's content hash is the same on SQLite and
 * PostgreSQL. The hash is the sum modulo 2^256 of the SHA-256 of every row's JSON: independent of
 * row order, which differs between the databases for text keys.
 */
import { createHash } from 'node:crypto';

export const archiveFormat = 'shixiao-backup';
export const archiveVersion = 1;

export type Encoded = null | number | string | { $b64: string } | { $num: string } | { $int: string };

export interface ArchiveTable {
  name: string;
  columns: string[];
}

export interface ArchiveHeader {
  format: typeof archiveFormat;
  version: typeof archiveVersion;
  created_at: string;
  /** The database the archive was taken from. */
  source: 'sqlite' | 'postgres';
  /** Migrations applied to the source, oldest first: the schema version of the rows. */
  migrations: string[];
  /** In insert order: a table comes after every table it references. */
  tables: ArchiveTable[];
}

export type Manifest = Record<string, { rows: number; hash: string }>;

/** One value as the archive writes it. */
export function encodeValue(value: unknown): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $num: String(value) };
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return { $int: value.toString() };
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** One archived value as the database takes it back. */
export function decodeValue(value: Encoded): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('$b64' in value) return Buffer.from(value.$b64, 'base64');
  if ('$num' in value) return Number(value.$num);
  return BigInt(value.$int);
}

const modulus = 1n << 256n;

/** The order-independent content hash of a table's rows (see the file comment). */
export class TableHash {
  private sum = 0n;
  rows = 0;

  add(line: string): void {
    this.sum = (this.sum + BigInt('0x' + createHash('sha256').update(line).digest('hex'))) % modulus;
    this.rows++;
  }

  get hex(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/** The JSON line of one row (without its newline): what is written, and what is hashed. */
export function rowLine(columns: readonly string[], row: Record<string, unknown>): string {
  return JSON.stringify(columns.map((c) => encodeValue(row[c])));
}
