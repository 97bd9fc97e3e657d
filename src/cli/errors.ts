import { DatabaseConfigError } from '../db';
import { AppError } from '../modules/errors';

/** Bad input ends a command with one clear line on stderr and exit status 1, never a stack trace. */
export class CliError extends Error {}

/** Runs a command action, turning expected failures into one line and exit 1. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
  expected: (error: unknown) => boolean = () => false,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      if (isDiskFull(error)) {
        process.stderr.write(
          'shixiao: the disk holding the database is full: the write was rolled back and nothing was saved; free some space and run the command again\n',
        );
        process.exitCode = 1;
        return;
      }
      if (error instanceof CliError || expected(error)) {
        process.stderr.write(`shixiao: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  };
}

/** SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100) or the system's ENOSPC. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC';
}

/** What a database command expects to fail with: a bad `--db` or a refusal of the service. */
export const databaseOrAppError = (e: unknown): boolean =>
  e instanceof DatabaseConfigError || e instanceof AppError;
