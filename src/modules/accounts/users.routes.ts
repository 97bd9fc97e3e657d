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
import { created, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { problems } from './responses';
import { createUser, listUsers, resetUserPassword, updateUser } from './users.service';

/** Mounts the user routes. */
export function usersRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['accounts'], problems);
  route
    .get('user:read', '/api/users', {
      summary: "The tenant's users with roles, departments, disabled and locked",
      responses: ok(userListSchema, 'The users'),
    })
    .json(200, async ({ db, caller }) => ({ users: await listUsers(db, caller) }));
  route
    .post('user:admin', '/api/users', {
      summary: 'Create a user with roles and departments',
      request: jsonBody(userCreateSchema),
      responses: created(userSchema, 'Created'),
    })
    .json(201, ({ db, caller, json }) => createUser(db, caller, json));
  route
    .patch('user:admin', '/api/users/{username}', {
      summary: 'Change display name, roles, departments or disabled (disabling ends the sessions)',
      request: { params: userParams, ...jsonBody(userUpdateSchema) },
      responses: ok(userSchema, 'Updated'),
    })
    .json(200, ({ db, caller, param, json }) => updateUser(db, caller, param.username, json));
  route
    .post('user:admin', '/api/users/{username}/password', {
      summary: "Set a user's password (administrator reset): ends the user's sessions",
      request: { params: userParams, ...jsonBody(passwordResetSchema) },
      responses: { 204: { description: 'Reset' } },
    })
    .noContent(({ db, caller, param, json }) => resetUserPassword(db, caller, param.username, json.password));
}
