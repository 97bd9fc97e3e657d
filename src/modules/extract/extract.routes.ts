/** Extraction over HTTP: paste text or upload a document; get statements and a draft plan. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problemResponses } from '../../contracts/common';
import { extractRequestSchema, extractResponseSchema } from '../../contracts/extract';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { jsonLimit } from '../json-limits';
import { uploadLimit } from '../uploads';
import { MAX_DOCUMENT_BYTES } from './decode';
import { tenantDepartments } from './extract.repository';
import { extractFromText, extractFromUpload } from './extract.service';

const result = {
  200: {
    description: 'Statements and a draft plan',
    content: { 'application/json': { schema: extractResponseSchema } },
  },
  ...problemResponses,
};

const textRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/extract',
  tags: ['extract'],
  summary: 'Extract the quantitative statements of pasted text and draft a plan',
  request: { body: { content: { 'application/json': { schema: extractRequestSchema } }, required: true } },
  responses: result,
});

const uploadRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/extract/upload',
  tags: ['extract'],
  summary: 'Upload a document (.txt, .md, .docx; UTF-8, GB18030, UTF-16) up to 20 MB',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z
              .custom<File>((v) => v instanceof File, 'send the document as a file')
              .openapi({ type: 'string', format: 'binary' }),
            year: z.string().optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: result,
});

export function extractRoutes(app: OpenAPIHono<AppEnv>): void {
  uploadLimit(app, '/api/extract/upload', MAX_DOCUMENT_BYTES, 'Files are limited to 20 MB.');
  // Pasted text may be 2,000,000 characters: up to 6 MB of UTF-8, with JSON escapes.
  jsonLimit('/api/extract', 8 * 1024 * 1024);

  // Task-table names are matched to the caller's own departments (never another tenant's).
  const departmentsOf = (c: Context<AppEnv>) => {
    const actor = c.get('actor');
    return actor.kind === 'anonymous' ? Promise.resolve([]) : tenantDepartments(c.get('db'), actor.tenantId);
  };

  app.openapi(textRoute, async (c) => {
    const body = c.req.valid('json');
    const departments = await departmentsOf(c);
    return c.json(
      extractFromText(body.text, body.document_name ?? 'document.txt', body.year, null, departments),
      200,
    );
  });

  app.openapi(uploadRoute, async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File))
      throw new AppError(400, 'Bad Request', 'Send the document as the `file` field.');
    const yearText = typeof form.year === 'string' && form.year !== '' ? form.year : undefined;
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) {
      throw new AppError(400, 'Bad Request', '`year` must be YYYY.');
    }
    // The name is only a label and a hint for the decoder; it never becomes a path.
    const name = file.name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'document';
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(await extractFromUpload(bytes, name, year, await departmentsOf(c)), 200);
  });
}
