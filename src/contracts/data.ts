/**
 * Data collection contracts: values moving through the approval workflow (draft → submitted →
 * approved → accepted, or returned), the reporting calendar, review queues, value history and
 * in-app notifications. Request bodies are strict: unknown keys (`department_id`, `status`,
 * `recorded_by`, `version`, …) are refused with 400, never silently applied.
 */
import { z } from '@hono/zod-openapi';
import { ifVersion, messageParams, nullableText, requestBody, yearText } from './common';
import { cleanText } from './text';

export const workflowStatuses = ['draft', 'submitted', 'approved', 'accepted', 'returned'] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];
/** A row replaced by a later edit before acceptance keeps its place in the history as `superseded`. */
export const rowStatuses = [...workflowStatuses, 'superseded'] as const;
export type RowStatus = (typeof rowStatuses)[number];

const code = z.string().min(1).max(80);
const period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'period must be YYYY, YYYY-Qn or YYYY-MM')
  .openapi({ example: '2026' });
const text = (max: number) => cleanText(z.string().trim().max(max), true);
const finite = z
  .number()
  .refine((v) => Number.isFinite(v) && Math.abs(v) < 1e15, 'must be a number between -10^15 and 10^15')
  .openapi({ example: 1850.2 });
const reason = text(1000).min(1, 'a reason is required');

/** What a reporter may say about a value besides the figure, on entry, edit and correction. */
const valueDetails = {
  source: text(500).nullable().optional(),
  note: text(2000).nullable().optional(),
  preliminary: z
    .boolean()
    .optional()
    .openapi({ description: 'A preliminary value (快报/预计数); always so for a period not yet ended' }),
  check_reason: text(1000).nullable().optional(),
};

export const valueParams = z.object({
  plan: code.openapi({ param: { name: 'plan', in: 'path' }, example: 'yuzhong-2023' }),
  indicator: code.openapi({ param: { name: 'indicator', in: 'path' }, example: 'gdp' }),
  period: period.openapi({ param: { name: 'period', in: 'path' } }),
});

/** A body that states a value: what identifies or guards it and its figure, then its details. */
const valueBody = <T extends z.ZodRawShape>(name: string, figure: T) =>
  requestBody(name, { ...figure, ...valueDetails });

export const valueCreateSchema = valueBody('DataValueCreate', { indicator: code, period, value: finite });
export type ValueCreate = z.infer<typeof valueCreateSchema>;

export const valueEditSchema = valueBody('DataValueEdit', {
  if_version: ifVersion,
  value: finite.optional(),
});
export type ValueEdit = z.infer<typeof valueEditSchema>;

export const correctionSchema = valueBody('DataValueCorrection', {
  if_version: ifVersion,
  value: finite,
  reason,
});
export type Correction = z.infer<typeof correctionSchema>;

export const transitionSchema = requestBody('DataTransition', {
  if_version: ifVersion,
  reason: reason.optional(),
});

export const reasonedTransitionSchema = requestBody('DataReasonedTransition', {
  if_version: ifVersion,
  reason,
});

export const dataValueSchema = z
  .object({
    indicator: z.string(),
    department: nullableText,
    period: z.string(),
    value: z.number(),
    source: nullableText,
    note: nullableText,
    status: z.enum(rowStatuses),
    version: z.number().int(),
    replaces_version: z.number().int().nullable(),
    recorded_by: nullableText.openapi({ description: 'User name; null for a token or an import' }),
    recorded_at: z.string(),
    reason: nullableText,
    preliminary: z.boolean().openapi({ description: 'A preliminary value (快报/预计数)' }),
    indicator_name: z.string(),
    indicator_name_en: nullableText,
    unit: z.string(),
    department_name: nullableText,
    department_name_en: nullableText,
    recorded_by_display: nullableText.openapi({ description: 'The person’s display name' }),
    check_reason: nullableText.openapi({ description: 'Why the reporter kept a value warned about' }),
  })
  .openapi('DataValue');
export type DataValue = z.infer<typeof dataValueSchema>;

/** A finding of the entry checks (src/domain/data-checks): a stable code, its numbers, a sentence. */
export const dataWarningSchema = z
  .object({ code: z.string(), params: messageParams, message: z.string() })
  .openapi('DataWarning');
export type DataWarning = z.infer<typeof dataWarningSchema>;

export const valueDetailSchema = z
  .object({
    value: dataValueSchema,
    accepted: dataValueSchema
      .nullable()
      .openapi({ description: 'The version that counts until another is accepted' }),
    returned: z
      .object({ reason: nullableText, by: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: 'Who returned the value under work, when and why (null unless returned)' }),
    warnings: z
      .array(dataWarningSchema)
      .openapi({ description: 'What the entry checks find odd about the value' }),
  })
  .openapi('DataValueDetail');
export type DataValueDetail = z.infer<typeof valueDetailSchema>;

export const historyEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  actor_name: nullableText,
  action: z.string(),
  version: z.number().int().nullable(),
  from_status: nullableText,
  to_status: nullableText,
  reason: nullableText,
});

export const historySchema = z
  .object({
    indicator: z.string(),
    period: z.string(),
    versions: z.array(
      dataValueSchema.extend({
        changes: z
          .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
          .openapi({ description: 'Fields that differ from the previous version' }),
      }),
    ),
    events: z.array(historyEventSchema),
  })
  .openapi('DataValueHistory');
export type DataHistory = z.infer<typeof historySchema>;

export const calendarQuery = z.object({
  department: code.optional().openapi({ param: { name: 'department', in: 'query' } }),
});

export const calendarSchema = z
  .object({
    today: z.string(),
    indicators: z.array(
      z.object({
        indicator: z.string(),
        name: z.string(),
        unit: z.string(),
        frequency: z.string(),
        department: nullableText,
        department_name: nullableText,
        department_name_en: nullableText,
        name_en: nullableText,
        preliminary_allowed: z.boolean(),
        periods: z.array(
          z.object({
            period: z.string(),
            due: z.string(),
            status: z.enum(['missing', ...workflowStatuses]),
            version: z.number().int().nullable(),
            overdue: z.boolean(),
            standing: z.enum(['upcoming', 'running', 'due', 'due_soon', 'overdue']),
            preliminary: z.boolean().openapi({ description: 'The value under work is preliminary' }),
          }),
        ),
      }),
    ),
  })
  .openapi('DataCalendar');
export type DataCalendar = z.infer<typeof calendarSchema>;

export const queueSchema = z
  .object({ values: z.array(dataValueSchema.extend({ awaiting: z.enum(['approval', 'acceptance']) })) })
  .openapi('DataQueue');
export type QueueEntry = z.infer<typeof queueSchema>['values'][number];
export type QueueList = z.infer<typeof queueSchema>;

/** A value to check before it is entered: the entry checks' warnings, nothing written. */
export const checkRequestSchema = requestBody('DataCheckRequest', { indicator: code, period, value: finite });
export const checkResultSchema = z
  .object({ warnings: z.array(dataWarningSchema) })
  .openapi('DataCheckResult');
export type CheckResult = z.infer<typeof checkResultSchema>;

export const districtQuery = z.object({
  year: yearText.optional().openapi({ param: { name: 'year', in: 'query' }, example: '2025' }),
});

const districtItem = z.object({
  indicator: z.string(),
  indicator_name: z.string(),
  period: z.string(),
  due: z.string(),
  state: z.enum(['on_time', 'late', 'missing', 'pending']),
  arrived: nullableText,
});

/** The district's reporting by department: on time, late, missing (supervisors). */
export const districtSchema = z
  .object({
    today: z.string(),
    departments: z.array(
      z.object({
        department: z.string(),
        department_name: z.string(),
        department_name_en: nullableText,
        state: z.enum(['on_time', 'late', 'missing']),
        on_time: z.number().int(),
        late: z.number().int(),
        missing: z.number().int(),
        pending: z.number().int(),
        items: z.array(districtItem).openapi({ description: 'Late and missing values first' }),
      }),
    ),
  })
  .openapi('DataDistrict');
export type DataDistrict = z.infer<typeof districtSchema>;

export const urgeSchema = requestBody('DataUrge', {
  department: code,
  note: text(500).nullable().optional(),
});
export const urgeResultSchema = z
  .object({ department: z.string(), department_name: z.string(), missing: z.number().int() })
  .openapi('DataUrgeResult');
export type UrgeResult = z.infer<typeof urgeResultSchema>;

/** The workflow steps of a value, each a `POST …/values/{indicator}/{period}/{step}`. */
export const dataTransitions = ['submit', 'approve', 'accept', 'return', 'reopen'] as const;
export type DataTransition = (typeof dataTransitions)[number];
