/**
 * Bulk upload of data values over HTTP (`/api/plans/{plan}/imports/...`): a CSV or XLSX file is
 * previewed (every row validated, nothing written), then committed by the preview's token as one
 * transaction of submitted values; an error report and the department's template as .xlsx.
 */
import { z } from '@hono/zod-openapi';
import { codeParam, commitToken, messageParams, requestBody, uploadedFile, yearText } from './common';
import { dataWarningSchema } from './data';

export const uploadFormSchema = z.object({ file: uploadedFile('send the file as the `file` field') });

export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
  code: z.string().optional().openapi({ description: 'A stable code of the problem, worded by the client' }),
  params: messageParams.optional(),
});

export const importChangeSchema = z.object({
  row: z.number().int(),
  indicator: z.string(),
  indicator_name: z.string(),
  period: z.string(),
  old: z.number().nullable(),
  new: z.number(),
  kind: z.enum(['add', 'correct', 'same']),
  preliminary: z.boolean().openapi({ description: 'A preliminary value (快报/预计数) of a running period' }),
  warnings: z
    .array(dataWarningSchema)
    .openapi({ description: 'What the entry checks find odd about the row' }),
});

export const importPreviewSchema = z
  .object({
    rows: z.number().int().openapi({ description: 'Data rows read (blank template rows excluded)' }),
    errors: z.array(importProblemSchema),
    changes: z.array(importChangeSchema),
    token: commitToken('Commits this preview within 15 minutes; null when any row is bad'),
  })
  .openapi('ImportPreview');

export const importCommitSchema = requestBody('ImportCommit', { token: z.string().min(16).max(100) });

export const importResultSchema = z
  .object({
    rows: z.number().int(),
    added: z.number().int(),
    corrected: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('ImportResult');

export const templateQuery = z.object({
  department: codeParam('department', 'query', 'tjj'),
  from: yearText.openapi({ param: { name: 'from', in: 'query' }, example: '2025' }),
  to: yearText.openapi({ param: { name: 'to', in: 'query' }, example: '2026' }),
});

export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportChange = z.infer<typeof importChangeSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportResultBody = z.infer<typeof importResultSchema>;
