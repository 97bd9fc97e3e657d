/** The plan explorer's route: both trees of a plan with their lights, in one read. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cockpitQuery } from '../../contracts/cockpit';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { explorerSchema } from '../../contracts/explorer';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { scopeOf } from '../plans';
import { defineRoute } from '../route';
import { todayUtc } from '../status';
import { tenantOf } from '../tenancy';
import { getPlanExplorer } from './explorer.service';

const explorerRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}/explorer',
  tags: ['cockpit'],
  summary:
    'The plan explorer: goal area → target → indicator and programme → action → task, with status and task lights',
  request: { params: planParams, query: tenantQuery.merge(cockpitQuery) },
  responses: {
    200: {
      description: 'The two trees of the plan',
      content: { 'application/json': { schema: explorerSchema } },
    },
    ...problemResponses,
  },
});

export function explorerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(explorerRoute, async (c) => {
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const explorer = await getPlanExplorer(c.get('db'), {
      tenantId: tenant.id,
      plan: c.req.valid('param').plan,
      asOf: query.as_of ?? todayUtc(c.get('now')()),
      caller: callerOf(c),
      scope: scopeOf(c.get('actor')),
    });
    return c.json(explorer, 200);
  });
}
