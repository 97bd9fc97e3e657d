/** `shixiao serve`: API, web app and portal on one port. */
import { InvalidArgumentError, type Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { jobsIntervalFromEnv, JobsConfigError } from '../../jobs';
import { NotifyConfigError } from '../../modules/notify';
import { startServer, StartupError } from '../../server/main';
import { action } from '../errors';
import { defaultDb, parsePort } from '../options';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the API, the web app and the public portal')
    .option('--db <pathOrUrl>', 'SQLite file path or postgres:// URL', defaultDb)
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
      Number(process.env.SHIXIAO_PORT ?? 3000),
    )
    .option('--host <host>', 'interface to listen on', process.env.SHIXIAO_HOST ?? '127.0.0.1')
    .action(
      action(
        async (opts: { db: string; port: number; host: string }) => {
          const running = await startServer({
            db: opts.db,
            port: opts.port,
            host: opts.host,
            adminPassword: process.env.SHIXIAO_ADMIN_PASSWORD,
            jobsIntervalMs: jobsIntervalFromEnv(),
          });
          const { prepared } = running;
          const lines = [
            `Shixiao 实效 is serving ${prepared.db.label} (${prepared.db.dialect}) on ${running.url}/`,
          ];
          if (prepared.demoLoaded) lines.push('Loaded the demo plan yuzhong-2023 (渝中区).');
          if (prepared.adminPassword) {
            lines.push(
              `Administrator: admin / ${prepared.adminPassword}  (shown once; change it after logging in)`,
            );
          }
          process.stdout.write(lines.join('\n') + '\n');
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
        (e) =>
          e instanceof DatabaseConfigError ||
          e instanceof StartupError ||
          e instanceof NotifyConfigError ||
          e instanceof JobsConfigError,
      ),
    );
}
