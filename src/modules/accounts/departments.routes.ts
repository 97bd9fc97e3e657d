/** HTTP routes of departments: validate, call one service, return the contract. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  departmentCreateSchema,
  departmentEntrySchema,
  departmentListSchema,
  departmentParams,
  departmentUpdateSchema,
} from '../../contracts/accounts';
import type { AppEnv } from '../http';
import { created, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { createDepartment, listDepartments, updateDepartment } from './departments.service';
import { problems } from './responses';

/** Mounts the department routes. */
export function departmentsRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['accounts'], problems);
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
}
