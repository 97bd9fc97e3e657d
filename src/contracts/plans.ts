/** Read contracts of the plan model: plans, goal areas, indicators, targets, observations, programmes. */
import { z } from '@hono/zod-openapi';
import {
  actionFields,
  asOfQuery,
  departmentRef,
  goalAreaFields,
  indicatorDefinition,
  nullableText,
  programmeFields,
  targetStatement,
} from './common';

export const planSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'yuzhong-2023' }),
    title: z.string(),
    title_en: nullableText,
    start: z.number().int(),
    end: z.number().int(),
    baseline_year: z.number().int(),
    status: z.enum(['draft', 'published']),
    version: z.number().int(),
    source: z.object({ title: z.string(), url: nullableText }).nullable(),
  })
  .openapi('PlanSummary');
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const goalAreaSchema = z.object(goalAreaFields).openapi('GoalArea');
export type GoalAreaView = z.infer<typeof goalAreaSchema>;

export const departmentSchema = departmentRef.openapi('Department');

export const observationSchema = z
  .object({
    indicator: z.string(),
    period: z.string(),
    value: z.number(),
    qualifier: nullableText,
    source: nullableText,
    source_url: nullableText,
    note: nullableText,
    illustrative: z
      .boolean()
      .openapi({ description: 'Not a published figure: shown as 示意 (illustrative)' }),
    alternate: z.boolean().openapi({ description: "Another source's figure, kept for the record" }),
    version: z.number().int(),
    recorded_at: z.string(),
    published: nullableText.openapi({ description: 'The day the figure became public' }),
  })
  .openapi('Observation');
export type ObservationView = z.infer<typeof observationSchema>;

export const indicatorSchema = z
  .object({
    ...indicatorDefinition,
    department: departmentSchema.nullable(),
    goal_area: nullableText,
    source: nullableText,
    note: nullableText,
    latest: observationSchema.nullable(),
  })
  .openapi('Indicator');
export type IndicatorView = z.infer<typeof indicatorSchema>;

export const targetSchema = z
  .object({
    id: z.string(),
    ...targetStatement,
    text: nullableText,
    text_en: nullableText,
  })
  .openapi('Target');
export type TargetView = z.infer<typeof targetSchema>;

export const actionSchema = z.object(actionFields(departmentSchema)).openapi('Action');

export const programmeSchema = z
  .object({ ...programmeFields, actions: z.array(actionSchema) })
  .openapi('Programme');
export type ProgrammeView = z.infer<typeof programmeSchema>;

export const planDetailSchema = z
  .object({
    plan: planSummarySchema,
    goal_areas: z.array(goalAreaSchema),
    indicators: z.array(indicatorSchema),
    targets: z.array(targetSchema),
    programmes: z.array(programmeSchema),
  })
  .openapi('PlanDetail');
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const observationsQuery = z.object({
  indicator: z
    .string()
    .max(80)
    .optional()
    .openapi({ param: { name: 'indicator', in: 'query' }, description: 'Only this indicator' }),
  as_of: asOfQuery('As known at the end of this day (UTC)'),
});

export const planListSchema = z.object({ plans: z.array(planSummarySchema) });
export type PlanList = z.infer<typeof planListSchema>;
export const observationListSchema = z.object({ observations: z.array(observationSchema) });
export type ObservationList = z.infer<typeof observationListSchema>;
