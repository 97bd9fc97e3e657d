/**
 * What the reliability tests of bulk imports look at: the observations and `data.import` audit
 * rows of a database (with SQLite's integrity check), and the 38,000-row file they load.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../src/db';

/** Row counts after (or between) imports; `integrity` is SQLite's integrity check, 'ok' on PostgreSQL. */
export async function importState(location: string) {
  const db = await openDatabase(location);
  try {
    const observations = await db.kysely
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const imports = await db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'data.import')
      .executeTakeFirstOrThrow();
    const integrity =
      db.dialect === 'sqlite'
        ? (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db.kysely)).rows
            .map((r) => r.integrity_check)
            .join('; ')
        : 'ok';
    return { observations: Number(observations.n), imports: Number(imports.n), integrity };
  } finally {
    await db.close();
  }
}

/**
 * 24,000 months of good_air_days from 0001-01 and 2,000 years of 7 annual series of the demo plan:
 * 38,000 rows (~4 MB as SQLite pages, ~5 MB as a PostgreSQL table).
 */
export function thirtyEightThousandRows(): string {
  const y = (n: number) => String(n).padStart(4, '0');
  const lines = ['indicator,period,value'];
  for (let k = 0; k < 24_000; k++)
    lines.push(
      `good_air_days,${y(1 + Math.floor(k / 12))}-${String((k % 12) + 1).padStart(2, '0')},${23 + (k % 7)}`,
    );
  const annual = ['gdp', 'fai', 'retail_sales', 'tertiary_va', 'software_revenue', 'rd_spend', 'new_jobs'];
  for (const id of annual)
    for (let year = 1; year <= 2000; year++) lines.push(`${id},${y(year)},${20 + (year % 9)}`);
  return lines.join('\n') + '\n';
}

/** What the CLI says when the disk holding the database is full (src/cli/errors.ts). */
export const diskFullLine =
  'shixiao: the disk holding the database is full: the write was rolled back and nothing was saved; free some space and run the command again\n';
