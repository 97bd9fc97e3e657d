/** The public portal's API: no login, published plans and accepted values only. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { planDetailSchema, planSummarySchema } from '../../contracts/plans';
import { planStatusSchema, statusQuery } from '../../contracts/status';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { todayUtc } from '../status';
import { getPublicPlan, getPublicStatus, listPublishedPlans } from './portal.service';

const listRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans',
  tags: ['portal'],
  summary: 'Published plans',
  request: { query: tenantQuery },
  responses: {
    200: {
      description: 'Plans',
      content: { 'application/json': { schema: z.object({ plans: z.array(planSummarySchema) }) } },
    },
  },
});

const planRoute = defineRoute('public', {
  method: 'get',
  path: '/api/public/plans/{plan}',
  tags: ['portal'],
  summary: 'A published plan with its accepted values (open data)',
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
  summary: "A published plan's target statuses",
  request: { params: planParams, query: tenantQuery.merge(statusQuery) },
  responses: {
    200: { description: 'Statuses', content: { 'application/json': { schema: planStatusSchema } } },
    ...problemResponses,
  },
});

export function portalRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) =>
    c.json({ plans: await listPublishedPlans(c.get('db'), c.req.valid('query').tenant) }, 200),
  );
  app.openapi(planRoute, async (c) =>
    c.json(await getPublicPlan(c.get('db'), c.req.valid('query').tenant, c.req.valid('param').plan), 200),
  );
  app.openapi(statusRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await getPublicStatus(c.get('db'), query.tenant, c.req.valid('param').plan, query.as_of ?? todayUtc()),
      200,
    );
  });
}
