/**
 * HTTP routes of the bulletin archive: list the archived months (supervisors and leaders),
 * generate and archive a month (supervisors), download an archived month as .docx, .pdf or .xlsx.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import {
  bulletinEntrySchema,
  bulletinFileParams,
  bulletinGenerateBody,
  bulletinListSchema,
} from '../../contracts/reports';
import type { AppEnv } from '../http';
import { created, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { download, fileResponses } from './downloads';
import { reportDocumentRoutes } from './reports.documents.routes';
import { bulletinFileName } from './reports.render';
import { archiveBulletin, archivedBulletinFile, listBulletins } from './reports.service';

const base = '/api/plans/{plan}/bulletins';

export function reportsRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['reports'], problemResponses);
  route
    .get('report:read', base, {
      summary: 'The archived monthly supervision bulletins (督查通报), newest month first',
      request: { params: planParams, query: tenantQuery },
      responses: ok(bulletinListSchema, 'The archive'),
    })
    .json(200, async ({ db, query, param, tenant }) => ({
      bulletins: await listBulletins(db, (await tenant(query.tenant)).id, param.plan),
    }));
  route
    .post('task:supervise', base, {
      summary:
        "Generate a month's bulletin as known at the month's end and archive it (replacing that month's)",
      request: { params: planParams, query: tenantQuery, ...jsonBody(bulletinGenerateBody) },
      responses: created(bulletinEntrySchema, 'Archived'),
    })
    .json(201, async ({ c, db, query, param, json, tenant, now }) => {
      const { id } = await tenant(query.tenant);
      const actor = c.get('actor');
      const { month } = json;
      await archiveBulletin(db, {
        tenantId: id,
        plan: param.plan,
        month,
        at: now,
        issued: now.toISOString().slice(0, 10),
        by: actor.kind === 'user' ? actor.userId : null,
        origin: 'user',
        replace: true,
      });
      const entry = (await listBulletins(db, id, param.plan)).find((b) => b.month === month);
      return entry!;
    });
  route
    .get('report:read', `${base}/{month}/{format}`, {
      summary: 'An archived bulletin as .docx (official layout), .pdf (same layout) or .xlsx (data book)',
      request: { params: planParams.merge(bulletinFileParams), query: tenantQuery },
      responses: fileResponses,
    })
    .file(async ({ c, db, query, param, tenant }) => {
      const { id } = await tenant(query.tenant);
      const { plan, month, format } = param;
      const bytes = await archivedBulletinFile(db, id, plan, month, format, c.get('settings'));
      return download(bytes, format, `bulletin-${month}`, bulletinFileName(month, format));
    });
  reportDocumentRoutes(app);
}
