/** `shixiao jobs run`: every scheduled job due at a moment, once (CONTRACT.md). */
import type { Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { isIsoDate } from '../../domain/periods';
import { channelsFromConfig, jobKinds, runJobsOnce, runReportJson, runReportText } from '../../jobs';
import { action, CliError } from '../errors';
import { type CliContext, databaseCommand } from '../options';
import { withDatabase } from './plan-files';

/** `YYYY-MM-DD` (midnight UTC) or an ISO date-time; a time without a zone is UTC. */
export function parseNow(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text.trim(),
  );
  const date = m && isIsoDate(m[1] ?? '') ? new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new CliError(`--now ${text}: not a date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])`);
  }
  return date;
}

export function registerJobsCommands(program: Command, cli: CliContext): void {
  const jobs = program
    .command('jobs')
    .description('scheduled jobs: reminders, urges, notices, reporting reminders');
  databaseCommand(
    jobs,
    cli,
    'run',
    'run once every scheduled job due at DATETIME (default now); sends nothing twice',
    false,
  )
    .option('--now <datetime>', 'the moment to run for (YYYY-MM-DD or an ISO date-time)')
    .option('--json', 'print {"sent": [...], "skipped": N} and nothing else')
    .action(
      action(
        async (opts: { db: string; now?: string; json?: boolean }) => {
          const now = opts.now === undefined ? cli.now() : parseNow(opts.now);
          const channels = channelsFromConfig(cli.config.notify);
          try {
            const report = await withDatabase(opts.db, (db) =>
              runJobsOnce(db, { now, jobs: jobKinds, channels }),
            );
            process.stdout.write(
              opts.json ? JSON.stringify(runReportJson(report)) + '\n' : runReportText(report, now),
            );
          } finally {
            channels.close();
          }
        },
        (e) => e instanceof DatabaseConfigError,
      ),
    );
}
