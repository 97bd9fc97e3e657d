/**
 * What `serve` does before listening: open and migrate the database and, on a new database, load
 * the demo plan and create the administrator.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DatabaseConfigError, migrateToLatest, openDatabase, systemClock, type Clock, type Db } from '../db';
import { checkPassword } from '../domain/access';
import { commonPasswords } from '../modules/auth';
import { ensureAdmin } from '../modules/accounts';
import { importPlanText, ensureTenant } from '../modules/plans';

export const demoPlanPath = fileURLToPath(new URL('../../examples/yuzhong-2023/plan.yaml', import.meta.url));
export const defaultTenant = 'yuzhong';

export interface Prepared {
  db: Db;
  migration: string;
  demoLoaded: boolean;
  adminPassword: string | null;
}

/** Opens, migrates and (when empty) seeds the database. */
export async function prepareDatabase(
  location: string,
  opts: { adminPassword?: string; now?: Clock; lockTimeoutMs?: number } = {},
): Promise<Prepared> {
  // A chosen admin password meets the same rules as any other (SECURITY.md V6.2).
  if (opts.adminPassword !== undefined) {
    const check = checkPassword(opts.adminPassword, commonPasswords(), 'admin');
    if (!check.ok) throw new DatabaseConfigError(`SHIXIAO_ADMIN_PASSWORD: ${check.reason}`);
  }
  const db = await openDatabase(location, { lockTimeoutMs: opts.lockTimeoutMs });
  try {
    const migration = await migrateToLatest(db);
    const plans = await db.kysely.selectFrom('plans').select('id').limit(1).execute();
    let demoLoaded = false;
    if (plans.length === 0) {
      const result = await importPlanText(db, {
        tenantSlug: defaultTenant,
        text: readFileSync(demoPlanPath, 'utf8'),
        now: (opts.now ?? systemClock)(),
      });
      if (!result.ok) throw new Error(`the demo plan is invalid: ${JSON.stringify(result.problems[0])}`);
      demoLoaded = true;
    }
    const now = (opts.now ?? systemClock)();
    const tenant = await ensureTenant(db.kysely, defaultTenant, now.toISOString());
    const admin = await ensureAdmin(db, tenant.id, opts.adminPassword, now);
    return { db, migration, demoLoaded, adminPassword: admin.generatedPassword };
  } catch (error) {
    await db.close();
    throw error;
  }
}
