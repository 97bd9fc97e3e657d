/**
 * The administration routes of the accounts module: users, departments, API tokens (the token
 * itself appears once, in the creation response body). Each validates, calls one service and
 * returns the contract.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  departmentCreateSchema,
  departmentEntrySchema,
  departmentListSchema,
  departmentParams,
  departmentUpdateSchema,
  passwordResetSchema,
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenListSchema,
  tokenParams,
  userCreateSchema,
  userListSchema,
  userParams,
  userSchema,
  userUpdateSchema,
} from '../../contracts/accounts';
import type { AppEnv } from '../http';
import { created, jsonBody, ok, workflowProblems } from '../route';
import { routesOn } from '../serve';
import { createDepartment, listDepartments, updateDepartment } from './departments.service';
import { createToken, listTokens, revokeToken } from './tokens.service';
import { createUser, listUsers, resetUserPassword, updateUser } from './users.service';

/** The problems any administration route may answer. */
const problems = workflowProblems({ 422: 'Refused by a rule (password policy, unknown department, …)' });

/** Mounts every accounts route. */
export function accountsRoutes(app: OpenAPIHono<AppEnv>): void {
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

  route
    .get('plan:read', '/api/departments', {
      summary: "The tenant's departments",
      responses: ok(departmentListSchema, 'The departments'),
    })
    .json(200, async ({ db, caller }) => ({ departments: await listDepartments(db, caller) }));
  route
    .post('user:admin', '/api/departments', {
      summary: 'Create a department',
      request: jsonBody(departmentCreateSchema),
      responses: created(departmentEntrySchema, 'Created'),
    })
    .json(201, ({ db, caller, json }) => createDepartment(db, caller, json));
  route
    .patch('user:admin', '/api/departments/{code}', {
      summary: 'Rename a department',
      request: { params: departmentParams, ...jsonBody(departmentUpdateSchema) },
      responses: ok(departmentEntrySchema, 'Updated'),
    })
    .json(200, ({ db, caller, param, json }) => updateDepartment(db, caller, param.code, json));

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
