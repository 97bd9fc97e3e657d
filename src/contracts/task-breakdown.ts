/**
 * The Excel 任务分解表: upload preview (the rows read and every problem by row and column, a
 * commit token only when there is none) and the all-or-nothing commit.
 */
import { z } from '@hono/zod-openapi';
import { reportCycles, taskPriorities } from '../domain/tasks/types';
import { commitToken, requestBody, uploadedFile } from './common';

export const breakdownUploadSchema = z.object({
  file: uploadedFile('send the file as the `file` field', 'The filled-in .xlsx template'),
});

export const breakdownPreviewSchema = z
  .object({
    rows: z.array(
      z.object({
        row: z.number().int(),
        id: z.string().nullable(),
        action: z.string().nullable(),
        title: z.string(),
        lead_department: z.string(),
        co_departments: z.array(z.string()),
        leader: z.string().nullable(),
        start: z.string(),
        due: z.string(),
        cycle: z.enum(reportCycles),
        priority: z.enum(taskPriorities),
        percent: z.number().nullable(),
        milestones: z.array(z.object({ title: z.string(), due: z.string() })),
        targets: z.array(z.string()),
      }),
    ),
    errors: z
      .array(z.object({ row: z.number().int(), field: z.string(), message: z.string() }))
      .openapi({ description: 'Every problem, naming the row and the column; any one blocks the commit' }),
    token: commitToken('Commit token (15 minutes); null when there are errors'),
  })
  .openapi('TaskBreakdownPreview');

export const breakdownCommitSchema = requestBody('TaskBreakdownCommit', {
  token: z.string().min(1).max(200),
});

export const breakdownResultSchema = z
  .object({
    created: z.array(z.string()).openapi({ description: 'Codes of the tasks created, in row order' }),
  })
  .openapi('TaskBreakdownResult');

export type BreakdownPreview = z.infer<typeof breakdownPreviewSchema>;
export type BreakdownResult = z.infer<typeof breakdownResultSchema>;
