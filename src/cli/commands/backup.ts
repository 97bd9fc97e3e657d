/** `shixiao backup FILE` and `shixiao restore FILE` (CONTRACT.md): the whole database, portable. */
import type { Command } from 'commander';
import { DatabaseConfigError, migrateToLatest, openDatabase, type Db } from '../../db';
import { backupDatabase, BackupError, restoreDatabase } from '../../modules/backup';
import { action } from '../errors';
import { type CliContext, dbOption } from '../options';

const expected = (e: unknown) => e instanceof BackupError || e instanceof DatabaseConfigError;

async function withOpen<T>(location: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(location);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function registerBackupCommands(program: Command, cli: CliContext): void {
  program
    .command('backup <file>')
    .description(
      'write a consistent copy of the whole database to FILE (gzip JSON lines), while the server runs',
    )
    .addOption(dbOption(cli))
    .action(
      action(async (file: string, opts: { db: string }) => {
        const summary = await withOpen(opts.db, async (db) => {
          await migrateToLatest(db);
          return backupDatabase(db, file, { now: cli.now });
        });
        process.stdout.write(
          `${file}: ${summary.rows} rows of ${summary.tables} tables, ${summary.bytes} bytes, with their manifest\n`,
        );
      }, expected),
    );

  program
    .command('restore <file>')
    .description(
      'fill an empty database (SQLite or PostgreSQL) from a backup FILE, checked against its manifest',
    )
    .addOption(dbOption(cli))
    .action(
      action(async (file: string, opts: { db: string }) => {
        await withOpen(opts.db, async (db) => {
          const summary = await restoreDatabase(db, file);
          process.stdout.write(
            `${file}: restored ${summary.rows} rows of ${summary.tables} tables into ${db.label}; every table matches the manifest\n`,
          );
        });
      }, expected),
    );
}
