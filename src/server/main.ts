/**
 * Starts the HTTP server with graceful shutdown: on SIGTERM/SIGINT stop accepting, finish what
 * is in flight, close the database, exit.
 */
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { fileURLToPath } from 'node:url';
import { openReadReplica, systemClock, type Clock, type ReadReplica } from '../db';
import { channelsFromConfig, startJobLoop } from '../jobs';
import type { OidcConfig } from '../modules/auth/oidc';
import type { ServerSettings } from '../modules/http';
import type { NotifyConfig } from '../modules/notify';
import { createApp } from './app';
import { prepareDatabase } from './bootstrap';
import { defaultConfig, type LogLevel } from './config';
import { loadStaticFiles } from './static';

export const webDist = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  adminPassword?: string;
  /** Default `info` (SHIXIAO_LOG_LEVEL for `serve`). */
  logLevel?: LogLevel;
  /** The clock (tests move it to cross session timeouts). */
  now?: Clock;
  /**
   * Run the scheduled jobs every so many ms in this process (SHIXIAO_JOBS_INTERVAL for `serve`);
   * 0 or absent: no loop (tests drive `jobs run` themselves).
   */
  jobsIntervalMs?: number;
  /** SMTP and public address; default: no e-mail (`serve` passes the configuration's). */
  notify?: NotifyConfig;
  /** Single sign-on; absent: off. */
  oidc?: OidcConfig;
  /** Cookies behind a proxy, Chromium for PDF; default: the configuration's defaults. */
  settings?: ServerSettings;
  /** A streaming replica of the PostgreSQL `db` for reads (`--replica-db`, SHIXIAO_REPLICA_DB). */
  replicaDb?: string;
  /** Further behind than this the replica is not read (default 10 s). */
  replicaMaxLagMs?: number;
  /** How often the replica's position is checked (default 1 s). */
  replicaCheckMs?: number;
  /** PostgreSQL: a request waits at most this long for a lock, then gets 503 (SHIXIAO_LOCK_TIMEOUT). */
  lockTimeoutMs?: number;
}

export const defaultReplicaMaxLagMs = 10_000;

export class StartupError extends Error {}

/** Serves until a signal; resolves with the listening server and a stop function. */
export async function startServer(opts: ServeOptions) {
  const log = pino({ level: opts.logLevel ?? 'info' });
  const prepared = await prepareDatabase(opts.db, {
    adminPassword: opts.adminPassword,
    now: opts.now,
    lockTimeoutMs: opts.lockTimeoutMs ?? defaultConfig.lockTimeoutMs,
  });
  const notify = opts.notify ?? defaultConfig.notify;
  let replica: ReadReplica | undefined;
  const maxLagMs = opts.replicaMaxLagMs ?? defaultReplicaMaxLagMs;
  if (opts.replicaDb) {
    try {
      replica = await openReadReplica(prepared.db, opts.db, opts.replicaDb, {
        maxLagMs,
        checkEveryMs: opts.replicaCheckMs ?? 1000,
        onChange: (state) =>
          log[state.usable ? 'info' : 'warn'](
            { replica: state.condition, staleness_ms: state.stalenessMs },
            state.usable ? 'reading from the replica' : 'reading from the primary: the replica is not usable',
          ),
      });
    } catch (error) {
      await prepared.db.close();
      throw error;
    }
  }
  const app = createApp({
    db: prepared.db,
    log,
    web: loadStaticFiles(webDist),
    now: opts.now,
    notify,
    oidc: opts.oidc,
    settings: opts.settings,
    replica: replica ? { replica, maxLagMs } : undefined,
  });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      void replica?.close();
      void prepared.db.close();
      reject(
        new StartupError(
          error.code === 'EADDRINUSE'
            ? `--port ${opts.port}: the port is already in use on ${opts.host}`
            : `--host ${opts.host} --port ${opts.port}: ${error.message}`,
        ),
      );
    });
  });
  // Slow clients are dropped rather than holding sockets (SECURITY.md V2.4.1).
  const http = server as unknown as { headersTimeout: number; requestTimeout: number };
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  const channels = channelsFromConfig(notify);
  const jobs = opts.jobsIntervalMs
    ? startJobLoop(prepared.db, {
        intervalMs: opts.jobsIntervalMs,
        channels,
        log,
        now: opts.now ?? systemClock,
      })
    : null;
  const stop = async () => {
    // The loop finishes its run in flight before the database closes.
    await jobs?.stop();
    channels.close();
    const http = server as unknown as {
      closeIdleConnections(): void;
      closeAllConnections(): void;
    };
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets go now; a request still streaming (say, an upload already
      // refused with 413) gets two seconds before its socket is cut.
      http.closeIdleConnections();
      const force = setTimeout(() => http.closeAllConnections(), 2000);
      server.once('close', () => clearTimeout(force));
    });
    await replica?.close();
    await prepared.db.close();
  };
  // The port bound (`--port 0` picks a free one).
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : opts.port;
  return { server, stop, prepared, url: `http://${opts.host}:${port}`, log, jobs, replica };
}
