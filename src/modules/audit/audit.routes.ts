/** The audit reader's route: administrators and supervisors, the caller's tenant only. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditPageSchema, auditQuery } from '../../contracts/audit';
import { problemResponse } from '../../contracts/common';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { readAudit } from './audit.service';

const listRoute = defineRoute('audit:read', {
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  summary: 'Audit rows, newest first, filtered; pages of at most 200 (cursor = next_cursor)',
  request: { query: auditQuery },
  responses: {
    200: { description: 'A page of rows', content: { 'application/json': { schema: auditPageSchema } } },
    400: problemResponse('Invalid filter'),
    401: problemResponse('Not logged in'),
    403: problemResponse('Not allowed'),
  },
});

/** Mounts the audit routes. */
export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') throw new AppError(401, 'Unauthorized', 'Log in first.');
    return c.json(await readAudit(c.get('db'), actor.tenantId, c.req.valid('query')), 200);
  });
}
