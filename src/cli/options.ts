/** Options shared by commands, with their SHIXIAO_* environment defaults. */
export const defaultDb = process.env.SHIXIAO_DB ?? './data/shixiao.db';
/** A streaming replica of a PostgreSQL `--db` for reads (none by default). */
export const defaultReplicaDb = process.env.SHIXIAO_REPLICA_DB || undefined;
export const defaultTenant = process.env.SHIXIAO_TENANT ?? 'yuzhong';

/** Parses a TCP port or throws a message naming the option. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${value}: not a port number`);
  return port;
}
