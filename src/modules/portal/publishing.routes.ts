/** Publishing routes: supervisors (plan:write) show or withdraw objects on the public portal. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses } from '../../contracts/common';
import { publicationRequestSchema, publicationStateSchema } from '../../contracts/portal';
import type { AppEnv } from '../http';
import { jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { listPublicationStates, setPublication } from './publishing.service';

const path = '/api/plans/{plan}/publications';

export function publishingRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['portal'], problemResponses);
  route
    .get('plan:write', path, {
      summary: 'What of the plan the public portal shows',
      request: { params: planParams },
      responses: ok(z.object({ publications: z.array(publicationStateSchema) }), 'Publication states'),
    })
    .json(200, async ({ db, param, tenant, now }) => {
      const { id } = await tenant(undefined);
      const today = now.toISOString().slice(0, 10);
      return { publications: await listPublicationStates(db, id, param.plan, today) };
    });
  route
    .post('plan:write', path, {
      summary: 'Publish or withdraw a goal area, target, indicator or task on the public portal',
      request: { params: planParams, ...jsonBody(publicationRequestSchema) },
      responses: ok(publicationStateSchema, 'The new state'),
    })
    .json(200, async ({ c, db, param, json, tenant, now }) =>
      setPublication(db, {
        tenantId: (await tenant(undefined)).id,
        planCode: param.plan,
        request: json,
        actor: c.get('actor'),
        now,
      }),
    );
}
