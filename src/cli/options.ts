/**
 * What every command is given by `buildProgram`: the configuration read once at start-up
 * (src/server/config.ts; option defaults such as `--db` come from it) and the clock (`--as-of`
 * and `--now` defaults, times recorded by imports).
 */
import { type Command, Option } from 'commander';
import type { Clock } from '../db';
import type { Config } from '../server/config';
import { CliError } from './errors';

export interface CliContext {
  config: Config;
  now: Clock;
}

/** The day of `now` in UTC as YYYY-MM-DD: the default of `--as-of`. */
export const todayOf = (now: Clock): string => now().toISOString().slice(0, 10);

/** Parses a TCP port or throws a message naming the option. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${value}: not a port number`);
  return port;
}

/** `--db`, defaulting to the configured database: every command that opens one. */
export const dbOption = (cli: CliContext): Option =>
  new Option('--db <pathOrUrl>', 'SQLite file path or postgres:// URL').default(cli.config.db);

/** `--tenant`, defaulting to the configured tenant. */
export const tenantOption = (cli: CliContext, description = 'tenant (district)'): Option =>
  new Option('--tenant <slug>', description).default(cli.config.tenant);

/**
 * A subcommand that works on one database: `--db`, then `--tenant` unless `tenant` is false
 * (a string describes it). Further options follow these two in the help.
 */
export function databaseCommand(
  parent: Command,
  cli: CliContext,
  usage: string,
  description: string,
  tenant: string | false = 'tenant (district)',
): Command {
  const command = parent.command(usage).description(description).addOption(dbOption(cli));
  return tenant === false ? command : command.addOption(tenantOption(cli, tenant));
}

/** Checks an optional `--as-of` day's form (YYYY-MM-DD). */
export function checkAsOfOption(asOf: string | undefined): void {
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new CliError(`--as-of ${asOf}: use YYYY-MM-DD`);
}
