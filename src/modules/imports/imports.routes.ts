/**
 * HTTP routes of bulk data upload under `/api/plans/{plan}/imports`: preview (writes nothing),
 * commit by token (one transaction), the error report and the department template as .xlsx.
 * Uploads over 20 MB are refused before they are buffered; the type is checked by content.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { planParams, problemResponse } from '../../contracts/common';
import {
  importCommitSchema,
  importPreviewSchema,
  importResultSchema,
  templateQuery,
  uploadFormSchema,
} from '../../contracts/imports';
import { callerOf } from '../caller';
import { AppError, coded } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute, formBody } from '../route';
import { uploadLimit } from '../uploads';
import { errorReportXlsx } from './error-report';
import { MAX_UPLOAD_BYTES } from './upload-file';
import { checkUpload, commitUpload, previewUpload, templateBytes } from './upload.service';

const problems = {
  400: problemResponse('Invalid request or unreadable file (zip bomb, DOCTYPE, missing column)'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  409: problemResponse('Values changed since the preview'),
  404: problemResponse('No such plan, or the preview expired'),
  413: problemResponse('Over 20 MB'),
  415: problemResponse('Neither UTF-8 CSV nor .xlsx'),
} as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (description: string) => ({
  200: { description, content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...problems,
});
const upload = {
  params: planParams,
  ...formBody(uploadFormSchema),
};
const base = '/api/plans/{plan}/imports';
const tags = ['imports'];

const previewRoute = defineRoute('data:write', {
  method: 'post',
  path: `${base}/preview`,
  tags,
  summary: 'Validate an uploaded .csv/.xlsx and show what it would change (writes nothing)',
  request: upload,
  responses: {
    200: {
      description: 'Errors, changes and a commit token',
      content: { 'application/json': { schema: importPreviewSchema } },
    },
    ...problems,
  },
});

const commitRoute = defineRoute('data:write', {
  method: 'post',
  path: `${base}/commit`,
  tags,
  summary: 'Commit a preview as submitted values, in one transaction',
  request: {
    params: planParams,
    body: { content: { 'application/json': { schema: importCommitSchema } }, required: true },
  },
  responses: {
    200: { description: 'What was written', content: { 'application/json': { schema: importResultSchema } } },
    ...problems,
  },
});

const reportRoute = defineRoute('data:write', {
  method: 'post',
  path: `${base}/error-report`,
  tags,
  summary: 'The uploaded rows as .xlsx with the bad cells marked and the reasons',
  request: upload,
  responses: xlsx('The error report'),
});

const templateRoute = defineRoute('data:read', {
  method: 'get',
  path: `${base}/template`,
  tags,
  summary: 'The Excel template of a department for a range of years',
  request: { params: planParams, query: templateQuery },
  responses: xlsx('The template'),
});

async function fileOf(c: Context<AppEnv>): Promise<Uint8Array> {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) {
    throw coded(new AppError(400, 'Bad Request', 'Send the file as the `file` field.'), 'file_missing');
  }
  return new Uint8Array(await file.arrayBuffer());
}

const download = (bytes: Uint8Array, name: string) =>
  new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': xlsxType,
      'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]+/g, '_')}"`,
      'Cache-Control': 'no-store',
    },
  });

export function importsRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const path of ['/api/plans/:plan/imports/preview', '/api/plans/:plan/imports/error-report']) {
    uploadLimit(app, path, MAX_UPLOAD_BYTES, 'Files are limited to 20 MB.');
  }

  app.openapi(previewRoute, async (c) => {
    const bytes = await fileOf(c);
    return c.json(await previewUpload(c.get('db'), callerOf(c), c.req.valid('param').plan, bytes), 200);
  });
  app.openapi(commitRoute, async (c) => {
    const { plan } = c.req.valid('param');
    return c.json(await commitUpload(c.get('db'), callerOf(c), plan, c.req.valid('json').token), 200);
  });
  app.openapi(reportRoute, async (c) => {
    const bytes = await fileOf(c);
    const checked = await checkUpload(c.get('db'), callerOf(c), c.req.valid('param').plan, bytes);
    return download(await errorReportXlsx(checked.raw, checked.errors), 'errors.xlsx');
  });
  app.openapi(templateRoute, async (c) => {
    const { plan } = c.req.valid('param');
    const q = c.req.valid('query');
    const bytes = await templateBytes(c.get('db'), callerOf(c), plan, {
      department: q.department,
      from: Number(q.from),
      to: Number(q.to),
    });
    return download(bytes, `template-${q.department}-${q.from}-${q.to}.xlsx`);
  });
}
