/** Extraction contracts: a document's text in, its quantitative statements and a draft plan out. */
import { planFileSchema } from '../domain/plan-file/schema';
import { z } from '@hono/zod-openapi';
import { requestBody } from './common';

export const extractRequestSchema = requestBody('ExtractRequest', {
  text: z.string().min(1).max(2_000_000),
  document_name: z.string().max(200).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
});

export const statementSchema = z
  .object({
    text: z.string(),
    subject: z.string(),
    value: z.number(),
    unit: z.string(),
    kind: z.string(),
    qualifier: z.string(),
    period: z.enum(['achievement', 'target']),
    target_year: z.number().int().nullable(),
    horizon: z.string().optional(),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Statement');

export const draftLinkSchema = z.object({
  kind: z.enum(['target', 'indicator', 'observation', 'programme', 'action', 'goal_area', 'task']),
  id: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export const extractResponseSchema = z
  .object({
    text: z.string().openapi({ description: 'The decoded text the offsets refer to' }),
    encoding: z.string().nullable(),
    year: z.number().int().nullable(),
    statements: z.array(statementSchema),
    draft: z
      .object({
        plan: planFileSchema,
        links: z.array(draftLinkSchema),
        warnings: z
          .array(z.object({ row: z.number().int(), message: z.string() }))
          .openapi({ description: 'Rows of a task-division table the reviewer must check' }),
      })
      .nullable()
      .openapi({ description: 'A draft plan file (edit, then POST /api/plans), null without a year' }),
    draft_problem: z.string().nullable(),
    departments: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .optional()
      .openapi({ description: "The caller's departments, which the task table's units were matched to" }),
  })
  .openapi('ExtractResult');

export const createPlanSchema = requestBody('CreatePlan', {
  plan: z.record(z.string(), z.unknown()).openapi({ description: 'A plan file as JSON' }),
});

export type ExtractResult = z.infer<typeof extractResponseSchema>;
export type StatementView = z.infer<typeof statementSchema>;
export type CreatePlan = z.infer<typeof createPlanSchema>;
