/** `shixiao serve`: API, web app and portal on one port. */
import { InvalidArgumentError, type Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { prepareDatabase } from '../../server/bootstrap';
import { forkWorkers, isClusterWorker, joinWorkers } from '../../server/cluster';
import { startServer, StartupError } from '../../server/main';
import { action } from '../errors';
import { type CliContext, databaseCommand, parsePort } from '../options';

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError(`${value}: give 1 to 64 workers`);
  return n;
}

type ServeArgs = {
  db: string;
  port: number;
  host: string;
  replicaDb?: string;
  replicaMaxLag: number;
  workers: number;
};

/** `--workers N` above 1, in the primary process: prepare once, fork, print, stop on a signal. */
async function serveWithWorkers(opts: ServeArgs, cli: CliContext): Promise<void> {
  const prepared = await prepareDatabase(opts.db, { adminPassword: cli.config.adminPassword, now: cli.now });
  await prepared.db.close();
  const workers = await forkWorkers(opts.workers, cli.config.jobsIntervalMs);
  const lines = [
    `Shixiao 实效 is serving ${prepared.db.label} (${prepared.db.dialect}) on http://${opts.host}:${workers.port}/ with ${opts.workers} workers`,
  ];
  if (prepared.demoLoaded) lines.push('Loaded the demo plan yuzhong-2023 (渝中区).');
  if (prepared.adminPassword) {
    lines.push(`Administrator: admin / ${prepared.adminPassword}  (shown once; change it after logging in)`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  const shutdown = () => void workers.stop().then(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError(`${value}: give a number of seconds above 0`);
  return seconds;
}

export function registerServeCommand(program: Command, cli: CliContext): void {
  databaseCommand(program, cli, 'serve', 'serve the API, the web app and the public portal', false)
    .option(
      '--port <n>',
      'port',
      (v) => {
        try {
          return parsePort(v);
        } catch (e) {
          throw new InvalidArgumentError((e as Error).message);
        }
      },
      cli.config.port,
    )
    .option('--host <host>', 'interface to listen on', cli.config.host)
    .option(
      '--replica-db <url>',
      'postgres:// URL of a streaming replica of --db: portal, cockpit and status reads go there',
      cli.config.replicaDb,
    )
    .option(
      '--replica-max-lag <seconds>',
      'read from the primary while the replica is further behind than this',
      parseSeconds,
      10,
    )
    .option(
      '--workers <n>',
      'processes sharing the port (node:cluster); the scheduled jobs run in one',
      parseWorkers,
      cli.config.workers,
    )
    .action(
      action(
        async (opts: ServeArgs) => {
          if (opts.workers > 1 && !isClusterWorker()) return serveWithWorkers(opts, cli);
          if (isClusterWorker()) joinWorkers();
          const running = await startServer({
            db: opts.db,
            port: opts.port,
            host: opts.host,
            replicaDb: opts.replicaDb,
            replicaMaxLagMs: Math.round(opts.replicaMaxLag * 1000),
            adminPassword: cli.config.adminPassword,
            jobsIntervalMs: cli.config.jobsIntervalMs,
            logLevel: cli.config.logLevel,
            notify: cli.config.notify,
            oidc: cli.config.oidc,
            settings: cli.config.settings,
            lockTimeoutMs: cli.config.lockTimeoutMs,
            now: cli.now,
          });
          const { prepared } = running;
          const lines = [
            `Shixiao 实效 is serving ${prepared.db.label} (${prepared.db.dialect}) on ${running.url}/`,
          ];
          if (running.replica) {
            const state = running.replica.state();
            lines.push(`Reading from the replica ${running.replica.db.label} (${state.condition}).`);
          }
          if (prepared.demoLoaded) lines.push('Loaded the demo plan yuzhong-2023 (渝中区).');
          if (prepared.adminPassword) {
            lines.push(
              `Administrator: admin / ${prepared.adminPassword}  (shown once; change it after logging in)`,
            );
          }
          // A worker: the primary has printed where it serves.
          if (!isClusterWorker()) process.stdout.write(lines.join('\n') + '\n');
          let stopping = false;
          const shutdown = (signal: string) => {
            if (stopping) return;
            stopping = true;
            running.log.info({ signal }, 'shutting down');
            void running.stop().then(() => process.exit(0));
            // In-flight requests get 10 s; then we go regardless.
            setTimeout(() => process.exit(0), 10_000).unref();
          };
          process.once('SIGTERM', () => shutdown('SIGTERM'));
          process.once('SIGINT', () => shutdown('SIGINT'));
        },
        (e) => e instanceof DatabaseConfigError || e instanceof StartupError,
      ),
    );
}
