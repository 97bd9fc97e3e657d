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
import { defineRoute } from '../route';
import { callerOf } from '../caller';
import { createDepartment, listDepartments, updateDepartment } from './departments.service';
import { jsonBody, jsonResponse } from './responses';

const listRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/departments',
  tags: ['accounts'],
  summary: "The tenant's departments",
  responses: jsonResponse(200, departmentListSchema, 'The departments'),
});

const createRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/departments',
  tags: ['accounts'],
  summary: 'Create a department',
  request: jsonBody(departmentCreateSchema),
  responses: jsonResponse(201, departmentEntrySchema, 'Created'),
});

const updateRoute = defineRoute('user:admin', {
  method: 'patch',
  path: '/api/departments/{code}',
  tags: ['accounts'],
  summary: 'Rename a department',
  request: { params: departmentParams, ...jsonBody(departmentUpdateSchema) },
  responses: jsonResponse(200, departmentEntrySchema, 'Updated'),
});

/** Mounts the department routes. */
export function departmentsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) =>
    c.json({ departments: await listDepartments(c.get('db'), callerOf(c)) }, 200),
  );

  app.openapi(createRoute, async (c) =>
    c.json(await createDepartment(c.get('db'), callerOf(c), c.req.valid('json')), 201),
  );

  app.openapi(updateRoute, async (c) =>
    c.json(
      await updateDepartment(c.get('db'), callerOf(c), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  );
}
