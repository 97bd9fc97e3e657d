/**
 * Runs the migrations on start, on both dialects. Migrations are code (not files found at run
 * time) so the list is fixed at build time and cannot drift between servers.
 */
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import type { Db, DialectName } from './connection';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-evidence';
import * as m0003 from './migrations/0003-hardening';
import * as m0004 from './migrations/0004-jobs-notify';
import * as m0005 from './migrations/0005-tasks';
import * as m0006 from './migrations/0006-publishing';
import * as m0008 from './migrations/0008-city';
import * as m0011 from './migrations/0011-scorecards';
import * as m0012 from './migrations/0012-reporting';
import * as m0010 from './migrations/0010-bulletins';
import * as m0016 from './migrations/0016-portal-speed';
import * as m0018 from './migrations/0018-upload-previews';
import * as m0019 from './migrations/0019-stored-statuses';
import * as m0020 from './migrations/0020-city-adoption';

type Step = { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> };
const steps: Record<string, Step> = {
  '0001-initial': m0001,
  '0002-evidence': m0002,
  '0003-hardening': m0003,
  '0004-jobs-notify': m0004,
  '0005-tasks': m0005,
  '0006-publishing': m0006,
  '0008-city': m0008,
  '0011-scorecards': m0011,
  '0012-reporting': m0012,
  '0010-bulletins': m0010,
  '0016-portal-speed': m0016,
  '0018-upload-previews': m0018,
  '0019-stored-statuses': m0019,
  '0020-city-adoption': m0020,
};

function provider(dialect: DialectName): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          Object.entries(steps).map(([name, step]): [string, Migration] => [
            name,
            { up: (db) => step.up(db, dialect) },
          ]),
        ),
      ),
  };
}

/** The names of every migration this code knows, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(steps);
}

/** Brings the schema up to date; returns the name of the newest migration applied. */
export async function migrateToLatest(db: Db): Promise<string> {
  await migrate(db, (migrator) => migrator.migrateToLatest());
  return Object.keys(steps).at(-1) ?? '';
}

/** Brings the schema up to the named migration: a restore loads an archive made there, then migrates on. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  await migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(db: Db, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<void> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: provider(db.dialect),
    // Branches land migrations out of number order; each runs once whatever the order.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message}`);
  }
}
