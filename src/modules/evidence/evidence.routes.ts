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
import type { AppEnv } from '../http';
import { created, formBody, ok } from '../route';
import { routesOn } from '../serve';
import { attachment, formFile } from '../uploads';
import { listEvidence, maxEvidenceBytes, readEvidence, uploadEvidence } from './evidence.service';

const path = '/api/plans/{plan}/data/values/{indicator}/{period}/evidence';

export function evidenceRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['data'], problemResponses);
  route
    .post('data:write', path, {
      summary: 'Attach an evidence file (PDF, image, office document; type checked by content; ≤ 10 MB)',
      request: { params: valueParams, ...formBody(evidenceUploadForm) },
      responses: created(evidenceSchema, 'Attached'),
    })
    .upload(maxEvidenceBytes, 'Evidence files are limited to 10 MB.')
    .json(201, async ({ c, db, caller, param }) => {
      const { name, bytes } = await formFile(c, 'Send the evidence as the `file` field.', 'file_missing');
      return uploadEvidence(db, caller, param, { name, bytes });
    });
  route
    .get('data:read', path, {
      summary: 'Evidence files of every version of a value',
      request: { params: valueParams },
      responses: ok(evidenceListSchema, 'Files'),
    })
    .json(200, async ({ db, caller, param }) => ({ evidence: await listEvidence(db, caller, param) }));
  route
    .get('data:read', '/api/evidence/{id}', {
      summary: 'Download an evidence file (as an attachment)',
      request: { params: evidenceIdParams },
      responses: { 200: { description: 'The file' } },
    })
    .file(async ({ c, db, caller, param }) =>
      attachment(c, await readEvidence(db, caller, param.id), `evidence-${param.id}`),
    );
}
