/** HTTP routes of API tokens: the token itself appears once, in the creation response body. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenListSchema,
  tokenParams,
} from '../../contracts/accounts';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { callerOf } from '../caller';
import { jsonBody, jsonResponse, problems } from './responses';
import { createToken, listTokens, revokeToken } from './tokens.service';

const listRoute = defineRoute('token:admin', {
  method: 'get',
  path: '/api/tokens',
  tags: ['accounts'],
  summary: "The tenant's API tokens (metadata only: never a token or its hash)",
  responses: jsonResponse(200, tokenListSchema, 'The tokens'),
});

const createRoute = defineRoute('token:admin', {
  method: 'post',
  path: '/api/tokens',
  tags: ['accounts'],
  summary: 'Create an API token: the response carries it once',
  request: jsonBody(tokenCreateSchema),
  responses: jsonResponse(201, tokenCreatedSchema, 'Created'),
});

const revokeRoute = defineRoute('token:admin', {
  method: 'delete',
  path: '/api/tokens/{id}',
  tags: ['accounts'],
  summary: 'Revoke an API token',
  request: { params: tokenParams },
  responses: { 204: { description: 'Revoked' }, ...problems },
});

/** Mounts the token routes. */
export function tokensRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ tokens: await listTokens(c.get('db'), callerOf(c)) }, 200));

  app.openapi(createRoute, async (c) =>
    c.json(await createToken(c.get('db'), callerOf(c), c.req.valid('json')), 201),
  );

  app.openapi(revokeRoute, async (c) => {
    await revokeToken(c.get('db'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
