/**
 * HTTP routes of the bulletin archive: list the archived months (supervisors and leaders),
 * generate and archive a month (supervisors), download an archived month as .docx, .pdf or .xlsx.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import {
  bulletinEntrySchema,
  bulletinFileParams,
  bulletinGenerateBody,
  bulletinListSchema,
} from '../../contracts/reports';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { tenantOf } from '../tenancy';
import { reportDocumentRoutes } from './reports.documents.routes';
import { bulletinFileName, contentTypes } from './reports.render';
import { archiveBulletin, archivedBulletinFile, listBulletins } from './reports.service';

const base = '/api/plans/{plan}/bulletins';
const tags = ['reports'];

const listRoute = defineRoute('report:read', {
  method: 'get',
  path: base,
  tags,
  summary: 'The archived monthly supervision bulletins (督查通报), newest month first',
  request: { params: planParams, query: tenantQuery },
  responses: {
    200: { description: 'The archive', content: { 'application/json': { schema: bulletinListSchema } } },
    ...problemResponses,
  },
});

const generateRoute = defineRoute('task:supervise', {
  method: 'post',
  path: base,
  tags,
  summary: "Generate a month's bulletin as known at the month's end and archive it (replacing that month's)",
  request: {
    params: planParams,
    query: tenantQuery,
    body: { content: { 'application/json': { schema: bulletinGenerateBody } }, required: true },
  },
  responses: {
    201: { description: 'Archived', content: { 'application/json': { schema: bulletinEntrySchema } } },
    ...problemResponses,
  },
});

const binary = z.string().openapi({ type: 'string', format: 'binary' });
const fileRoute = defineRoute('report:read', {
  method: 'get',
  path: `${base}/{month}/{format}`,
  tags,
  summary: 'An archived bulletin as .docx (official layout), .pdf (same layout) or .xlsx (data book)',
  request: { params: planParams.merge(bulletinFileParams), query: tenantQuery },
  responses: {
    200: {
      description: 'The file',
      content: Object.fromEntries(Object.values(contentTypes).map((t) => [t, { schema: binary }])),
    },
    ...problemResponses,
  },
});

export function reportsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const tenant = await tenantOf(c, c.req.valid('query').tenant);
    const bulletins = await listBulletins(c.get('db'), tenant.id, c.req.valid('param').plan);
    return c.json({ bulletins }, 200);
  });
  app.openapi(generateRoute, async (c) => {
    const tenant = await tenantOf(c, c.req.valid('query').tenant);
    const actor = c.get('actor');
    const plan = c.req.valid('param').plan;
    const { month } = c.req.valid('json');
    const db = c.get('db');
    const at = c.get('now')();
    await archiveBulletin(db, {
      tenantId: tenant.id,
      plan,
      month,
      at,
      issued: at.toISOString().slice(0, 10),
      by: actor.kind === 'user' ? actor.userId : null,
      origin: 'user',
      replace: true,
    });
    const entry = (await listBulletins(db, tenant.id, plan)).find((b) => b.month === month);
    return c.json(entry!, 201);
  });
  app.openapi(fileRoute, async (c) => {
    const tenant = await tenantOf(c, c.req.valid('query').tenant);
    const { plan, month, format } = c.req.valid('param');
    const bytes = await archivedBulletinFile(c.get('db'), tenant.id, plan, month, format, c.get('settings'));
    const name = bulletinFileName(month, format);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'Content-Type': contentTypes[format],
        'Content-Disposition': `attachment; filename="bulletin-${month}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      },
    });
  });
  reportDocumentRoutes(app);
}
