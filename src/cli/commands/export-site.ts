/** `shixiao export-site DIR`: the public portal as static files (CONTRACT.md). */
import type { Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { AppError } from '../../modules/errors';
import { exportSite } from '../../modules/portal';
import { action, CliError } from '../errors';
import { checkAsOfOption, type CliContext, databaseCommand, todayOf } from '../options';
import { withDatabase } from './plan-files';

interface ExportOptions {
  db: string;
  tenant: string;
  asOf?: string;
  baseUrl?: string;
}

export function registerExportSiteCommand(program: Command, cli: CliContext): void {
  databaseCommand(
    program,
    cli,
    'export-site <dir>',
    'write the public portal as static files (only published, accepted content)',
  )
    .option('--as-of <date>', 'evaluate targets as of this day (YYYY-MM-DD, default today)')
    .option(
      '--base-url <url>',
      'where the site will be served, for absolute sitemap URLs (e.g. https://example.gov.cn/portal/)',
    )
    .action(
      action(
        async (dir: string, opts: ExportOptions) => {
          checkAsOfOption(opts.asOf);
          if (opts.baseUrl !== undefined && !/^https?:\/\/[^\s]+\/$/.test(opts.baseUrl))
            throw new CliError(`--base-url ${opts.baseUrl}: give an http(s) URL ending in /`);
          const asOf = opts.asOf ?? todayOf(cli.now);
          const result = await withDatabase(opts.db, (db) =>
            exportSite(db, dir, { asOf, tenant: opts.tenant, baseUrl: opts.baseUrl }),
          );
          process.stdout.write(
            `wrote ${result.files} files of ${result.plans} published plan(s) to ${dir}\n`,
          );
        },
        (e) => e instanceof DatabaseConfigError || (e instanceof AppError && e.status === 404),
      ),
    );
}
