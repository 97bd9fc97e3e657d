/** Tenants: a city runs one installation for many districts. */
import type { Executor } from '../../db';

/** Well-known names for tenant slugs used by the demo; others are named after their slug. */
const knownNames: Record<string, [string, string]> = { yuzhong: ['渝中区', 'Yuzhong District'] };

/** Finds the tenant with this slug or creates it (at `now`, ISO). */
export async function ensureTenant(trx: Executor, slug: string, now: string) {
  const found = await trx.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (found) return found;
  const [name, nameEn] = knownNames[slug] ?? [slug, slug];
  return trx
    .insertInto('tenants')
    .values({ slug, name, name_en: nameEn, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}
