/** Shapes shared by every endpoint: the RFC 9457 problem, path and query parameters. */
import { z } from '@hono/zod-openapi';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          code: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional()
      .openapi({ description: 'Field-level problems of a rejected request' }),
    error_id: z.string().optional().openapi({ description: 'Quote this id when reporting the problem' }),
    code: z
      .string()
      .optional()
      .openapi({ description: 'A stable code of the problem, worded by the client' }),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .openapi({ description: 'The values the coded problem names' }),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof problemSchema>;

/** An OpenAPI response block for a problem+json answer. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const planParams = z.object({
  plan: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'plan', in: 'path' }, example: 'yuzhong-2023' }),
});

export const tenantQuery = z.object({
  tenant: z
    .string()
    .max(80)
    .optional()
    .openapi({
      param: { name: 'tenant', in: 'query' },
      description: 'Tenant slug; default the first tenant',
    }),
});

export const problemResponses = {
  400: { description: 'Bad request', content: { 'application/problem+json': { schema: problemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
} as const;

/** A sentence in both languages (a reason, an explanation). */
export const bilingualText = z.object({ zh: z.string(), en: z.string() });
