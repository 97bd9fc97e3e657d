/**
 * PostgreSQL clusters of a test's own (for the read replica test): a primary made with initdb in a
 * temporary directory on a free port, and a streaming standby of it made with `pg_basebackup -R`.
 * The binaries of PostgreSQL 15 (Debian's postgresql-15) run as the `postgres` OS user when the
 * test runs as root, as PostgreSQL refuses to run as root. Each cluster is stopped and its
 * directory removed by `destroy()`.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const pgBin = process.env.SHIXIAO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program (as `postgres` when we are root); rejects with its output on failure. */
async function pgRun(program: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const file = join(pgBin, program);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout, stderr } = await run(cmd, argv, { timeout: timeoutMs, encoding: 'utf8' });
    return stdout + stderr;
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface PgCluster {
  port: number;
  dir: string;
  /** A URL of the cluster's database `name` (user postgres, trust). */
  url(name?: string): string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: connections are ended, the cluster shuts down cleanly. */
  stop(): Promise<void>;
  /** Stops the cluster if it runs and removes its directory. */
  destroy(): Promise<void>;
}

function cluster(dir: string, port: number): PgCluster {
  const data = join(dir, 'data');
  let running = false;
  return {
    port,
    dir,
    url: (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`,
    async start() {
      await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', 'start']);
      running = true;
    },
    async stop() {
      await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']);
      running = false;
    },
    async destroy() {
      try {
        if (running || existsSync(join(data, 'postmaster.pid')))
          await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } catch {
        // Already stopped: nothing to do but remove the files.
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A temporary directory the cluster's user owns. */
function ownDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) {
    const [, , uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':');
    chownSync(dir, Number(uid), Number(gid));
  }
  return dir;
}

/** A new primary: wal_level=replica, replication allowed from 127.0.0.1 with trust; started. */
export async function startPrimary(): Promise<PgCluster> {
  const dir = ownDir('shixiao-pg-primary-');
  const port = await freePort();
  const data = join(dir, 'data');
  const c = cluster(dir, port);
  try {
    await pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'hot_standby = on',
        'max_connections = 60',
        'shared_buffers = 16MB',
        // A test cluster: durability of its files on power loss does not matter, speed does.
        'fsync = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    appendFileSync(
      join(data, 'pg_hba.conf'),
      'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    await c.start();
    return c;
  } catch (error) {
    await c.destroy();
    throw error;
  }
}

/** A streaming standby of `primary` (`pg_basebackup -R`: it connects back and replays); started. */
export async function startReplica(primary: PgCluster): Promise<PgCluster> {
  const dir = ownDir('shixiao-pg-replica-');
  const port = await freePort();
  const data = join(dir, 'data');
  const c = cluster(dir, port);
  try {
    await pgRun('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // The copied configuration names the primary's port and socket directory: this one's win.
    appendFileSync(join(data, 'postgresql.conf'), `port = ${port}\nunix_socket_directories = '${dir}'\n`);
    await c.start();
    return c;
  } catch (error) {
    await c.destroy();
    throw error;
  }
}
