/**
 * HTTP downloads of the short documents, made on demand as known at a month's end (default: the
 * month before today): one indicator's fact sheet and the leaders' plan summary, .docx/.pdf/.xlsx.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses } from '../../contracts/common';
import { documentFormatParams, documentQuery, factSheetParams } from '../../contracts/reports';
import type { AppEnv } from '../http';
import { routesOn } from '../serve';
import { download, fileResponses } from './downloads';
import { factSheetFile, planSummaryFile } from './reports.service';

/** The month before `now` (YYYY-MM). */
function lastMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/** A document's request: the tenant, the plan, the month (default: the last) and the day it is issued. */
async function documentOf(served: {
  query: { tenant?: string; month?: string };
  param: { plan: string };
  now: Date;
  tenant: (slug: string | undefined) => Promise<{ id: number }>;
}) {
  const tenant = await served.tenant(served.query.tenant);
  const now = served.now;
  const month = served.query.month ?? lastMonth(now);
  return { tenantId: tenant.id, plan: served.param.plan, month, issued: now.toISOString().slice(0, 10) };
}

export function reportDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['reports'], problemResponses);
  route
    .get('report:read', '/api/plans/{plan}/factsheets/{indicator}/{format}', {
      summary: "One indicator's one-page fact sheet (指标简报) as of a month's end",
      request: { params: planParams.merge(factSheetParams), query: documentQuery },
      responses: fileResponses,
    })
    .file(async (served) => {
      const req = await documentOf(served);
      const { indicator, format } = served.param;
      const bytes = await factSheetFile(served.db, req, indicator, format, served.c.get('settings'));
      const name = `指标简报-${indicator}-${req.month}`;
      return download(bytes, format, `factsheet-${req.month}`, `${name}.${format}`);
    });
  route
    .get('report:read', '/api/plans/{plan}/summary/{format}', {
      summary: "The leaders' plan summary (推进情况摘要) of a month",
      request: { params: planParams.merge(documentFormatParams), query: documentQuery },
      responses: fileResponses,
    })
    .file(async (served) => {
      const req = await documentOf(served);
      const { format } = served.param;
      const bytes = await planSummaryFile(served.db, req, format, served.c.get('settings'));
      return download(bytes, format, `summary-${req.month}`, `推进情况摘要-${req.month}.${format}`);
    });
}
