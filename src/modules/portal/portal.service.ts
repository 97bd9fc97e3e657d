/**
 * The public's view: published plans only, accepted values only, through the explicit response
 * shapes of the contracts (an allowlist: nothing else leaves the server).
 */
import type { Db } from '../../db';
import { notFound } from '../errors';
import { getPlanDetail, listPlans, resolveTenant } from '../plans';
import { getPlanStatus } from '../status';

async function publishedPlan(db: Db, tenantSlug: string | undefined, code: string) {
  const tenant = await resolveTenant(db, tenantSlug);
  const plans = await listPlans(db, tenant.id);
  const plan = plans.find((p) => p.id === code && p.status === 'published');
  // An unpublished plan does not exist for the public: same answer as an unknown one.
  if (!plan) throw notFound(`plan '${code}'`);
  return tenant;
}

export async function listPublishedPlans(db: Db, tenantSlug: string | undefined) {
  const tenant = await resolveTenant(db, tenantSlug);
  return (await listPlans(db, tenant.id)).filter((p) => p.status === 'published');
}

export async function getPublicPlan(db: Db, tenantSlug: string | undefined, code: string) {
  const tenant = await publishedPlan(db, tenantSlug, code);
  return getPlanDetail(db, tenant.id, code);
}

export async function getPublicStatus(db: Db, tenantSlug: string | undefined, code: string, asOf: string) {
  const tenant = await publishedPlan(db, tenantSlug, code);
  return getPlanStatus(db, tenant.id, code, asOf);
}
