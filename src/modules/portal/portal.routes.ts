/**
 * The public portal's open data API: no login, published plans and objects, accepted values
 * only, readable from any origin (`Access-Control-Allow-Origin: *`, never with credentials).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { planDetailSchema, planListSchema } from '../../contracts/plans';
import { publicIndicatorSchema, publicPlanSchema, publicTargetSchema } from '../../contracts/portal';
import { planStatusSchema, statusQuery } from '../../contracts/status';
import { notFound } from '../errors';
import type { AppEnv } from '../http';
import { codeParam, planTargetParams } from '../params';
import { ok } from '../route';
import { routesOn } from '../serve';
import { todayUtc } from '../status';
import { getPublicPlan, getPublicStatus, listPublishedPlans, loadPublicPlan } from './portal.service';

/** Open data may be read by any site; no credentials are ever allowed with it. */
export const openCors: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', '*');
  c.res.headers.delete('Access-Control-Allow-Credentials');
};

const asOfQuery = tenantQuery.merge(statusQuery.pick({ as_of: true }));
const plans = '/api/public/plans';

/** What a portal read names: the tenant, the plan, and the day (today unless `as_of`). */
type PlanRead = {
  reads: AppEnv['Variables']['reads'];
  query: { tenant?: string; as_of?: string };
  param: { plan: string };
  now: Date;
};
const asOf = ({ query, now }: PlanRead) => query.as_of ?? todayUtc(now);
const publicPlan = (r: PlanRead) => loadPublicPlan(r.reads, r.query.tenant, r.param.plan, asOf(r));

export function portalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use('/api/public/*', openCors);
  // The list has no problem to declare beyond the standard ones; every read of a plan may be 404.
  routesOn(app, ['portal'], {})
    .get('public', plans, {
      summary: 'Published plans',
      request: { query: tenantQuery },
      responses: ok(planListSchema, 'Plans'),
    })
    .json(200, async ({ reads, query }) => ({ plans: await listPublishedPlans(reads, query.tenant) }));
  const route = routesOn(app, ['portal'], problemResponses);
  route
    .get('public', `${plans}/{plan}`, {
      summary: 'A published plan: its published goal areas, indicators (latest value) and targets',
      request: { params: planParams, query: tenantQuery },
      responses: ok(planDetailSchema, 'The plan'),
    })
    .json(200, ({ reads, query, param }) => getPublicPlan(reads, query.tenant, param.plan));
  route
    .get('public', `${plans}/{plan}/status`, {
      summary: "A published plan's published target statuses",
      request: { params: planParams, query: tenantQuery.merge(statusQuery) },
      responses: ok(planStatusSchema, 'Statuses'),
    })
    .json(200, (r) => getPublicStatus(r.reads, r.query.tenant, r.param.plan, asOf(r)));
  route
    .get('public', `${plans}/{plan}/portal`, {
      summary:
        'Everything the portal shows of a plan: targets with evaluations, indicators with every published value',
      request: { params: planParams, query: asOfQuery },
      responses: ok(publicPlanSchema, 'The public plan'),
    })
    .json(200, publicPlan);
  route
    .get('public', `${plans}/{plan}/indicators/{indicator}`, {
      summary: 'One published indicator with every published value and its metadata',
      request: { params: planParams.extend({ indicator: codeParam('indicator', 'gdp') }), query: asOfQuery },
      responses: ok(publicIndicatorSchema, 'The indicator'),
    })
    .json(200, async (r) => {
      const found = (await publicPlan(r)).indicators.find((i) => i.id === r.param.indicator);
      if (!found) throw notFound(`indicator '${r.param.indicator}'`);
      return found;
    });
  route
    .get('public', `${plans}/{plan}/targets/{target}`, {
      summary: 'One published target with its evaluation (status, expected path, projection)',
      request: { params: planTargetParams, query: asOfQuery },
      responses: ok(publicTargetSchema, 'The target'),
    })
    .json(200, async (r) => {
      const found = (await publicPlan(r)).targets.find((t) => t.id === r.param.target);
      if (!found) throw notFound(`target '${r.param.target}'`);
      return found;
    });
}
