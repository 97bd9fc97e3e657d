/** Extraction over HTTP: paste text or upload a document; get statements and a draft plan. */
import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { problemResponses, uploadedFile } from '../../contracts/common';
import { extractRequestSchema, extractResponseSchema } from '../../contracts/extract';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { formBody, jsonBody, ok } from '../route';
import { routesOn, type Served } from '../serve';
import { jsonLimit } from '../json-limits';
import { formFile } from '../uploads';
import { MAX_DOCUMENT_BYTES } from './decode';
import { tenantDepartments } from './extract.repository';
import { extractFromText, extractFromUpload } from './extract.service';

const result = ok(extractResponseSchema, 'Statements and a draft plan');

/** Task-table names are matched to the caller's own departments (never another tenant's). */
const departmentsOf = ({ c, db }: Pick<Served<RouteConfig>, 'c' | 'db'>) => {
  const actor = c.get('actor');
  return actor.kind === 'anonymous' ? Promise.resolve([]) : tenantDepartments(db, actor.tenantId);
};

export function extractRoutes(app: OpenAPIHono<AppEnv>): void {
  // Pasted text may be 2,000,000 characters: up to 6 MB of UTF-8, with JSON escapes.
  jsonLimit('/api/extract', 8 * 1024 * 1024);

  const route = routesOn(app, ['extract'], problemResponses);
  route
    .post('plan:write', '/api/extract', {
      summary: 'Extract the quantitative statements of pasted text and draft a plan',
      request: jsonBody(extractRequestSchema),
      responses: result,
    })
    .json(200, async (served) => {
      const { text, document_name, year } = served.json;
      return extractFromText(text, document_name ?? 'document.txt', year, null, await departmentsOf(served));
    });

  route
    .post('plan:write', '/api/extract/upload', {
      summary: 'Upload a document (.txt, .md, .docx; UTF-8, GB18030, UTF-16) up to 20 MB',
      request: formBody(
        z.object({ file: uploadedFile('send the document as a file'), year: z.string().optional() }),
      ),
      responses: result,
    })
    .upload(MAX_DOCUMENT_BYTES, 'Files are limited to 20 MB.')
    .json(200, async (served) => {
      const { form, name, bytes } = await formFile(served.c, 'Send the document as the `file` field.');
      const yearText = typeof form.year === 'string' && form.year !== '' ? form.year : undefined;
      const year = yearText === undefined ? undefined : Number(yearText);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) {
        throw new AppError(400, 'Bad Request', '`year` must be YYYY.');
      }
      // The name is only a label and a hint for the decoder; it never becomes a path.
      const label = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'document';
      return extractFromUpload(bytes, label, year, await departmentsOf(served));
    });
}
