/**
 * The public portal's open data API: no login, published plans and objects, accepted values
 * only, readable from any origin (`Access-Control-Allow-Origin: *`, never with credentials).
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { planDetailSchema, planListSchema } from '../../contracts/plans';
import { publicIndicatorSchema, publicPlanSchema, publicTargetSchema } from '../../contracts/portal';
import { planStatusSchema, statusQuery } from '../../contracts/status';
import { notFound } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { todayUtc } from '../status';
import { getPublicPlan, getPublicStatus, listPublishedPlans, loadPublicPlan } from './portal.service';

/** Open data may be read by any site; no credentials are ever allowed with it. */
export const openCors: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Access-Control-Allow-Origin', '*');
  c.res.headers.delete('Access-Control-Allow-Credentials');
};

const asOfQuery = tenantQuery.merge(statusQuery.pick({ as_of: true }));
const id = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: 'path' }, example });

const listRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans',
  tags: ['portal'],
  summary: 'Published plans',
  request: { query: tenantQuery },
  responses: {
    200: {
      description: 'Plans',
      content: { 'application/json': { schema: planListSchema } },
    },
  },
});

const planRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}',
  tags: ['portal'],
  summary: 'A published plan: its published goal areas, indicators (latest value) and targets',
  request: { params: planParams, query: tenantQuery },
  responses: {
    200: { description: 'The plan', content: { 'application/json': { schema: planDetailSchema } } },
    ...problemResponses,
  },
});

const statusRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}/status',
  tags: ['portal'],
  summary: "A published plan's published target statuses",
  request: { params: planParams, query: tenantQuery.merge(statusQuery) },
  responses: {
    200: { description: 'Statuses', content: { 'application/json': { schema: planStatusSchema } } },
    ...problemResponses,
  },
});

const portalRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}/portal',
  tags: ['portal'],
  summary:
    'Everything the portal shows of a plan: targets with evaluations, indicators with every published value',
  request: { params: planParams, query: asOfQuery },
  responses: {
    200: { description: 'The public plan', content: { 'application/json': { schema: publicPlanSchema } } },
    ...problemResponses,
  },
});

const indicatorRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}/indicators/{indicator}',
  tags: ['portal'],
  summary: 'One published indicator with every published value and its metadata',
  request: { params: planParams.extend({ indicator: id('indicator', 'gdp') }), query: asOfQuery },
  responses: {
    200: { description: 'The indicator', content: { 'application/json': { schema: publicIndicatorSchema } } },
    ...problemResponses,
  },
});

const targetRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}/targets/{target}',
  tags: ['portal'],
  summary: 'One published target with its evaluation (status, expected path, projection)',
  request: { params: planParams.extend({ target: id('target', 't-gdp') }), query: asOfQuery },
  responses: {
    200: { description: 'The target', content: { 'application/json': { schema: publicTargetSchema } } },
    ...problemResponses,
  },
});

export function portalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use('/api/public/*', openCors);
  app.openapi(listRoute, async (c) =>
    c.json({ plans: await listPublishedPlans(c.get('reads'), c.req.valid('query').tenant) }, 200),
  );
  app.openapi(planRoute, async (c) =>
    c.json(await getPublicPlan(c.get('reads'), c.req.valid('query').tenant, c.req.valid('param').plan), 200),
  );
  app.openapi(statusRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await getPublicStatus(
        c.get('reads'),
        query.tenant,
        c.req.valid('param').plan,
        query.as_of ?? todayUtc(c.get('now')()),
      ),
      200,
    );
  });
  app.openapi(portalRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await loadPublicPlan(
        c.get('reads'),
        query.tenant,
        c.req.valid('param').plan,
        query.as_of ?? todayUtc(c.get('now')()),
      ),
      200,
    );
  });
  app.openapi(indicatorRoute, async (c) => {
    const query = c.req.valid('query');
    const { plan, indicator } = c.req.valid('param');
    const found = (
      await loadPublicPlan(c.get('reads'), query.tenant, plan, query.as_of ?? todayUtc(c.get('now')()))
    ).indicators.find((i) => i.id === indicator);
    if (!found) throw notFound(`indicator '${indicator}'`);
    return c.json(found, 200);
  });
  app.openapi(targetRoute, async (c) => {
    const query = c.req.valid('query');
    const { plan, target } = c.req.valid('param');
    const found = (
      await loadPublicPlan(c.get('reads'), query.tenant, plan, query.as_of ?? todayUtc(c.get('now')()))
    ).targets.find((t) => t.id === target);
    if (!found) throw notFound(`target '${target}'`);
    return c.json(found, 200);
  });
}
