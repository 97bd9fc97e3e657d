/**
 * What every command is given by `buildProgram`: the configuration read once at start-up
 * (src/server/config.ts; option defaults such as `--db` come from it) and the clock (`--as-of`
 * and `--now` defaults, times recorded by imports).
 */
import type { Clock } from '../db';
import type { Config } from '../server/config';

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
