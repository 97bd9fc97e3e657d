/** `shixiao import-plan FILE` and `shixiao export-plan`: the plan as code. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DatabaseConfigError, migrateToLatest, openDatabase, type Db } from '../../db';
import { formatProblem } from '../../domain/plan-file';
import { AppError } from '../../modules/errors';
import { exportPlanText, importPlanText, resolveTenant } from '../../modules/plans';
import { action, CliError } from '../errors';
import { type CliContext, dbOption, tenantOption } from '../options';

/** Reads a text file or fails with a message naming it. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
}

/** Opens and migrates the database for a batch command, closing it afterwards. */
export async function withDatabase<T>(location: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(location);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const isConfigError = (e: unknown) => e instanceof DatabaseConfigError;

export function registerPlanFileCommands(program: Command, cli: CliContext): void {
  program
    .command('import-plan <file>')
    .description('load a plan file (YAML or JSON) into the database: a new plan or a new version')
    .addOption(dbOption(cli))
    .addOption(tenantOption(cli, 'tenant (district) to load into'))
    .action(
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

  program
    .command('export-plan <plan>')
    .description('print a plan as a plan file (canonical YAML) on stdout')
    .addOption(dbOption(cli))
    .addOption(tenantOption(cli))
    .action(
      action(
        async (plan: string, opts: { db: string; tenant: string }) => {
          await withDatabase(opts.db, async (db) => {
            const tenant = await resolveTenant(db, opts.tenant);
            process.stdout.write(await exportPlanText(db, tenant.id, plan));
          });
        },
        (e) => isConfigError(e) || e instanceof AppError,
      ),
    );
}
