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
import type { AppEnv } from '../http';
import { created, formBody, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { formFile } from '../uploads';
import { breakdownTemplate, commitBreakdown, previewBreakdown } from './tasks.breakdown';
import { problems } from './tasks.routes';

const base = '/api/plans/{plan}/tasks/breakdown';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A table of a few thousand tasks is well under this. */
const maxBreakdownBytes = 5 * 1024 * 1024;

export function breakdownRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['tasks'], problems);
  route
    .get('task:supervise', `${base}/template`, {
      operationId: 'taskBreakdownTemplate',
      summary: 'The 任务分解表 template (.xlsx) with drop-downs of the plan’s departments and actions',
      request: { params: planParams },
      responses: {
        200: {
          description: 'The template',
          content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    })
    .file(async ({ c, db, caller, param }) =>
      c.body(new Uint8Array(await breakdownTemplate(db, caller, param.plan)), 200, {
        'Content-Type': xlsxType,
        'Content-Disposition': `attachment; filename="task-breakdown.xlsx"; filename*=UTF-8''${encodeURIComponent('任务分解表.xlsx')}`,
        'Cache-Control': 'no-store',
      }),
    );
  route
    .post('task:supervise', `${base}/preview`, {
      operationId: 'previewTaskBreakdown',
      summary: 'Read a filled-in 任务分解表: its rows and every problem by row and column (writes nothing)',
      request: { params: planParams, ...formBody(breakdownUploadSchema) },
      responses: ok(
        breakdownPreviewSchema,
        'Rows, problems and a commit token (413 over 5 MB, 415 not .xlsx)',
      ),
    })
    .upload(maxBreakdownBytes, '任务分解表不超过5 MB。 The table is limited to 5 MB.')
    .json(200, async ({ c, db, caller, param }) => {
      const { bytes } = await formFile(c, '请以 file 字段上传文件。 Send the table as the `file` field.');
      return previewBreakdown(db, caller, param.plan, bytes);
    });
  route
    .post('task:supervise', `${base}/commit`, {
      operationId: 'commitTaskBreakdown',
      summary: 'Assign every task of a previewed table in one transaction (all or nothing)',
      request: { params: planParams, ...jsonBody(breakdownCommitSchema) },
      responses: created(breakdownResultSchema, 'The tasks created'),
    })
    .json(201, ({ db, caller, param, json }) => commitBreakdown(db, caller, param.plan, json.token));
}
