/**
 * Open data of the public portal (`/api/public/…`): the allowlist of what the public sees of a
 * published plan. Nothing outside these shapes leaves the server: no internal notes, no
 * workflow state, no evidence, no people.
 */
import { z } from '@hono/zod-openapi';
import {
  actionFields,
  departmentRef,
  departmentsOf,
  goalAreaFields,
  indicatorDefinition,
  namedFields,
  nullableText,
  programmeFields,
  requestBody,
  targetStatement,
} from './common';
import { targetStatusSchema } from './status';

export const publicDepartmentSchema = departmentRef.openapi('PublicDepartment');
export type PublicDepartment = z.infer<typeof publicDepartmentSchema>;

export const publicObservationSchema = z
  .object({
    period: z.string().openapi({ example: '2025' }),
    value: z.number(),
    qualifier: nullableText,
    source: nullableText,
    illustrative: z.boolean(),
    alternate: z.boolean(),
    updated: z.string().openapi({ description: 'The day the figure was published or last updated' }),
  })
  .openapi('PublicObservation');
export type PublicObservation = z.infer<typeof publicObservationSchema>;

export const publicIndicatorSchema = z
  .object({
    ...indicatorDefinition,
    definition: nullableText,
    source: nullableText,
    department: publicDepartmentSchema.nullable(),
    goal_area: nullableText,
    observations: z.array(publicObservationSchema),
    updated: nullableText,
    targets: z.array(z.string()),
  })
  .openapi('PublicIndicator');
export type PublicIndicator = z.infer<typeof publicIndicatorSchema>;

export const publicEvaluationSchema = targetStatusSchema.omit({ problem: true }).openapi('PublicEvaluation');
export type PublicEvaluation = z.infer<typeof publicEvaluationSchema>;

export const publicTargetSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    text_en: nullableText,
    ...targetStatement,
    evaluation: publicEvaluationSchema.nullable(),
    updated: nullableText,
  })
  .openapi('PublicTarget');
export type PublicTarget = z.infer<typeof publicTargetSchema>;

export const publicGoalAreaSchema = z
  .object({
    ...goalAreaFields,
    targets: z.array(z.string()),
    indicators: z.array(z.string()),
  })
  .openapi('PublicGoalArea');
export type PublicGoalArea = z.infer<typeof publicGoalAreaSchema>;

export const publicTaskProgress = ['not_started', 'in_progress', 'overdue', 'completed'] as const;

/**
 * A published task as the public sees it: what, who leads, when, and its progress from accepted
 * reports only. No responsible leader, no report text, no evidence, no workflow detail.
 */
export const publicTaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    action: nullableText,
    ...departmentsOf(publicDepartmentSchema),
    start: nullableText,
    due: nullableText,
    progress: z.enum(publicTaskProgress),
    percent: z.number().nullable().openapi({ description: 'From the latest accepted progress report' }),
    reported: nullableText.openapi({ description: 'The period of the latest accepted progress report' }),
    illustrative: z.boolean().openapi({ description: '示意: a demo task, not a real assignment' }),
  })
  .openapi('PublicTask');
export type PublicTask = z.infer<typeof publicTaskSchema>;

export const publicProgrammeSchema = z
  .object({
    ...programmeFields,
    actions: z.array(z.object(actionFields(publicDepartmentSchema))),
    tasks: z.array(publicTaskSchema).openapi({ description: 'Its published tasks only' }),
  })
  .openapi('PublicProgramme');
export type PublicProgramme = z.infer<typeof publicProgrammeSchema>;

export const publicationKinds = ['goal_area', 'target', 'indicator', 'task'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

export const publicChangeSchema = z
  .object({
    at: z.string(),
    action: z.enum(['publish', 'unpublish', 'data']),
    kind: z.enum(publicationKinds),
    ...namedFields,
    periods: z.array(z.string()),
  })
  .openapi('PublicChange');
export type PublicChange = z.infer<typeof publicChangeSchema>;

export const publicPlanSchema = z
  .object({
    plan: z.object({
      id: z.string(),
      title: z.string(),
      title_en: nullableText,
      start: z.number().int(),
      end: z.number().int(),
      baseline_year: z.number().int(),
      source: nullableText,
    }),
    as_of: z.string(),
    updated: nullableText,
    counts: z.record(z.string(), z.number().int()),
    goal_areas: z.array(publicGoalAreaSchema),
    targets: z.array(publicTargetSchema),
    indicators: z.array(publicIndicatorSchema),
    programmes: z.array(publicProgrammeSchema),
    changes: z.array(publicChangeSchema),
  })
  .openapi('PublicPlan');
export type PublicPlan = z.infer<typeof publicPlanSchema>;

/** A supervisor's publishing request: show or withdraw one object of a plan (a task is shown only once published). */
export const publishableKinds = publicationKinds;

export const publicationRequestSchema = requestBody('PublicationRequest', {
  kind: z.enum(publishableKinds),
  id: z.string().min(1).max(80),
  published: z.boolean(),
});
export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

export const publicationStateSchema = z
  .object({
    kind: z.enum(publishableKinds),
    id: z.string(),
    name: z.string(),
    published: z.boolean(),
    changed_at: nullableText,
  })
  .openapi('PublicationState');
export type PublicationState = z.infer<typeof publicationStateSchema>;
