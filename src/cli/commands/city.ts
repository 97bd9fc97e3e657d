/**
 * `shixiao tenants add SLUG --name NAME [--parent SLUG]` and `shixiao ranks --indicator ID`: a
 * city above its districts, and the districts ranked on an indicator they share (CONTRACT.md).
 */
import type { Command } from 'commander';
import { cityRanks, listTenants, resolveCity, saveTenant } from '../../modules/city';
import { action, CliError, databaseOrAppError } from '../errors';
import { type CliContext, dbOption, checkAsOfOption } from '../options';
import { withDatabase } from './plan-files';

const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function registerCityCommands(program: Command, cli: CliContext): void {
  const tenants = program.command('tenants').description('tenants: a city and the districts below it');

  tenants
    .command('add <slug>')
    .description('create a tenant (a district, or the city above districts), or update its name and parent')
    .requiredOption('--name <name>', 'its name, e.g. 渝中区')
    .option('--name-en <name>', 'its English name')
    .option('--parent <slug>', 'the tenant above it (the city)')
    .addOption(dbOption(cli))
    .action(
      action(async (slug: string, opts: { name: string; nameEn?: string; parent?: string; db: string }) => {
        if (!opts.name.trim()) throw new CliError(`tenants add ${slug}: --name is empty`);
        await withDatabase(opts.db, async (db) => {
          const { tenant, created } = await saveTenant(
            db,
            { slug, name: opts.name.trim(), nameEn: opts.nameEn, parent: opts.parent },
            { actor: { kind: 'system' }, at: cli.now() },
          );
          const under = tenant.parent ? ` under ${tenant.parent}` : ' (no parent)';
          process.stdout.write(
            `tenant ${tenant.slug} (${tenant.name}) ${created ? 'created' : 'updated'}${under}\n`,
          );
        });
      }, databaseOrAppError),
    );

  tenants
    .command('list')
    .description('print every tenant with its parent')
    .addOption(dbOption(cli))
    .option('--json', 'a JSON array')
    .action(
      action(async (opts: { db: string; json?: boolean }) => {
        await withDatabase(opts.db, async (db) => {
          const all = await listTenants(db);
          if (opts.json) process.stdout.write(JSON.stringify(all) + '\n');
          else for (const t of all) process.stdout.write(`${t.slug}\t${t.name}\t${t.parent ?? '-'}\n`);
        });
      }, databaseOrAppError),
    );

  program
    .command('ranks')
    .description("rank a city's districts on an indicator they share, from accepted data")
    .requiredOption('--indicator <id>', 'the indicator id the district plans share')
    .option('--period <period>', 'YYYY, YYYY-Qn or YYYY-MM (default: the latest period with data)')
    .option('--city <slug>', 'the city (default: the only tenant with districts)')
    .option('--as-of <date>', 'as known at the end of this day (YYYY-MM-DD)')
    .addOption(dbOption(cli))
    .option('--json', 'a JSON array, nothing else on stdout')
    .action(
      action(
        async (opts: {
          indicator: string;
          period?: string;
          city?: string;
          asOf?: string;
          db: string;
          json?: boolean;
        }) => {
          if (opts.period !== undefined && !periodPattern.test(opts.period))
            throw new CliError(`--period ${opts.period}: use YYYY, YYYY-Qn or YYYY-MM`);
          checkAsOfOption(opts.asOf);
          await withDatabase(opts.db, async (db) => {
            const city = await resolveCity(db, opts.city);
            const result = await cityRanks(db, city, {
              indicator: opts.indicator,
              period: opts.period,
              asOf: opts.asOf,
            });
            if (opts.json) {
              process.stdout.write(JSON.stringify(result.ranks) + '\n');
              return;
            }
            process.stdout.write(
              `${result.city}: ${result.indicator} ${result.period ?? '(no data)'}, ${result.direction === 'up' ? 'higher' : 'lower'} is better\n`,
            );
            for (const r of result.ranks) {
              const rank = r.rank === null ? '-' : `${r.rank}/${r.of}`;
              const value =
                r.value === null
                  ? r.missing === 'no_indicator'
                    ? 'no such indicator'
                    : 'no data'
                  : String(r.value);
              process.stdout.write(`${rank}\t${r.tenant}\t${r.name}\t${value}${r.late ? '\tlate' : ''}\n`);
            }
          });
        },
        databaseOrAppError,
      ),
    );
}
