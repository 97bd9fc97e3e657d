/**
 * HTTP downloads of the short documents, made on demand as known at a month's end (default: the
 * month before today): one indicator's fact sheet and the leaders' plan summary, .docx/.pdf/.xlsx.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses } from '../../contracts/common';
import { documentFormatParams, documentQuery, factSheetParams } from '../../contracts/reports';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { tenantOf } from '../tenancy';
import { contentTypes, type BulletinFormat } from './reports.render';
import { factSheetFile, planSummaryFile } from './reports.service';

const tags = ['reports'];
const binary = z.string().openapi({ type: 'string', format: 'binary' });
const fileResponses = {
  200: {
    description: 'The file',
    content: Object.fromEntries(Object.values(contentTypes).map((t) => [t, { schema: binary }])),
  },
  ...problemResponses,
};

const factSheetRoute = defineRoute('report:read', {
  method: 'get',
  path: '/api/plans/{plan}/factsheets/{indicator}/{format}',
  tags,
  summary: "One indicator's one-page fact sheet (指标简报) as of a month's end",
  request: { params: planParams.merge(factSheetParams), query: documentQuery },
  responses: fileResponses,
});

const summaryRoute = defineRoute('report:read', {
  method: 'get',
  path: '/api/plans/{plan}/summary/{format}',
  tags,
  summary: "The leaders' plan summary (推进情况摘要) of a month",
  request: { params: planParams.merge(documentFormatParams), query: documentQuery },
  responses: fileResponses,
});

/** The month before `now` (YYYY-MM). */
function lastMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

function download(bytes: Buffer, format: BulletinFormat, ascii: string, name: string): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
      'Cache-Control': 'no-store',
    },
  });
}

export function reportDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(factSheetRoute, async (c) => {
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const { plan, indicator, format } = c.req.valid('param');
    const now = c.get('now')();
    const month = query.month ?? lastMonth(now);
    const req = { tenantId: tenant.id, plan, month, issued: now.toISOString().slice(0, 10) };
    const bytes = await factSheetFile(c.get('db'), req, indicator, format, c.get('settings'));
    return download(bytes, format, `factsheet-${month}`, `指标简报-${indicator}-${month}`);
  });
  app.openapi(summaryRoute, async (c) => {
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const { plan, format } = c.req.valid('param');
    const now = c.get('now')();
    const month = query.month ?? lastMonth(now);
    const req = { tenantId: tenant.id, plan, month, issued: now.toISOString().slice(0, 10) };
    const bytes = await planSummaryFile(c.get('db'), req, format, c.get('settings'));
    return download(bytes, format, `summary-${month}`, `推进情况摘要-${month}`);
  });
}
