/** HTTP routes of API tokens: the token itself appears once, in the creation response body. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenListSchema,
  tokenParams,
} from '../../contracts/accounts';
import type { AppEnv } from '../http';
import { created, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { problems } from './responses';
import { createToken, listTokens, revokeToken } from './tokens.service';

/** Mounts the token routes. */
export function tokensRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['accounts'], problems);
  route
    .get('token:admin', '/api/tokens', {
      summary: "The tenant's API tokens (metadata only: never a token or its hash)",
      responses: ok(tokenListSchema, 'The tokens'),
    })
    .json(200, async ({ db, caller }) => ({ tokens: await listTokens(db, caller) }));
  route
    .post('token:admin', '/api/tokens', {
      summary: 'Create an API token: the response carries it once',
      request: jsonBody(tokenCreateSchema),
      responses: created(tokenCreatedSchema, 'Created'),
    })
    .json(201, ({ db, caller, json }) => createToken(db, caller, json));
  route
    .delete('token:admin', '/api/tokens/{id}', {
      summary: 'Revoke an API token',
      request: { params: tokenParams },
      responses: { 204: { description: 'Revoked' } },
    })
    .noContent(({ db, caller, param }) => revokeToken(db, caller, param.id));
}
