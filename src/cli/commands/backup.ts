/** `shixiao backup FILE` and `shixiao restore FILE` (CONTRACT.md): the whole database, portable. */
import type { Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { backupDatabase, BackupError, restoreDatabase } from '../../modules/backup';
import { action } from '../errors';
import { withDatabase } from './plan-files';
import { type CliContext, databaseCommand } from '../options';

const expected = (e: unknown) => e instanceof BackupError || e instanceof DatabaseConfigError;

export function registerBackupCommands(program: Command, cli: CliContext): void {
  databaseCommand(
    program,
    cli,
    'backup <file>',
    'write a consistent copy of the whole database to FILE (gzip JSON lines), while the server runs',
    false,
  ).action(
    action(async (file: string, opts: { db: string }) => {
      const summary = await withDatabase(opts.db, (db) => backupDatabase(db, file, { now: cli.now }));
      process.stdout.write(
        `${file}: ${summary.rows} rows of ${summary.tables} tables, ${summary.bytes} bytes, with their manifest\n`,
      );
    }, expected),
  );

  databaseCommand(
    program,
    cli,
    'restore <file>',
    'fill an empty database (SQLite or PostgreSQL) from a backup FILE, checked against its manifest',
    false,
  ).action(
    action(async (file: string, opts: { db: string }) => {
      // An empty database to fill: restore creates the schema of the backup itself.
      await withDatabase(
        opts.db,
        async (db) => {
          const summary = await restoreDatabase(db, file);
          process.stdout.write(
            `${file}: restored ${summary.rows} rows of ${summary.tables} tables into ${db.label}; every table matches the manifest\n`,
          );
        },
        false,
      );
    }, expected),
  );
}
