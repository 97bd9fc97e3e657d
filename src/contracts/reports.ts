/** The monthly supervision bulletin (督查通报): the archive's entries and the month to generate. */
import { z } from '@hono/zod-openapi';
import { codeParam, requestBody, tenantQuery } from './common';

export const bulletinFormatValues = ['docx', 'pdf', 'xlsx'] as const;

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
  .openapi({ example: '2026-10' });

export const bulletinEntrySchema = z
  .object({
    month: z.string(),
    origin: z.enum(['job', 'user']).openapi({ description: 'The monthly job, or a supervisor' }),
    generated_at: z.string(),
    generated_by: z.string().nullable(),
  })
  .openapi('BulletinEntry');

export const bulletinListSchema = z
  .object({ bulletins: z.array(bulletinEntrySchema) })
  .openapi('BulletinList');

export const bulletinGenerateBody = requestBody('BulletinGenerate', { month });

export const bulletinFileParams = z.object({
  month: month.openapi({ param: { name: 'month', in: 'path' } }),
  format: z.enum(bulletinFormatValues).openapi({ param: { name: 'format', in: 'path' } }),
});

export type BulletinEntry = z.infer<typeof bulletinEntrySchema>;
export type BulletinList = z.infer<typeof bulletinListSchema>;
export type BulletinFormatValue = (typeof bulletinFormatValues)[number];

/** A fact sheet or the plan summary on demand, as known at a month's end (default: last month). */
export const documentQuery = tenantQuery.extend({
  month: month.optional().openapi({ param: { name: 'month', in: 'query' } }),
});
export const documentFormatParams = z.object({
  format: z.enum(bulletinFormatValues).openapi({ param: { name: 'format', in: 'path' } }),
});
export const factSheetParams = documentFormatParams.extend({
  indicator: codeParam('indicator', 'path'),
});
