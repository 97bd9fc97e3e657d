/**
 * The public's view: published plans only, accepted values only, published objects only, through
 * the explicit shapes of `contracts/portal` (an allowlist: nothing else leaves the server).
 */
import type { PlanDetail } from '../../contracts/plans';
import type { PlanStatus } from '../../contracts/status';
import type { PublicPlan } from '../../contracts/portal';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { getPlanDetail, listObservations, listPlans, planIdOf, resolveTenant } from '../plans';
import { getPlanStatus } from '../status';
import { buildPublicPlan, isPublished, publicPlanDetail, type Publications } from './portal.model';
import * as repo from './portal.repository';
import { publishedTasks } from './portal.tasks';

type Tenant = Awaited<ReturnType<typeof resolveTenant>>;

async function publishedPlan(db: Db, tenantSlug: string | undefined, code: string): Promise<Tenant> {
  const tenant = await resolveTenant(db, tenantSlug);
  const plans = await listPlans(db, tenant.id);
  const plan = plans.find((p) => p.id === code && p.status === 'published');
  // An unpublished plan does not exist for the public: same answer as an unknown one.
  if (!plan) throw notFound(`plan '${code}'`);
  return tenant;
}

/** Explicit publication states of a plan's objects, by `kind:code`. */
export async function publicationsOf(db: Db, tenantId: number, code: string): Promise<Publications> {
  const rows = await repo.listPublications(db.kysely, await planIdOf(db, tenantId, code));
  return new Map(rows.map((r) => [`${r.object_type}:${r.object_code}`, r.published === 1]));
}

export async function listPublishedPlans(db: Db, tenantSlug: string | undefined) {
  const tenant = await resolveTenant(db, tenantSlug);
  return (await listPlans(db, tenant.id)).filter((p) => p.status === 'published');
}

/** The plan read model of a published plan, withdrawn objects and value notes left out. */
export async function getPublicPlan(
  db: Db,
  tenantSlug: string | undefined,
  code: string,
): Promise<PlanDetail> {
  const tenant = await publishedPlan(db, tenantSlug, code);
  const [detail, pubs] = await Promise.all([
    getPlanDetail(db, tenant.id, code),
    publicationsOf(db, tenant.id, code),
  ]);
  return publicPlanDetail(detail, pubs);
}

/** Statuses of a published plan's published targets. */
export async function getPublicStatus(
  db: Db,
  tenantSlug: string | undefined,
  code: string,
  asOf: string,
): Promise<PlanStatus> {
  const plan = await loadPublicPlan(db, tenantSlug, code, asOf);
  const statuses = plan.targets.flatMap((t) => (t.evaluation ? [{ ...t.evaluation, problem: null }] : []));
  return { as_of: asOf, counts: plan.counts, statuses };
}

/** Everything the portal shows of a published plan as of a date. */
export async function loadPublicPlan(
  db: Db,
  tenantSlug: string | undefined,
  code: string,
  asOf: string,
): Promise<PublicPlan> {
  const tenant = await publishedPlan(db, tenantSlug, code);
  const planId = await planIdOf(db, tenant.id, code);
  const [detail, observations, status, publications, events] = await Promise.all([
    // The latest values come from the observations known as of the day, read beside it.
    getPlanDetail(db, tenant.id, code, null, { latest: false }),
    listObservations(db, tenant.id, code, { asOf }),
    getPlanStatus(db, tenant.id, code, asOf),
    publicationsOf(db, tenant.id, code),
    repo.listPublicationEvents(db.kysely, planId),
  ]);
  // Tasks are shown only once published: with none published, none is read.
  const anyTask = [...publications].some(([key, shown]) => shown && key.startsWith('task:'));
  const tasks = anyTask
    ? await publishedTasks(db, tenant.id, code, asOf, (id) => isPublished(publications, 'task', id))
    : [];
  return buildPublicPlan({
    detail,
    observations,
    status,
    publications,
    tasks,
    events: events.map((e) => ({ kind: e.object_type, code: e.object_code, action: e.action, at: e.at })),
  });
}

/** Every published plan of a tenant, loaded for the portal. */
export async function loadPublicPlans(
  db: Db,
  tenantSlug: string | undefined,
  asOf: string,
): Promise<PublicPlan[]> {
  const plans = await listPublishedPlans(db, tenantSlug);
  return Promise.all(plans.map((p) => loadPublicPlan(db, tenantSlug, p.id, asOf)));
}
