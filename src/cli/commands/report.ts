/**
 * `shixiao report bulletin --month YYYY-MM -o FILE` (CONTRACT.md): the month's supervision bulletin,
 * in the format of FILE's extension; `report factsheet --indicator ID` and `report summary`: an
 * indicator's one-page fact sheet and the leaders' plan summary, .docx or .pdf. Each file is
 * written to a temporary file beside FILE and renamed, so a failure never leaves a partial FILE.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { DatabaseConfigError, type Db } from '../../db';
import { parseMonth } from '../../domain/reports';
import { AppError } from '../../modules/errors';
import { resolveTenant } from '../../modules/plans';
import {
  bulletinFile,
  defaultPlanOf,
  factSheetFile,
  isBulletinFormat,
  PdfUnavailableError,
  planSummaryFile,
  type BulletinFormat,
  type BulletinRequest,
  type PdfOptions,
} from '../../modules/reports';
import { action, CliError } from '../errors';
import { todayOf, type CliContext, dbOption, tenantOption } from '../options';
import { withDatabase } from './plan-files';

interface ReportOptions {
  month: string;
  db: string;
  tenant: string;
  plan?: string;
  output: string;
  indicator?: string;
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

/** `.docx, .pdf or .xlsx` */
const listOf = (items: string[]) => `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;

const expected = (e: unknown) =>
  e instanceof DatabaseConfigError ||
  e instanceof PdfUnavailableError ||
  (e instanceof AppError && (e.status === 400 || e.status === 404 || e.status === 422));

/** Checks the month and the extension, reads and renders, then writes the file at once. */
async function writeReport(
  cli: CliContext,
  what: string,
  opts: ReportOptions,
  formats: readonly BulletinFormat[],
  make: (db: Db, req: BulletinRequest, format: BulletinFormat, pdf: PdfOptions) => Promise<Buffer>,
): Promise<void> {
  if (!parseMonth(opts.month).ok) throw new CliError(`--month ${opts.month}: use YYYY-MM (e.g. 2026-10)`);
  const format = extname(opts.output).slice(1).toLowerCase();
  if (!isBulletinFormat(format) || !formats.includes(format))
    throw new CliError(`-o ${opts.output}: unknown extension, use ${listOf(formats.map((f) => `.${f}`))}`);
  const bytes = await withDatabase(opts.db, async (db) => {
    const tenant = await resolveTenant(db, opts.tenant);
    const plan = opts.plan ?? (await defaultPlanOf(db, tenant.id));
    const issued = todayOf(cli.now);
    return make(db, { tenantId: tenant.id, plan, month: opts.month, issued }, format, cli.config.settings);
  });
  writeAtomically(opts.output, bytes);
  process.stdout.write(`${opts.output}: ${what} of ${opts.month} written (${bytes.length} bytes)\n`);
}

function common(command: Command, cli: CliContext): Command {
  return command
    .requiredOption('--month <YYYY-MM>', 'the month, as known at its end')
    .requiredOption('-o, --output <file>', 'the file to write; its extension chooses the format')
    .addOption(dbOption(cli))
    .addOption(tenantOption(cli))
    .option('--plan <id>', "plan id (default: the tenant's first plan)");
}

const documents = ['docx', 'pdf', 'xlsx'] as const;

export function registerReportCommands(program: Command, cli: CliContext): void {
  const report = program
    .command('report')
    .description('office documents: the monthly supervision bulletin, fact sheets, the plan summary');
  common(
    report
      .command('bulletin')
      .description(
        'write the monthly supervision bulletin (督查通报) as .docx, .pdf or .xlsx (from -o FILE)',
      ),
    cli,
  ).action(
    action(
      (opts: ReportOptions) => writeReport(cli, 'bulletin', opts, ['docx', 'pdf', 'xlsx'], bulletinFile),
      expected,
    ),
  );
  common(
    report
      .command('factsheet')
      .description("write one indicator's one-page fact sheet (.docx, .pdf or .xlsx)"),
    cli,
  )
    .requiredOption('--indicator <id>', 'the indicator')
    .action(
      action(
        (opts: ReportOptions) =>
          writeReport(cli, 'fact sheet', opts, documents, (db, req, f, pdf) =>
            factSheetFile(db, req, opts.indicator ?? '', f, pdf),
          ),
        expected,
      ),
    );
  common(
    report
      .command('summary')
      .description("write the leaders' plan summary of a month (.docx, .pdf or .xlsx)"),
    cli,
  ).action(
    action(
      (opts: ReportOptions) => writeReport(cli, 'plan summary', opts, documents, planSummaryFile),
      expected,
    ),
  );
}
