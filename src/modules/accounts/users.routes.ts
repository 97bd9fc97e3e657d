/** HTTP routes of user administration: validate, call one service, return the contract. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  passwordResetSchema,
  userCreateSchema,
  userListSchema,
  userParams,
  userSchema,
  userUpdateSchema,
} from '../../contracts/accounts';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { callerOf } from '../caller';
import { jsonBody, jsonResponse, problems } from './responses';
import { createUser, listUsers, resetUserPassword, updateUser } from './users.service';

const listRoute = defineRoute('user:read', {
  method: 'get',
  path: '/api/users',
  tags: ['accounts'],
  summary: "The tenant's users with roles, departments, disabled and locked",
  responses: jsonResponse(200, userListSchema, 'The users'),
});

const createRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/users',
  tags: ['accounts'],
  summary: 'Create a user with roles and departments',
  request: jsonBody(userCreateSchema),
  responses: jsonResponse(201, userSchema, 'Created'),
});

const updateRoute = defineRoute('user:admin', {
  method: 'patch',
  path: '/api/users/{username}',
  tags: ['accounts'],
  summary: 'Change display name, roles, departments or disabled (disabling ends the sessions)',
  request: { params: userParams, ...jsonBody(userUpdateSchema) },
  responses: jsonResponse(200, userSchema, 'Updated'),
});

const passwordRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/users/{username}/password',
  tags: ['accounts'],
  summary: "Set a user's password (administrator reset): ends the user's sessions",
  request: { params: userParams, ...jsonBody(passwordResetSchema) },
  responses: { 204: { description: 'Reset' }, ...problems },
});

/** Mounts the user routes. */
export function usersRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ users: await listUsers(c.get('db'), callerOf(c)) }, 200));

  app.openapi(createRoute, async (c) =>
    c.json(await createUser(c.get('db'), callerOf(c), c.req.valid('json')), 201),
  );

  app.openapi(updateRoute, async (c) =>
    c.json(
      await updateUser(c.get('db'), callerOf(c), c.req.valid('param').username, c.req.valid('json')),
      200,
    ),
  );

  app.openapi(passwordRoute, async (c) => {
    await resetUserPassword(
      c.get('db'),
      callerOf(c),
      c.req.valid('param').username,
      c.req.valid('json').password,
    );
    return c.body(null, 204);
  });
}
