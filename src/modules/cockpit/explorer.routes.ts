/** The plan explorer's route: both trees of a plan with their lights, in one read. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cockpitQuery } from '../../contracts/cockpit';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { explorerSchema } from '../../contracts/explorer';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { getPlanExplorer } from './explorer.service';
import { planReadOf } from './plan-request';

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
    const input = await planReadOf(c, c.req.valid('query'), c.req.valid('param').plan);
    const explorer = await getPlanExplorer(c.get('db'), input);
    return c.json(explorer, 200);
  });
}
