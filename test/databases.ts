/**
 * Runs a suite on both real databases: a fresh SQLite file and a fresh PostgreSQL database that
 * the test creates and drops. Set SHIXIAO_TEST_PG to point at another server (default: the local
 * one with trust auth).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db, type DialectName } from '../src/db';

export const pgAdminUrl = process.env.SHIXIAO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** The `--db` value: a file path or a postgres URL. */
  location: string;
  dialect: DialectName;
  drop(): Promise<void>;
}

/** Creates an empty database of the given dialect. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-test-'));
    return {
      location: join(dir, 'test.db'),
      dialect,
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `shixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    dialect,
    drop: async () => {
      const client = new pg.Client({ connectionString: pgAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const dialects: DialectName[] = ['sqlite', 'postgres'];

/**
 * Declares `suite` once per dialect with a migrated database opened before and dropped after.
 * `ctx.db` is set when the suite's tests run.
 */
export function describeEachDatabase(
  name: string,
  suite: (ctx: { db: Db; location: string; dialect: DialectName }) => void,
): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      const ctx = { dialect } as { db: Db; location: string; dialect: DialectName };
      let test: TestDatabase;
      before(async () => {
        test = await createTestDatabase(dialect);
        ctx.location = test.location;
        ctx.db = await openDatabase(test.location);
        await migrateToLatest(ctx.db);
      });
      after(async () => {
        await ctx.db?.close();
        await test?.drop();
      });
      suite(ctx);
    });
  }
}
