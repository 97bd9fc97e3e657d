/** Contracts of the audit reader: filters, a page of rows (newest first) and the next cursor. */
import { z } from '@hono/zod-openapi';
import { nullableText } from './common';

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export const auditMaxPage = 200;

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const auditQuery = z.object({
  actor: z.string().max(200).optional().openapi({ description: 'Actor label, e.g. a user name' }),
  action: z.string().max(100).optional().openapi({ example: 'user.create' }),
  object_type: z.string().max(100).optional().openapi({ example: 'user' }),
  outcome: z.enum(auditOutcomes).optional(),
  from: instant.optional().openapi({ description: 'From this instant or day (inclusive)' }),
  to: instant.optional().openapi({ description: 'Up to this instant or the end of this day' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .openapi({
      description: `Page size, default 50, at most ${auditMaxPage} (larger asks get ${auditMaxPage})`,
    }),
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .optional()
    .openapi({ description: 'next_cursor of the previous page' }),
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    object_type: nullableText,
    object_id: nullableText,
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: nullableText,
    source_ip: nullableText,
    outcome: z.string(),
  })
  .openapi('AuditEntry');

export const auditPageSchema = z
  .object({ entries: z.array(auditEntrySchema), next_cursor: z.number().int().nullable() })
  .openapi('AuditPage');

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
