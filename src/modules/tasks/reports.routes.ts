/**
 * HTTP routes of progress reports (file, correct, co-operating parts, review, evidence files)
 * and of target assessments. Thin: validate, call one use case, return its shape.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  assessmentCreateSchema,
  assessmentsSchema,
  evidenceParams,
  reportCreateSchema,
  reportEditSchema,
  reportParams,
  reportPartSchema,
  reviewSchema,
  targetParams,
  taskDetailSchema,
  taskParams,
} from '../../contracts/tasks';
import { evidenceUploadForm } from '../../contracts/evidence';
import { callerOf } from '../caller';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute, formBody } from '../route';
import { uploadLimit } from '../uploads';
import { assessTarget, listAssessments } from './tasks.assessments';
import {
  addReportPart,
  editReport,
  fileReport,
  maxReportEvidenceBytes,
  readReportEvidence,
  reviewReport,
  uploadReportEvidence,
} from './tasks.reports';
import { created, jsonBody, ok, problems } from './tasks.routes';

const tags = ['tasks'];
const reports = '/api/plans/{plan}/tasks/{task}/reports';
const report = `${reports}/{period}`;

const fileRoute = defineRoute('task:write', {
  method: 'post',
  path: reports,
  operationId: 'fileTaskReport',
  tags,
  summary: 'File this cycle’s progress report (lead department)',
  request: { params: taskParams, ...jsonBody(reportCreateSchema) },
  responses: created(taskDetailSchema, 'The task with the new report'),
});

const editRoute = defineRoute('task:write', {
  method: 'patch',
  path: report,
  operationId: 'editTaskReport',
  tags,
  summary: 'Correct a report before acceptance; a returned one goes back for review',
  request: { params: reportParams, ...jsonBody(reportEditSchema) },
  responses: ok(taskDetailSchema, 'The task with the corrected report'),
});

const partRoute = defineRoute('task:write', {
  method: 'put',
  path: `${report}/parts`,
  operationId: 'putTaskReportPart',
  tags,
  summary: 'A co-operating department adds (or replaces) its part of a report',
  request: { params: reportParams, ...jsonBody(reportPartSchema) },
  responses: ok(taskDetailSchema, 'The task with the part'),
});

const reviewRoute = defineRoute('task:supervise', {
  method: 'post',
  path: `${report}/review`,
  operationId: 'reviewTaskReport',
  tags,
  summary: 'Accept or return a report with a comment (supervisor); accepted at 100% completes the task',
  request: { params: reportParams, ...jsonBody(reviewSchema) },
  responses: ok(taskDetailSchema, 'The task after the review'),
});

const evidenceRoute = defineRoute('task:write', {
  method: 'post',
  path: `${report}/evidence`,
  operationId: 'uploadTaskReportEvidence',
  tags,
  summary: 'Attach an evidence file to a report (PDF, image, office document; ≤ 10 MB)',
  request: {
    params: reportParams,
    ...formBody(evidenceUploadForm),
  },
  responses: created(taskDetailSchema, 'The task with the file listed'),
});

const downloadRoute = defineRoute('task:read', {
  method: 'get',
  path: '/api/task-evidence/{id}',
  operationId: 'downloadTaskReportEvidence',
  tags,
  summary: 'Download a report’s evidence file (as an attachment)',
  request: { params: evidenceParams },
  responses: { 200: { description: 'The file' }, ...problems },
});

const assessments = '/api/plans/{plan}/targets/{target}/assessments';
const listAssessmentsRoute = defineRoute('task:read', {
  method: 'get',
  path: assessments,
  operationId: 'listTargetAssessments',
  tags,
  summary: 'Assessments of a qualitative or milestone target, with the linked tasks’ progress',
  request: { params: targetParams },
  responses: ok(assessmentsSchema, 'The assessments'),
});
const assessRoute = defineRoute('task:supervise', {
  method: 'post',
  path: assessments,
  operationId: 'assessTarget',
  tags,
  summary: 'Assess a period: 达成 / 基本达成 / 未达成 with a reason (a new version)',
  request: { params: targetParams, ...jsonBody(assessmentCreateSchema) },
  responses: created(assessmentsSchema, 'The assessments with the new version'),
});

/** Mounts report, evidence and assessment routes. */
export function reportRoutes(app: OpenAPIHono<AppEnv>): void {
  uploadLimit(
    app,
    '/api/plans/:plan/tasks/:task/reports/:period/evidence',
    maxReportEvidenceBytes,
    '佐证材料不超过10 MB。 Evidence files are limited to 10 MB.',
  );
  app.openapi(fileRoute, async (c) =>
    c.json(await fileReport(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 201),
  );
  app.openapi(editRoute, async (c) =>
    c.json(await editReport(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 200),
  );
  app.openapi(partRoute, async (c) =>
    c.json(await addReportPart(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 200),
  );
  app.openapi(reviewRoute, async (c) =>
    c.json(await reviewReport(c.get('db'), callerOf(c), c.req.valid('param'), c.req.valid('json')), 200),
  );
  app.openapi(evidenceRoute, async (c) => {
    const file = (await c.req.parseBody()).file;
    if (!(file instanceof File))
      throw new AppError(
        400,
        'Bad Request',
        '请以 file 字段上传文件。 Send the evidence as the `file` field.',
      );
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(
      await uploadReportEvidence(c.get('db'), callerOf(c), c.req.valid('param'), { name: file.name, bytes }),
      201,
    );
  });
  app.openapi(downloadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const file = await readReportEvidence(c.get('db'), callerOf(c), id);
    return c.body(file.content, 200, {
      'Content-Type': file.contentType,
      // The stored name is already sanitised; the ASCII fallback and RFC 5987 form keep CJK names.
      'Content-Disposition': `attachment; filename="evidence-${id}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  });
  app.openapi(listAssessmentsRoute, async (c) => {
    const { plan, target } = c.req.valid('param');
    return c.json(await listAssessments(c.get('db'), callerOf(c), plan, target), 200);
  });
  app.openapi(assessRoute, async (c) => {
    const { plan, target } = c.req.valid('param');
    return c.json(await assessTarget(c.get('db'), callerOf(c), plan, target, c.req.valid('json')), 201);
  });
}
