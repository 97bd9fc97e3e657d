/**
 * The Excel 任务分解表 under `/api/plans/{plan}/tasks/breakdown`: the template download, the
 * upload preview (writes nothing) and the commit of a preview by its token (all or nothing).
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import {
  breakdownCommitSchema,
  breakdownPreviewSchema,
  breakdownResultSchema,
  breakdownUploadSchema,
} from '../../contracts/task-breakdown';
import { callerOf } from '../caller';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute, formBody } from '../route';
import { uploadLimit } from '../uploads';
import { breakdownTemplate, commitBreakdown, previewBreakdown } from './tasks.breakdown';
import { created, jsonBody, ok, problems } from './tasks.routes';

const tags = ['tasks'];
const base = '/api/plans/{plan}/tasks/breakdown';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A table of a few thousand tasks is well under this. */
const maxBreakdownBytes = 5 * 1024 * 1024;

const templateRoute = defineRoute('task:supervise', {
  method: 'get',
  path: `${base}/template`,
  operationId: 'taskBreakdownTemplate',
  tags,
  summary: 'The 任务分解表 template (.xlsx) with drop-downs of the plan’s departments and actions',
  request: { params: planParams },
  responses: {
    200: {
      description: 'The template',
      content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problems,
  },
});

const previewRoute = defineRoute('task:supervise', {
  method: 'post',
  path: `${base}/preview`,
  operationId: 'previewTaskBreakdown',
  tags,
  summary: 'Read a filled-in 任务分解表: its rows and every problem by row and column (writes nothing)',
  request: {
    params: planParams,
    ...formBody(breakdownUploadSchema),
  },
  responses: ok(breakdownPreviewSchema, 'Rows, problems and a commit token (413 over 5 MB, 415 not .xlsx)'),
});

const commitRoute = defineRoute('task:supervise', {
  method: 'post',
  path: `${base}/commit`,
  operationId: 'commitTaskBreakdown',
  tags,
  summary: 'Assign every task of a previewed table in one transaction (all or nothing)',
  request: { params: planParams, ...jsonBody(breakdownCommitSchema) },
  responses: created(breakdownResultSchema, 'The tasks created'),
});

export function breakdownRoutes(app: OpenAPIHono<AppEnv>): void {
  uploadLimit(
    app,
    '/api/plans/:plan/tasks/breakdown/preview',
    maxBreakdownBytes,
    '任务分解表不超过5 MB。 The table is limited to 5 MB.',
  );
  app.openapi(templateRoute, async (c) => {
    const bytes = await breakdownTemplate(c.get('db'), callerOf(c), c.req.valid('param').plan);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': xlsxType,
      'Content-Disposition': `attachment; filename="task-breakdown.xlsx"; filename*=UTF-8''${encodeURIComponent('任务分解表.xlsx')}`,
      'Cache-Control': 'no-store',
    });
  });
  app.openapi(previewRoute, async (c) => {
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File))
      throw new AppError(400, 'Bad Request', '请以 file 字段上传文件。 Send the table as the `file` field.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(await previewBreakdown(c.get('db'), callerOf(c), c.req.valid('param').plan, bytes), 200);
  });
  app.openapi(commitRoute, async (c) =>
    c.json(
      await commitBreakdown(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('json').token),
      201,
    ),
  );
}
