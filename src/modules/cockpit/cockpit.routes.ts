/** HTTP routes of the cockpit: the whole plan in one read, and the what-if of one target. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { cockpitQuery, cockpitSchema, whatIfBody, whatIfSchema } from '../../contracts/cockpit';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import type { AppEnv } from '../http';
import { scopeOf } from '../plans';
import { defineRoute } from '../route';
import { todayUtc } from '../status';
import { tenantOf } from '../tenancy';
import { evaluateWhatIf, getCockpit } from './cockpit.service';
import { explorerRoutes } from './explorer.routes';
import { planReadOf } from './plan-request';

const cockpitRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}/cockpit',
  tags: ['cockpit'],
  summary:
    "The leaders' cockpit: every target's status, urgency and key numbers, and data overdue by department",
  request: { params: planParams, query: tenantQuery.merge(cockpitQuery) },
  responses: {
    200: { description: 'The cockpit', content: { 'application/json': { schema: cockpitSchema } } },
    ...problemResponses,
  },
});

const whatIfRoute = defineRoute('plan:read', {
  method: 'post',
  path: '/api/plans/{plan}/targets/{target}/what-if',
  tags: ['cockpit'],
  summary: 'Evaluate a target under an assumed growth rate or a value for a coming year (nothing is saved)',
  request: {
    params: planParams.extend({
      target: z
        .string()
        .min(1)
        .max(80)
        .openapi({ param: { name: 'target', in: 'path' }, example: 't-gdp' }),
    }),
    query: tenantQuery.merge(cockpitQuery),
    body: { content: { 'application/json': { schema: whatIfBody } }, required: true },
  },
  responses: {
    200: {
      description: 'The evaluation under the assumption',
      content: { 'application/json': { schema: whatIfSchema } },
    },
    ...problemResponses,
  },
});

export function cockpitRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(cockpitRoute, async (c) => {
    const input = await planReadOf(c, c.req.valid('query'), c.req.valid('param').plan);
    const cockpit = await getCockpit(c.get('reads'), input);
    return c.json(cockpit, 200);
  });
  app.openapi(whatIfRoute, async (c) => {
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const { plan, target } = c.req.valid('param');
    const result = await evaluateWhatIf(c.get('db'), {
      tenantId: tenant.id,
      plan,
      target,
      asOf: query.as_of ?? todayUtc(c.get('now')()),
      scope: scopeOf(c.get('actor')),
      body: c.req.valid('json'),
    });
    return c.json(result, 200);
  });
  explorerRoutes(app);
}
