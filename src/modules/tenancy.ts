/**
 * The tenant a request acts in: a logged-in user or token acts only in its own tenant (naming
 * another gives 404, as if it did not exist); the public names one or gets the default.
 */
import type { Context } from 'hono';
import type { AppEnv } from './http';
import { notFound } from './errors';
import { resolveTenant } from './plans/plans.service';

export async function tenantOf(c: Context<AppEnv>, slug: string | undefined) {
  const actor = c.get('actor');
  const db = c.get('db');
  if (actor.kind === 'anonymous') return resolveTenant(db, slug);
  const tenant = await db.kysely
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', actor.tenantId)
    .executeTakeFirstOrThrow();
  if (slug !== undefined && slug !== tenant.slug) throw notFound(`tenant '${slug}'`);
  return tenant;
}
