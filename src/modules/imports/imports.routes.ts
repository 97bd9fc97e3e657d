/**
 * HTTP routes of bulk data upload under `/api/plans/{plan}/imports`: preview (writes nothing),
 * commit by token (one transaction), the error report and the department template as .xlsx.
 * Uploads over 20 MB are refused before they are buffered; the type is checked by content.
 */
import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { planParams, problemResponse } from '../../contracts/common';
import {
  importCommitSchema,
  importPreviewSchema,
  importResultSchema,
  templateQuery,
  uploadFormSchema,
} from '../../contracts/imports';
import type { AppEnv } from '../http';
import { formBody, jsonBody, ok } from '../route';
import { routesOn, type Served } from '../serve';
import { formFile } from '../uploads';
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
};
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (description: string) => ({
  200: { description, content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } },
});
const upload = { params: planParams, ...formBody(uploadFormSchema) };
const base = '/api/plans/{plan}/imports';
const tooLarge = 'Files are limited to 20 MB.';

/** The uploaded file's bytes (400 `file_missing` without one). */
const uploaded = async ({ c }: Pick<Served<RouteConfig>, 'c'>) =>
  (await formFile(c, 'Send the file as the `file` field.', 'file_missing')).bytes;

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
  const route = routesOn(app, ['imports'], problems);
  route
    .post('data:write', `${base}/preview`, {
      summary: 'Validate an uploaded .csv/.xlsx and show what it would change (writes nothing)',
      request: upload,
      responses: ok(importPreviewSchema, 'Errors, changes and a commit token'),
    })
    .upload(MAX_UPLOAD_BYTES, tooLarge)
    .json(200, async (r) => previewUpload(r.db, r.caller, r.param.plan, await uploaded(r)));
  route
    .post('data:write', `${base}/commit`, {
      summary: 'Commit a preview as submitted values, in one transaction',
      request: { params: planParams, ...jsonBody(importCommitSchema) },
      responses: ok(importResultSchema, 'What was written'),
    })
    .json(200, ({ db, caller, param, json }) => commitUpload(db, caller, param.plan, json.token));
  route
    .post('data:write', `${base}/error-report`, {
      summary: 'The uploaded rows as .xlsx with the bad cells marked and the reasons',
      request: upload,
      responses: xlsx('The error report'),
    })
    .upload(MAX_UPLOAD_BYTES, tooLarge)
    .file(async (r) => {
      const checked = await checkUpload(r.db, r.caller, r.param.plan, await uploaded(r));
      return download(await errorReportXlsx(checked.raw, checked.errors), 'errors.xlsx');
    });
  route
    .get('data:read', `${base}/template`, {
      summary: 'The Excel template of a department for a range of years',
      request: { params: planParams, query: templateQuery },
      responses: xlsx('The template'),
    })
    .file(async ({ db, caller, param, query: q }) => {
      const range = { department: q.department, from: Number(q.from), to: Number(q.to) };
      const bytes = await templateBytes(db, caller, param.plan, range);
      return download(bytes, `template-${q.department}-${q.from}-${q.to}.xlsx`);
    });
}
