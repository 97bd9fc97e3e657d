/** Evidence files of a reported value: the upload form, the file as listed, the download id. */
import { z } from '@hono/zod-openapi';
import { evidenceFileFields, uploadedFile } from './common';

export const evidenceUploadForm = z.object({ file: uploadedFile('send the evidence as a file') });

export const evidenceSchema = z
  .object({ ...evidenceFileFields, version: z.number().int() })
  .openapi('Evidence');

export const evidenceListSchema = z.object({ evidence: z.array(evidenceSchema) });

export const evidenceIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export type Evidence = z.infer<typeof evidenceSchema>;
