/** Evidence files of a reported value: upload (multipart, ≤ 10 MB), list, download. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { problemResponses } from '../../contracts/common';
import { valueParams } from '../../contracts/data';
import {
  evidenceIdParams,
  evidenceListSchema,
  evidenceSchema,
  evidenceUploadForm,
} from '../../contracts/evidence';
import { callerOf } from '../caller';
import { AppError, coded } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute, formBody, jsonContent as json } from '../route';
import { uploadLimit } from '../uploads';
import { listEvidence, maxEvidenceBytes, readEvidence, uploadEvidence } from './evidence.service';

const path = '/api/plans/{plan}/data/values/{indicator}/{period}/evidence';

const uploadRoute = defineRoute('data:write', {
  method: 'post',
  path,
  tags: ['data'],
  summary: 'Attach an evidence file (PDF, image, office document; type checked by content; ≤ 10 MB)',
  request: { params: valueParams, ...formBody(evidenceUploadForm) },
  responses: { 201: json(evidenceSchema, 'Attached'), ...problemResponses },
});

const listRoute = defineRoute('data:read', {
  method: 'get',
  path,
  tags: ['data'],
  summary: 'Evidence files of every version of a value',
  request: { params: valueParams },
  responses: { 200: json(evidenceListSchema, 'Files'), ...problemResponses },
});

const downloadRoute = defineRoute('data:read', {
  method: 'get',
  path: '/api/evidence/{id}',
  tags: ['data'],
  summary: 'Download an evidence file (as an attachment)',
  request: { params: evidenceIdParams },
  responses: { 200: { description: 'The file' }, ...problemResponses },
});

export function evidenceRoutes(app: OpenAPIHono<AppEnv>): void {
  uploadLimit(
    app,
    '/api/plans/:plan/data/values/:indicator/:period/evidence',
    maxEvidenceBytes,
    'Evidence files are limited to 10 MB.',
  );

  app.openapi(uploadRoute, async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw coded(new AppError(400, 'Bad Request', 'Send the evidence as the `file` field.'), 'file_missing');
    const view = await uploadEvidence(c.get('db'), callerOf(c), c.req.valid('param'), {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(view, 201);
  });

  app.openapi(listRoute, async (c) =>
    c.json({ evidence: await listEvidence(c.get('db'), callerOf(c), c.req.valid('param')) }, 200),
  );

  app.openapi(downloadRoute, async (c) => {
    const file = await readEvidence(c.get('db'), callerOf(c), c.req.valid('param').id);
    return c.body(file.content, 200, {
      'Content-Type': file.contentType,
      // The stored name is already sanitised; the ASCII fallback and RFC 5987 form keep CJK names.
      'Content-Disposition': `attachment; filename="evidence-${c.req.valid('param').id}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  });
}
