/**
 * The red list of task supervision (督办事项): tasks on the 督办 step, tasks past their own due
 * date, and progress reports past their deadline, as of a day. The bulletin and the board's red
 * list page read it; a department sees only its own tasks.
 */
import { z } from '@hono/zod-openapi';
import { bilingualText, departmentRef, nullableText } from './common';

const day = z.iso.date().openapi({ example: '2026-07-02' });

export const redListQuery = z.object({
  as_of: day.optional().openapi({ param: { name: 'as_of', in: 'query' }, description: 'Default today' }),
  department: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .openapi({ param: { name: 'department', in: 'query' }, description: 'Lead department code' }),
});

export const redListEntrySchema = z
  .object({
    task: z.string(),
    title: z.string(),
    action: nullableText,
    lead_department: departmentRef.nullable(),
    leader: nullableText,
    /** What is late: the task itself, a milestone, or the report of a period. */
    item: z.object({
      kind: z.enum(['task', 'milestone', 'report']),
      title: z.string().optional(),
      period: z.string().optional(),
    }),
    date: z.string().openapi({ description: 'The date missed' }),
    days: z.number().int().openapi({ description: 'Days overdue as of the day' }),
    reason: bilingualText,
    notice_sent_at: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: '督办事项: when the 督办 notice went out (null: not yet sent by the job)' }),
  })
  .openapi('RedListEntry');

export const redListSchema = z
  .object({
    as_of: z.string(),
    notice_after_days: z.number().int(),
    notices: z
      .array(redListEntrySchema)
      .openapi({ description: '督办事项: overdue by more than notice_after_days' }),
    overdue_tasks: z
      .array(redListEntrySchema)
      .openapi({ description: '逾期未办结: past the task’s due date' }),
    overdue_reports: z
      .array(redListEntrySchema)
      .openapi({ description: '逾期未报送: each report period past its deadline' }),
  })
  .openapi('TaskRedList');

export type RedListQuery = z.infer<typeof redListQuery>;
export type RedListEntry = z.infer<typeof redListEntrySchema>;
export type RedList = z.infer<typeof redListSchema>;
