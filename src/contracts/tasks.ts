/**
 * Task supervision (督查督办) contracts: tasks under the plan's actions, their workflow steps,
 * progress reports with co-operating departments' parts and evidence, reviews, extension
 * requests, the timeline, and assessments of qualitative and milestone targets. Request bodies
 * are strict: unknown keys (`state`, `percent`, `version`, `lead_department_id`, …) are refused.
 * Range rules that name a field (percent 0–100, due after start, milestones inside the span)
 * are checked by the service and answered 422 with the field.
 */
import { z } from '@hono/zod-openapi';
import {
  escalationSteps,
  reportCycles,
  reportStatuses,
  taskLights,
  taskPriorities,
  taskStates,
} from '../domain/tasks/types';
import {
  countsOf,
  departmentRef,
  departmentsOf,
  evidenceFileFields,
  ifVersion,
  nullableText,
  requestBody,
} from './common';

const code = z.string().trim().min(1).max(80);
const day = z.iso.date().openapi({ example: '2026-12-31' });
const text = (max: number) => z.string().trim().max(max);
const nonEmpty = (max: number, what: string) => text(max).min(1, `${what} is required`);
const percent = z
  .number()
  .refine((v) => Number.isFinite(v), 'must be a finite number')
  .openapi({ description: 'Percent complete, 0–100 (outside: 422)', example: 40 });
const pathParam = (name: string, example: string) => code.openapi({ param: { name, in: 'path' }, example });

export const taskParams = z.object({
  plan: pathParam('plan', 'yuzhong-2023'),
  task: pathParam('task', 'p5-a1-t1'),
});
export const reportParams = taskParams.extend({
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|Q[1-4]|\d{2})$/, 'period must be YYYY-Www, YYYY-MM or YYYY-Qn')
    .openapi({ param: { name: 'period', in: 'path' }, example: '2026-05' }),
});
export const targetParams = z.object({
  plan: pathParam('plan', 'yuzhong-2023'),
  target: pathParam('target', 't-rule-of-law'),
});
export const evidenceParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const milestoneInput = z
  .object({ title: nonEmpty(200, 'a title'), due: day, done: day.nullable().optional() })
  .strict();

const taskFields = {
  title: nonEmpty(300, 'a title'),
  description: text(5000).nullable().optional(),
  action: code.openapi({ description: 'The action (工作举措) the task belongs to' }),
  lead_department: code.openapi({ description: '牵头单位 (department code)' }),
  co_departments: z.array(code).max(50).optional().openapi({ description: '配合单位' }),
  leader: text(100).nullable().optional().openapi({ description: '责任领导' }),
  start: day,
  due: day,
  cycle: z.enum(reportCycles),
  priority: z.enum(taskPriorities).optional(),
  milestones: z.array(milestoneInput).max(100).optional(),
  targets: z.array(code).max(100).optional(),
  indicators: z.array(code).max(100).optional(),
};

export const taskCreateSchema = requestBody('TaskCreate', {
  id: code
    .regex(/^[\w.-]+$/, 'letters, digits, - _ . only')
    .optional()
    .openapi({ description: 'Task code; default `<action>-t<n>`' }),
  ...taskFields,
});
export type TaskCreate = z.infer<typeof taskCreateSchema>;

/** An edit names only the fields it changes, and the version it was based on. */
export const taskEditSchema = requestBody('TaskEdit', {
  if_version: ifVersion,
  ...z.object(taskFields).partial().shape,
});
export type TaskEdit = z.infer<typeof taskEditSchema>;

export const bulkCreateSchema = requestBody('TaskBulkCreate', {
  start: day,
  due: day,
  cycle: z.enum(reportCycles),
  priority: z.enum(taskPriorities).optional(),
  actions: z
    .array(code)
    .max(1000)
    .optional()
    .openapi({ description: 'Only these actions; default every action without a task' }),
});
export type BulkCreate = z.infer<typeof bulkCreateSchema>;

export const stepSchema = requestBody('TaskStep', { if_version: ifVersion, comment: text(2000).optional() });
export const reasonedStepSchema = requestBody('TaskReasonedStep', {
  if_version: ifVersion,
  comment: nonEmpty(2000, 'a comment'),
});
export const extensionRequestSchema = requestBody('TaskExtensionRequest', {
  if_version: ifVersion,
  new_due: day,
  reason: nonEmpty(2000, 'a reason'),
});

const reportFields = {
  progress: nonEmpty(5000, 'progress (进展情况)'),
  problems: text(5000).nullable().optional(),
  next_steps: text(5000).nullable().optional(),
  percent,
};
export const reportCreateSchema = requestBody('TaskReportCreate', {
  period: reportParams.shape.period.openapi({ param: undefined }),
  ...reportFields,
});
export type ReportCreate = z.infer<typeof reportCreateSchema>;
export const reportEditSchema = requestBody('TaskReportEdit', { if_version: ifVersion, ...reportFields });
export type ReportEdit = z.infer<typeof reportEditSchema>;
export const reportPartSchema = requestBody('TaskReportPart', {
  content: nonEmpty(5000, 'the department’s part'),
  department: code.optional().openapi({ description: 'Which of my co-operating departments (if several)' }),
});
export type ReportPart = z.infer<typeof reportPartSchema>;
export const reviewSchema = requestBody('TaskReportReview', {
  if_version: ifVersion,
  decision: z.enum(['accept', 'return']),
  comment: text(2000).optional().openapi({ description: 'Required when returning' }),
});
export type ReportReview = z.infer<typeof reviewSchema>;

export const assessmentRatings = ['achieved', 'mostly_achieved', 'not_achieved'] as const;
export type AssessmentRating = (typeof assessmentRatings)[number];
export const assessmentCreateSchema = requestBody('TargetAssessmentCreate', {
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'period must be YYYY, YYYY-Qn or YYYY-MM'),
  rating: z.enum(assessmentRatings).openapi({ description: '达成 / 基本达成 / 未达成' }),
  reason: nonEmpty(2000, 'a reason'),
  evidence: text(2000).nullable().optional().openapi({ description: 'Where the evidence is' }),
  if_version: ifVersion.optional().openapi({ description: 'The version of this period’s assessment seen' }),
});
export type AssessmentCreate = z.infer<typeof assessmentCreateSchema>;

/** A page number or a page size in the query: a whole number from 1 to `max`. */
const pageParam = (name: string, max: number, description?: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .openapi({ param: { name, in: 'query' }, ...(description ? { description } : {}) });

export const taskListQuery = z.object({
  programme: code.optional().openapi({ param: { name: 'programme', in: 'query' } }),
  action: code.optional().openapi({ param: { name: 'action', in: 'query' } }),
  department: code
    .optional()
    .openapi({ param: { name: 'department', in: 'query' }, description: 'Lead or co-operating department' }),
  light: z
    .enum(taskLights)
    .optional()
    .openapi({ param: { name: 'light', in: 'query' } }),
  state: z
    .enum(taskStates)
    .optional()
    .openapi({ param: { name: 'state', in: 'query' } }),
  leader: text(100)
    .optional()
    .openapi({ param: { name: 'leader', in: 'query' } }),
  as_of: day.optional().openapi({ param: { name: 'as_of', in: 'query' }, description: 'Default today' }),
  page: pageParam('page', 100_000),
  page_size: pageParam('page_size', 200, 'Default 50, at most 200'),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    action: nullableText,
    action_name: nullableText,
    programme: nullableText,
    ...departmentsOf(departmentRef),
    leader: nullableText,
    start: nullableText,
    due: nullableText,
    cycle: z.enum(reportCycles),
    priority: z.enum(taskPriorities),
    state: z.enum(taskStates),
    percent: z.number(),
    expected_percent: z.number(),
    light: z.enum(taskLights),
    escalation: z.enum(escalationSteps),
    reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })).openapi({
      description: 'Why the light and escalation: overdue, due_soon, lagging, not_started, completed',
    }),
    illustrative: z.boolean().openapi({ description: '示意: a demo task, not a real assignment' }),
    version: z.number().int(),
    next_due: nullableText.openapi({ description: 'The earliest unmet date on or after as_of' }),
    overdue_days: z.number().int().openapi({ description: 'Days since the oldest unmet date; 0 if none' }),
    owed: z
      .array(z.object({ period: z.string(), due: z.string(), returned: z.boolean() }))
      .openapi({ description: 'Report periods begun by as_of and not filed (returned: filed, sent back)' }),
  })
  .openapi('TaskSummary');
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskListSchema = z
  .object({
    as_of: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    counts: countsOf(['red', 'yellow', 'green', 'blue']).openapi({
      description: 'Tasks by light under every filter except `light`',
    }),
    tasks: z.array(taskSummarySchema),
  })
  .openapi('TaskList');
export type TaskList = z.infer<typeof taskListSchema>;

const evidenceSchema = z.object(evidenceFileFields);
const commentSchema = z.object({ kind: z.string(), body: z.string(), author: z.string(), at: z.string() });

export const reportSchema = z
  .object({
    period: z.string(),
    progress: z.string(),
    problems: nullableText,
    next_steps: nullableText,
    percent: z.number(),
    status: z.enum(reportStatuses),
    submitted_by: nullableText,
    submitted_at: nullableText,
    reviewed_by: nullableText,
    reviewed_at: nullableText,
    review_comment: nullableText,
    version: z.number().int(),
    illustrative: z.boolean(),
    parts: z.array(
      z.object({
        department: z.string(),
        content: z.string(),
        submitted_by: z.string(),
        submitted_at: z.string(),
      }),
    ),
    evidence: z.array(evidenceSchema),
    comments: z.array(commentSchema),
  })
  .openapi('TaskReport');
export type TaskReport = z.infer<typeof reportSchema>;

export const taskDetailSchema = taskSummarySchema
  .extend({
    description: nullableText,
    milestones: z.array(z.object({ title: z.string(), due: z.string(), done: nullableText })),
    targets: z.array(z.string()),
    indicators: z.array(z.string()),
    reports: z.array(reportSchema),
    extensions: z.array(
      z.object({
        previous_due: z.string(),
        requested_due: z.string(),
        reason: z.string(),
        requested_by: z.string(),
        requested_at: z.string(),
        decision: z.enum(['pending', 'approved', 'refused']),
        decided_by: nullableText,
        decided_at: nullableText,
        decision_note: nullableText,
      }),
    ),
    comments: z.array(commentSchema),
    timeline: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        kind: z.string(),
        from_state: nullableText,
        to_state: nullableText,
        note: nullableText,
      }),
    ),
  })
  .openapi('TaskDetail');
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const bulkResultSchema = z
  .object({ created: z.array(z.string()), skipped: z.array(z.string()) })
  .openapi('TaskBulkResult');

export const assessmentSchema = z.object({
  period: z.string(),
  rating: z.enum(assessmentRatings),
  reason: z.string(),
  evidence: nullableText,
  version: z.number().int(),
  recorded_by: z.string(),
  recorded_at: z.string(),
  illustrative: z.boolean(),
});
export const assessmentsSchema = z
  .object({
    target: z.string(),
    kind: z.string(),
    text: nullableText,
    current: z.array(assessmentSchema).openapi({ description: 'The latest version for each period' }),
    history: z.array(assessmentSchema),
    tasks: z
      .array(z.object({ id: z.string(), title: z.string(), state: z.enum(taskStates), percent: z.number() }))
      .openapi({ description: 'Linked tasks and their progress, shown beside the assessment' }),
  })
  .openapi('TargetAssessments');
export type TargetAssessments = z.infer<typeof assessmentsSchema>;

export const reviewKinds = ['report', 'extension'] as const;
export const reviewQueueItemSchema = z
  .object({
    kind: z.enum(reviewKinds).openapi({ description: 'report: 进展报告; extension: 延期申请' }),
    task: z.string(),
    title: z.string(),
    department: departmentRef.nullable().openapi({ description: 'The lead department' }),
    submitted_by: z.string().openapi({ description: 'The submitter’s display name (username if none)' }),
    submitted_at: nullableText,
    if_version: z.number().int().openapi({
      description: 'The version the review call expects: the report’s (report) or the task’s (extension)',
    }),
    period: nullableText.openapi({ description: 'The report period (report only)' }),
    percent: z.number().nullable().openapi({ description: 'The reported percent (report only)' }),
    progress: nullableText.openapi({ description: '进展情况 (report only)' }),
    previous_due: nullableText.openapi({ description: 'The due date now (extension only)' }),
    requested_due: nullableText.openapi({ description: 'The date asked for (extension only)' }),
    reason: nullableText.openapi({ description: 'Why (extension only)' }),
    illustrative: z.boolean().openapi({ description: '示意: demo content' }),
  })
  .openapi('TaskReviewQueueItem');
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export const reviewQueueSchema = z
  .object({ items: z.array(reviewQueueItemSchema).openapi({ description: 'Oldest first' }) })
  .openapi('TaskReviewQueue');
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
