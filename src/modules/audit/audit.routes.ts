/** The audit reader's route: administrators and supervisors, the caller's tenant only. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditPageSchema, auditQuery } from '../../contracts/audit';
import { problemResponse } from '../../contracts/common';
import type { AppEnv } from '../http';
import { ok } from '../route';
import { routesOn } from '../serve';
import { readAudit } from './audit.service';

/** Mounts the audit routes. */
export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  routesOn(app, ['audit'], { 400: problemResponse('Invalid filter') })
    .get('audit:read', '/api/audit', {
      summary: 'Audit rows, newest first, filtered; pages of at most 200 (cursor = next_cursor)',
      request: { query: auditQuery },
      responses: ok(auditPageSchema, 'A page of rows'),
    })
    .json(200, ({ db, caller, query }) => readAudit(db, caller.actor.tenantId, query));
}
