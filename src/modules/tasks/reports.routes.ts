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
import type { AppEnv } from '../http';
import { created, formBody, jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { attachment, formFile } from '../uploads';
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
import { problems } from './tasks.routes';

const reports = '/api/plans/{plan}/tasks/{task}/reports';
const report = `${reports}/{period}`;
const assessments = '/api/plans/{plan}/targets/{target}/assessments';

/** Mounts report, evidence and assessment routes. */
export function reportRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['tasks'], problems);
  route
    .post('task:write', reports, {
      operationId: 'fileTaskReport',
      summary: 'File this cycle’s progress report (lead department)',
      request: { params: taskParams, ...jsonBody(reportCreateSchema) },
      responses: created(taskDetailSchema, 'The task with the new report'),
    })
    .json(201, ({ db, caller, param, json }) => fileReport(db, caller, param, json));
  route
    .patch('task:write', report, {
      operationId: 'editTaskReport',
      summary: 'Correct a report before acceptance; a returned one goes back for review',
      request: { params: reportParams, ...jsonBody(reportEditSchema) },
      responses: ok(taskDetailSchema, 'The task with the corrected report'),
    })
    .json(200, ({ db, caller, param, json }) => editReport(db, caller, param, json));
  route
    .put('task:write', `${report}/parts`, {
      operationId: 'putTaskReportPart',
      summary: 'A co-operating department adds (or replaces) its part of a report',
      request: { params: reportParams, ...jsonBody(reportPartSchema) },
      responses: ok(taskDetailSchema, 'The task with the part'),
    })
    .json(200, ({ db, caller, param, json }) => addReportPart(db, caller, param, json));
  route
    .post('task:supervise', `${report}/review`, {
      operationId: 'reviewTaskReport',
      summary: 'Accept or return a report with a comment (supervisor); accepted at 100% completes the task',
      request: { params: reportParams, ...jsonBody(reviewSchema) },
      responses: ok(taskDetailSchema, 'The task after the review'),
    })
    .json(200, ({ db, caller, param, json }) => reviewReport(db, caller, param, json));
  route
    .post('task:write', `${report}/evidence`, {
      operationId: 'uploadTaskReportEvidence',
      summary: 'Attach an evidence file to a report (PDF, image, office document; ≤ 10 MB)',
      request: { params: reportParams, ...formBody(evidenceUploadForm) },
      responses: created(taskDetailSchema, 'The task with the file listed'),
    })
    .upload(maxReportEvidenceBytes, '佐证材料不超过10 MB。 Evidence files are limited to 10 MB.')
    .json(201, async ({ c, db, caller, param }) => {
      const { name, bytes } = await formFile(
        c,
        '请以 file 字段上传文件。 Send the evidence as the `file` field.',
      );
      return uploadReportEvidence(db, caller, param, { name, bytes });
    });
  route
    .get('task:read', '/api/task-evidence/{id}', {
      operationId: 'downloadTaskReportEvidence',
      summary: 'Download a report’s evidence file (as an attachment)',
      request: { params: evidenceParams },
      responses: { 200: { description: 'The file' } },
    })
    .file(async ({ c, db, caller, param }) =>
      attachment(c, await readReportEvidence(db, caller, param.id), `evidence-${param.id}`),
    );
  route
    .get('task:read', assessments, {
      operationId: 'listTargetAssessments',
      summary: 'Assessments of a qualitative or milestone target, with the linked tasks’ progress',
      request: { params: targetParams },
      responses: ok(assessmentsSchema, 'The assessments'),
    })
    .json(200, ({ db, caller, param }) => listAssessments(db, caller, param.plan, param.target));
  route
    .post('task:supervise', assessments, {
      operationId: 'assessTarget',
      summary: 'Assess a period: 达成 / 基本达成 / 未达成 with a reason (a new version)',
      request: { params: targetParams, ...jsonBody(assessmentCreateSchema) },
      responses: created(assessmentsSchema, 'The assessments with the new version'),
    })
    .json(201, ({ db, caller, param, json }) => assessTarget(db, caller, param.plan, param.target, json));
}
