/**
 * `shixiao report bulletin --month YYYY-MM -o FILE` (CONTRACT.md): the month's supervision bulletin,
 * in the format of FILE's extension. Written to a temporary file beside FILE and renamed, so a
 * failure never leaves a partial FILE behind.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { DatabaseConfigError } from '../../db';
import { parseMonth } from '../../domain/reports';
import { AppError } from '../../modules/errors';
import { resolveTenant } from '../../modules/plans';
import { bulletinFile, defaultPlanOf, isBulletinFormat, PdfUnavailableError } from '../../modules/reports';
import { action, CliError } from '../errors';
import { defaultDb, defaultTenant } from '../options';
import { withDatabase } from './plan-files';

interface BulletinOptions {
  month: string;
  db: string;
  tenant: string;
  plan?: string;
  output: string;
}

/** Writes `bytes` to `file` all at once: a temporary file in the same folder, then a rename. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`-o ${file}: cannot write (${code})`);
  }
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('office documents: the monthly supervision bulletin');
  report
    .command('bulletin')
    .description('write the monthly supervision bulletin (督查通报) as .docx, .pdf or .xlsx (from -o FILE)')
    .requiredOption('--month <YYYY-MM>', 'the month, as known at its end')
    .requiredOption('-o, --output <file>', 'the file to write; its extension chooses the format')
    .option('--db <pathOrUrl>', 'SQLite file path or postgres:// URL', defaultDb)
    .option('--tenant <slug>', 'tenant (district)', defaultTenant)
    .option('--plan <id>', "plan id (default: the tenant's first plan)")
    .action(
      action(
        async (opts: BulletinOptions) => {
          const month = parseMonth(opts.month);
          if (!month.ok) throw new CliError(`--month ${opts.month}: use YYYY-MM (e.g. 2026-10)`);
          const format = extname(opts.output).slice(1).toLowerCase();
          if (!isBulletinFormat(format))
            throw new CliError(`-o ${opts.output}: unknown extension, use .docx, .pdf or .xlsx`);
          const bytes = await withDatabase(opts.db, async (db) => {
            const tenant = await resolveTenant(db, opts.tenant);
            const plan = opts.plan ?? (await defaultPlanOf(db, tenant.id));
            const issued = new Date().toISOString().slice(0, 10);
            return bulletinFile(db, { tenantId: tenant.id, plan, month: opts.month, issued }, format);
          });
          writeAtomically(opts.output, bytes);
          process.stdout.write(`${opts.output}: bulletin of ${opts.month} written (${bytes.length} bytes)\n`);
        },
        (e) =>
          e instanceof DatabaseConfigError ||
          e instanceof PdfUnavailableError ||
          (e instanceof AppError && (e.status === 400 || e.status === 404 || e.status === 422)),
      ),
    );
}
