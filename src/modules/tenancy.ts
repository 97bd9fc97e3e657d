/**
 * The tenant a request acts in: a logged-in user or token acts only in its own tenant (naming
 * another gives 404, as if it did not exist); the public names one or gets the default.
 */
import type { Context } from 'hono';
import type { AppEnv } from './http';
import { notFound } from './errors';
import { shortCache } from './short-cache';
import { resolveTenant } from './plans/plans.service';

type Tenant = { id: number; slug: string; name: string; name_en: string | null; created_at: string };
const tenants = shortCache<Tenant>(1000);

export async function tenantOf(c: Context<AppEnv>, slug: string | undefined) {
  const actor = c.get('actor');
  const db = c.get('db');
  if (actor.kind === 'anonymous') return resolveTenant(db, slug);
  const tenant = await tenants.load(String(actor.tenantId), Date.now(), () =>
    db.kysely.selectFrom('tenants').selectAll().where('id', '=', actor.tenantId).executeTakeFirstOrThrow(),
  );
  if (slug !== undefined && slug !== tenant.slug) throw notFound(`tenant '${slug}'`);
  return tenant;
}
