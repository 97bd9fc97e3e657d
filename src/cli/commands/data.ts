/** `shixiao import-data FILE` and `shixiao export-data`: observations in bulk (CONTRACT.md). */
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatRowProblem } from '../../domain/data-import';
import {
  checkInThread,
  exportObservations,
  fileFormats,
  importObservations,
  ImportFileError,
  maxProblems,
  openFileSource,
  writeDataTemplate,
  type FileFormat,
  type ImportRequest,
  type SourceStats,
} from '../../modules/imports';
import { action, CliError, databaseOrAppError } from '../errors';
import { checkAsOfOption, type CliContext, databaseCommand, dbOption, tenantOption } from '../options';
import { withDatabase } from './plan-files';

interface ImportOptions {
  db: string;
  tenant: string;
  plan?: string;
  format?: string;
  indicator?: string;
  allowOutliers?: boolean;
  asOf?: string;
  department?: string;
}

/**
 * A bulk load allocates short-lived rows by the million. If a pause happens to keep one batch
 * alive across two scavenges, V8 may start allocating that site straight into the old space
 * (pretenuring) for the rest of the run, and the heap then climbs to ~160 MB between full
 * collections: peak RSS 230–265 MB in about one run out of four instead of ~160 MB. Measured
 * with and without, 10 runs each (docs/performance.md).
 */
function keepBulkGarbageYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}

/** Files above this size get a progress bar (when stderr is a terminal). */
const progressFrom = 8 * 1024 * 1024;

/** A byte-driven progress bar on stderr, or nothing when stderr is not a TTY or the file is small. */
function progress(total: number) {
  if (!process.stderr.isTTY || total < progressFrom)
    return { tick: (_n: number) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'reading {bar} {percentage}% | {value}/{total} MB',
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const mb = (n: number) => Math.round(n / 1048576);
  let done = 0;
  bar.start(mb(total), 0);
  return {
    tick: (n: number) => {
      done += n;
      bar.update(mb(Math.min(done, total)));
    },
    stop: () => bar.stop(),
  };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
}

/**
 * The file's rows: parsed and validated in a worker thread from `threadFrom` bytes on (set by
 * SHIXIAO_IMPORT_THREAD_FROM), else here, where a thread's start-up would cost more than it saves.
 */
async function openRows(
  file: string,
  size: number,
  threadFrom: number,
  opts: ImportOptions,
  tick: (n: number) => void,
): Promise<{ rows: ImportRequest['rows']; stats: SourceStats }> {
  const format = (opts.format ?? (extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv')) as FileFormat;
  if (!fileFormats.includes(format)) throw new CliError(`--format ${format}: use csv, xlsx or opensdg`);
  const spec = { file, format, indicator: opts.indicator };
  if (size >= threadFrom) {
    const stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
    return { rows: checkInThread(spec, stats, tick), stats };
  }
  const source = await openFileSource(spec, tick);
  return { rows: source.batches, stats: source.stats };
}

const where = (file: string, e: ImportFileError) =>
  `${file}${e.row > 0 ? `: row ${e.row}` : ''}${e.column ? `, ${e.column}` : ''}: ${e.message}`;

export function registerDataCommands(program: Command, cli: CliContext): void {
  databaseCommand(
    program,
    cli,
    'import-data <file>',
    'load observations from CSV, XLSX or Open SDG CSV: all rows or none',
  )
    .option('--plan <id>', 'plan id (default: the first plan)')
    .option('--format <format>', 'csv | xlsx | opensdg (default from the file name)')
    .option('--indicator <id>', 'Open SDG: the plan indicator (default from indicator_ID.csv)')
    .option('--allow-outliers', 'accept values beyond 1/10…10× of the stored value')
    .option('--as-of <date>', 'judge periods as of this day (YYYY-MM-DD, default today)')
    .option('--department <code>', "refuse rows for other departments' indicators")
    .action(
      action(async (file: string, opts: ImportOptions) => {
        checkAsOfOption(opts.asOf);
        keepBulkGarbageYoung();
        const size = fileSize(file);
        const bar = progress(size);
        const name = basename(file);
        await withDatabase(opts.db, async (db) => {
          let result;
          let source: Awaited<ReturnType<typeof openRows>>;
          try {
            source = await openRows(file, size, cli.config.importThreadFromBytes, opts, bar.tick);
            result = await importObservations(db, {
              tenantSlug: opts.tenant,
              planCode: opts.plan,
              rows: source.rows,
              source: name,
              userId: null,
              now: cli.now(),
              asOf: opts.asOf,
              allowOutliers: opts.allowOutliers,
              department: opts.department,
            });
          } catch (error) {
            if (error instanceof ImportFileError) throw new CliError(where(file, error));
            throw error;
          } finally {
            bar.stop();
          }
          if (!result.ok) {
            for (const p of result.problems) process.stderr.write(formatRowProblem(file, p) + '\n');
            const more =
              result.problems.length >= maxProblems ? ` (the first ${maxProblems} problems are listed)` : '';
            throw new CliError(
              `${file}: ${result.badRows} of ${result.rows} rows are bad${more}; nothing was imported`,
            );
          }
          const skipped = source.stats.skipped
            ? `, ${source.stats.skipped} skipped (${source.stats.skippedWhy})`
            : '';
          const breakdowns = source.stats.breakdownRows
            ? `, ${source.stats.breakdownRows} of them disaggregated`
            : '';
          process.stdout.write(
            `${file}: ${result.rows} rows read${breakdowns}${skipped}; ${result.added} added, ${result.corrected} corrected, ${result.unchanged} unchanged (plan ${result.planCode})\n`,
          );
        });
      }, databaseOrAppError),
    );

  databaseCommand(program, cli, 'export-data', "print a plan's current observations as CSV on stdout")
    .option('--plan <id>', 'plan id (default: the first plan)')
    .action(
      action(async (opts: { db: string; tenant: string; plan?: string }) => {
        await withDatabase(opts.db, async (db) => {
          await exportObservations(db, { tenantSlug: opts.tenant, planCode: opts.plan }, (text) => {
            // Respect back-pressure so a large export piped to a slow reader stays bounded.
            if (!process.stdout.write(text)) return new Promise((r) => process.stdout.once('drain', r));
          });
        });
      }, databaseOrAppError),
    );

  program
    .command('data-template')
    .description(
      "write a department's Excel template: its indicators × periods, units, current and last values",
    )
    .requiredOption('--department <code>', 'department code')
    .requiredOption('--from <year>', 'first year', parseYear)
    .requiredOption('--to <year>', 'last year', parseYear)
    .requiredOption('-o, --output <file>', 'the .xlsx to write')
    .addOption(dbOption(cli))
    .addOption(tenantOption(cli))
    .option('--plan <id>', 'plan id (default: the first plan)')
    .action(
      action(
        async (opts: {
          department: string;
          from: number;
          to: number;
          output: string;
          db: string;
          tenant: string;
          plan?: string;
        }) => {
          if (opts.to < opts.from || opts.to - opts.from > 20)
            throw new CliError(`--from ${opts.from} --to ${opts.to}: give at most 20 years, in order`);
          await withDatabase(opts.db, async (db) => {
            const rows = await writeDataTemplate(
              db,
              {
                tenantSlug: opts.tenant,
                planCode: opts.plan,
                department: opts.department,
                from: opts.from,
                to: opts.to,
              },
              opts.output,
            );
            process.stdout.write(
              `${opts.output}: template with ${rows} rows for department ${opts.department}\n`,
            );
          });
        },
        databaseOrAppError,
      ),
    );
}

/** A year option, or a message naming it. */
function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new CliError(`${value}: not a year (YYYY)`);
  return Number(value);
}
