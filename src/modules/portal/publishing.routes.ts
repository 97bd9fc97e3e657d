/** Publishing routes: supervisors (plan:write) show or withdraw objects on the public portal. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses } from '../../contracts/common';
import { publicationRequestSchema, publicationStateSchema } from '../../contracts/portal';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { tenantOf } from '../tenancy';
import { listPublicationStates, setPublication } from './publishing.service';

const listRoute = defineRoute('plan:write', {
  method: 'get',
  path: '/api/plans/{plan}/publications',
  tags: ['portal'],
  summary: 'What of the plan the public portal shows',
  request: { params: planParams },
  responses: {
    200: {
      description: 'Publication states',
      content: {
        'application/json': { schema: z.object({ publications: z.array(publicationStateSchema) }) },
      },
    },
    ...problemResponses,
  },
});

const setRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/plans/{plan}/publications',
  tags: ['portal'],
  summary: 'Publish or withdraw a goal area, target, indicator or task on the public portal',
  request: {
    params: planParams,
    body: { content: { 'application/json': { schema: publicationRequestSchema } }, required: true },
  },
  responses: {
    200: {
      description: 'The new state',
      content: { 'application/json': { schema: publicationStateSchema } },
    },
    ...problemResponses,
  },
});

export function publishingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const tenant = await tenantOf(c, undefined);
    return c.json(
      {
        publications: await listPublicationStates(
          c.get('db'),
          tenant.id,
          c.req.valid('param').plan,
          c.get('now')().toISOString().slice(0, 10),
        ),
      },
      200,
    );
  });
  app.openapi(setRoute, async (c) => {
    const tenant = await tenantOf(c, undefined);
    const state = await setPublication(c.get('db'), {
      tenantId: tenant.id,
      planCode: c.req.valid('param').plan,
      request: c.req.valid('json'),
      actor: c.get('actor'),
      now: c.get('now')(),
    });
    return c.json(state, 200);
  });
}
