/** Evidence files of a reported value: upload (multipart, ≤ 10 MB), list, download. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { problemResponses } from '../../contracts/common';
import { callerOf } from '../caller';
import { AppError, coded } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { uploadLimit } from '../uploads';
import { listEvidence, maxEvidenceBytes, readEvidence, uploadEvidence } from './evidence.service';

const evidenceSchema = z
  .object({
    id: z.number().int(),
    file_name: z.string(),
    content_type: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploaded_at: z.string(),
    version: z.number().int(),
  })
  .openapi('Evidence');

const params = z.object({
  plan: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'plan', in: 'path' } }),
  indicator: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'indicator', in: 'path' } }),
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'period must be YYYY, YYYY-Qn or YYYY-MM')
    .openapi({ param: { name: 'period', in: 'path' } }),
});
const path = '/api/plans/{plan}/data/values/{indicator}/{period}/evidence';

const uploadRoute = defineRoute('data:write', {
  method: 'post',
  path,
  tags: ['data'],
  summary: 'Attach an evidence file (PDF, image, office document; type checked by content; ≤ 10 MB)',
  request: {
    params,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z
              .custom<File>((v) => v instanceof File, 'send the evidence as a file')
              .openapi({ type: 'string', format: 'binary' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: 'Attached', content: { 'application/json': { schema: evidenceSchema } } },
    ...problemResponses,
  },
});

const listRoute = defineRoute('data:read', {
  method: 'get',
  path,
  tags: ['data'],
  summary: 'Evidence files of every version of a value',
  request: { params },
  responses: {
    200: {
      description: 'Files',
      content: { 'application/json': { schema: z.object({ evidence: z.array(evidenceSchema) }) } },
    },
    ...problemResponses,
  },
});

const downloadRoute = defineRoute('data:read', {
  method: 'get',
  path: '/api/evidence/{id}',
  tags: ['data'],
  summary: 'Download an evidence file (as an attachment)',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
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
