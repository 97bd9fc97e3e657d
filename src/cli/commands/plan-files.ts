/** `shixiao import-plan FILE` and `shixiao export-plan`: the plan as code. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DatabaseConfigError, migrateToLatest, openDatabase, type Db } from '../../db';
import { formatProblem, parsePlanFile, type PlanFile } from '../../domain/plan-file';
import { exportPlanText, importPlanText, resolveTenant } from '../../modules/plans';
import { action, CliError, databaseOrAppError } from '../errors';
import { type CliContext, databaseCommand, todayOf } from '../options';

/** Reads a text file or fails with a message naming it. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
}

/**
 * Reads and parses a plan file, or fails with its first problem; the others are written to stderr
 * before it, counted after it, or left out.
 */
export function readPlanFile(file: string, others: 'stderr' | 'counted' | 'omitted'): PlanFile {
  const parsed = parsePlanFile(readTextFile(file));
  if (parsed.ok) return parsed.plan;
  const [first, ...rest] = parsed.problems;
  if (others === 'stderr') for (const p of rest) process.stderr.write(formatProblem(file, p) + '\n');
  const more =
    others === 'counted' && rest.length > 0
      ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})`
      : '';
  throw new CliError(formatProblem(file, first ?? { line: 1, field: '', message: 'invalid' }) + more);
}

/** What a plan-file command is given: the day to evaluate as of and whether to print JSON. */
export interface PlanFileOptions {
  asOf: string;
  json?: boolean;
}

/**
 * `NAME <planFile> [--as-of DATE] [--json]`: a command that evaluates a plan file as of a day
 * (default today) and prints a JSON array or lines.
 */
export function planFileCommand(
  program: Command,
  cli: CliContext,
  usage: string,
  description: string,
  run: (file: string, opts: PlanFileOptions) => void,
): void {
  program
    .command(usage)
    .description(description)
    .option('--as-of <date>', 'YYYY-MM-DD', todayOf(cli.now))
    .option('--json', 'a JSON array on stdout, nothing else')
    .action(
      action((file: string, opts: PlanFileOptions) => {
        run(file, opts);
        return Promise.resolve();
      }),
    );
}

/** Opens (and unless told not to, migrates) the database for a batch command, closing it afterwards. */
export async function withDatabase<T>(
  location: string,
  fn: (db: Db) => Promise<T>,
  migrate = true,
): Promise<T> {
  const db = await openDatabase(location);
  try {
    if (migrate) await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const isConfigError = (e: unknown) => e instanceof DatabaseConfigError;

export function registerPlanFileCommands(program: Command, cli: CliContext): void {
  databaseCommand(
    program,
    cli,
    'import-plan <file>',
    'load a plan file (YAML or JSON) into the database: a new plan or a new version',
    'tenant (district) to load into',
  ).action(
    action(async (file: string, opts: { db: string; tenant: string }) => {
      const text = readTextFile(file);
      await withDatabase(opts.db, async (db) => {
        const result = await importPlanText(db, { tenantSlug: opts.tenant, text, now: cli.now() });
        if (!result.ok) {
          for (const p of result.problems.slice(1)) process.stderr.write(formatProblem(file, p) + '\n');
          throw new CliError(
            formatProblem(file, result.problems[0] ?? { line: 1, field: '', message: 'invalid plan file' }),
          );
        }
        const what = result.unchanged
          ? 'unchanged (same content as the current version)'
          : `${result.created ? 'created' : 'updated'} as version ${result.version}, ${result.observationsAdded} observations added`;
        for (const w of result.cityAdoption.warnings) {
          const q = (v: string | null) => (v === null ? '(none)' : `'${v}'`);
          process.stderr.write(
            `${file}:${w.line ?? 1}: ${w.field_path}: warning: ${q(w.plan)} here, ${q(w.city)} in the city's definition ${w.name} (version ${w.version})\n`,
          );
        }
        const adopted = Object.entries(result.cityAdoption.adopted);
        if (adopted.length > 0) {
          const list = adopted.map(([code, v]) => `${code} v${v}`).join(', ');
          process.stdout.write(`${file}: adopts the city's definitions ${list}\n`);
        }
        process.stdout.write(`${file}: plan ${what}\n`);
      });
    }, isConfigError),
  );

  databaseCommand(
    program,
    cli,
    'export-plan <plan>',
    'print a plan as a plan file (canonical YAML) on stdout',
  ).action(
    action(async (plan: string, opts: { db: string; tenant: string }) => {
      await withDatabase(opts.db, async (db) => {
        const tenant = await resolveTenant(db, opts.tenant);
        process.stdout.write(await exportPlanText(db, tenant.id, plan));
      });
    }, databaseOrAppError),
  );
}
