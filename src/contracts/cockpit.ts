/**
 * The leaders' cockpit in one answer (the whole plan on one screen, no waterfall of calls) and
 * the what-if evaluation of one target under an assumption (nothing saved).
 */
import { z } from '@hono/zod-openapi';
import { bilingualText, namedFields, nullableText, programmeFields, targetLine } from './common';
import { departmentSchema, planSummarySchema } from './plans';
import { taskLights } from '../domain/tasks';
import { statusQuery, statusValues, targetStatusSchema } from './status';

export const cockpitTargetSchema = z
  .object({
    ...targetLine,
    qualifier: nullableText,
    goal_area: nullableText,
    indicator: z.object({ ...namedFields, unit: z.string() }).nullable(),
    department: departmentSchema.nullable(),
    evaluation: targetStatusSchema.omit({ expected_path: true }),
    urgency: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '1 = most urgent; null when the target needs no attention' }),
  })
  .openapi('CockpitTarget');
export type CockpitTarget = z.infer<typeof cockpitTargetSchema>;

/** How much a department has overdue (null: items of no department). */
const departmentCount = { department: departmentSchema.nullable(), count: z.number().int() };

export const overdueDepartmentSchema = z
  .object({
    ...departmentCount,
    oldest_due: z.string(),
    items: z
      .array(z.object({ indicator: z.string(), name: z.string(), period: z.string(), due: z.string() }))
      .openapi({ description: 'The oldest overdue values, at most five' }),
  })
  .openapi('OverdueDepartment');

/** A task as the cockpit shows it: its light, why, and where it belongs (the task page has the rest). */
export const cockpitTaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    programme: nullableText,
    lead_department: departmentSchema.nullable(),
    due: nullableText,
    percent: z.number(),
    light: z.enum(taskLights),
    reasons: z.array(bilingualText),
  })
  .openapi('CockpitTask');
export type CockpitTask = z.infer<typeof cockpitTaskSchema>;

export const cockpitTasksSchema = z
  .object({
    total: z.number().int(),
    counts: z.record(z.enum(taskLights), z.number().int()),
    items: z.array(cockpitTaskSchema).openapi({ description: 'Every task the caller may see, red first' }),
    overdue: z
      .array(
        z.object({
          ...departmentCount,
          items: z.array(z.object({ task: z.string(), title: z.string(), reasons: z.array(bilingualText) })),
        }),
      )
      .openapi({
        description: 'Tasks with an overdue report, milestone or due date, by lead department, most first',
      }),
  })
  .openapi('CockpitTasks');
export type CockpitTasks = z.infer<typeof cockpitTasksSchema>;

export const cockpitSchema = z
  .object({
    plan: planSummarySchema,
    as_of: z.string(),
    today: z.string(),
    counts: z.record(z.enum(statusValues), z.number().int()),
    goal_areas: z.array(z.object(namedFields)),
    targets: z.array(cockpitTargetSchema),
    overdue: z.object({ total: z.number().int(), departments: z.array(overdueDepartmentSchema) }),
    programmes: z.array(z.object(programmeFields)),
    tasks: cockpitTasksSchema
      .nullable()
      .openapi({ description: 'The task lights; null when the caller may not read tasks' }),
  })
  .openapi('Cockpit');
export type Cockpit = z.infer<typeof cockpitSchema>;

export const cockpitQuery = statusQuery.omit({ preview: true });

export const whatIfBody = z
  .strictObject({
    growth: z
      .number()
      .min(-99)
      .max(1000)
      .optional()
      .openapi({ description: 'Assumed average growth in percent a year from the latest value' }),
    year: z.number().int().min(1900).max(2200).optional().openapi({ description: 'A coming year…' }),
    value: z
      .number()
      .refine((v) => Number.isFinite(v) && Math.abs(v) < 1e15, 'must be a finite number')
      .optional()
      .openapi({ description: '…and the value assumed for it, in the indicator unit' }),
  })
  .refine((b) => (b.growth !== undefined) !== (b.year !== undefined || b.value !== undefined), {
    message: 'give either growth, or year and value',
  })
  .refine((b) => (b.year === undefined) === (b.value === undefined), {
    message: 'year and value go together',
  })
  .openapi('WhatIfRequest');
export type WhatIfRequest = z.infer<typeof whatIfBody>;

export const whatIfSchema = z
  .object({
    target: z.string(),
    as_of: z.string().openapi({ description: 'When the assumed values would be known' }),
    path: z.array(z.object({ period: z.string(), value: z.number() })),
    target_year: z.number().int(),
    target_year_value: z.number().nullable(),
    evaluation: targetStatusSchema.omit({ expected_path: true }),
  })
  .openapi('WhatIf');
export type WhatIfResponse = z.infer<typeof whatIfSchema>;
