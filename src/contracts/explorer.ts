/**
 * The plan explorer (issue 12) in one answer: the two trees of a plan, goal area → target →
 * indicator and programme → action → task, each leaf with its light (a target's status, a task's
 * light) so the page can search and filter without another call.
 */
import { z } from '@hono/zod-openapi';
import { taskLights } from '../domain/tasks';
import { bilingualText, namedFields, nullableText, targetLine } from './common';
import { departmentSchema, planSummarySchema } from './plans';
import { statusValues } from './status';
export const explorerIndicatorSchema = z
  .object({
    ...namedFields,
    unit: z.string(),
    frequency: z.enum(['annual', 'quarterly', 'monthly']),
    department: departmentSchema.nullable(),
    latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  })
  .openapi('ExplorerIndicator');

export const explorerTargetSchema = z
  .object({
    ...targetLine,
    status: z.enum(statusValues),
    stale: z.boolean(),
    explanation: bilingualText,
    indicator: explorerIndicatorSchema.nullable(),
  })
  .openapi('ExplorerTarget');

export const explorerTaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    light: z.enum(taskLights),
    reason: bilingualText.nullable().openapi({ description: 'The first reason for the light' }),
    percent: z.number(),
    due: nullableText,
    lead_department: departmentSchema.nullable(),
    co_departments: z.array(z.string()).openapi({ description: 'Ids of the co-operating departments' }),
  })
  .openapi('ExplorerTask');

export const explorerSchema = z
  .object({
    plan: planSummarySchema,
    as_of: z.string(),
    departments: z.array(departmentSchema).openapi({ description: 'Every department named in the trees' }),
    goal_areas: z.array(
      z.object({
        id: nullableText.openapi({ description: 'null: the targets under no goal area' }),
        name: z.string(),
        name_en: nullableText,
        targets: z.array(explorerTargetSchema),
      }),
    ),
    programmes: z.array(
      z.object({
        id: nullableText.openapi({ description: 'null: the tasks under no programme' }),
        number: z.number().int(),
        name: z.string(),
        name_en: nullableText,
        actions: z.array(
          z.object({
            id: nullableText.openapi({ description: 'null: the programme’s tasks under no action' }),
            name: z.string(),
            name_en: nullableText,
            lead_department: departmentSchema.nullable(),
            tasks: z.array(explorerTaskSchema),
          }),
        ),
      }),
    ),
    tasks_shown: z
      .boolean()
      .openapi({ description: 'false: the caller may not read tasks, so no action lists any' }),
  })
  .openapi('PlanExplorer');

export type PlanExplorer = z.infer<typeof explorerSchema>;
export type ExplorerTarget = z.infer<typeof explorerTargetSchema>;
export type ExplorerTask = z.infer<typeof explorerTaskSchema>;
export type ExplorerIndicator = z.infer<typeof explorerIndicatorSchema>;
