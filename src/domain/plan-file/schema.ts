/**
 * The plan file (CONTRACT.md): one YAML or JSON document that describes a plan, its indicators,
 * targets, observations, goal areas, programmes and actions, tasks and their progress reports. The same zod schema validates files,
 * feeds the API contracts and types the importer.
 */
import { z } from 'zod';
import { id, isoDate, text, webUrl, year } from './primitives';
import { taskReportSchema, taskSchema, taskSettingsSchema } from './tasks-schema';

export const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const period = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine((v) => periodPattern.test(v), 'period must be YYYY, YYYY-Qn or YYYY-MM');

export const qualifiers = ['exact', 'approx', 'near', 'at_least', 'exceeded', 'at_most'] as const;
export const targetKinds = [
  'level',
  'annual_floor',
  'annual_cap',
  'growth_rate',
  'rank',
  'streak',
  'milestone',
  'qualitative',
] as const;

export const planSettingsSchema = z
  .object({
    approx_tolerance: z.number().min(0).max(1).default(0.05),
    on_track: z.number().min(0).max(10).default(0.95),
    at_risk: z.number().min(0).max(10).default(0.6),
    /** Task supervision rules (督查督办), CONTRACT.md defaults. */
    tasks: taskSettingsSchema.optional(),
  })
  .strict();

export const planHeaderSchema = z
  .object({
    id,
    title: text,
    title_en: text.optional(),
    start: year,
    end: year,
    baseline_year: year,
    status: z.enum(['draft', 'published']).optional(),
    source: z.object({ title: text, url: webUrl.optional() }).strict().optional(),
    settings: planSettingsSchema.optional(),
  })
  .strict()
  .refine((p) => p.end >= p.start, { message: 'end must not be before start', path: ['end'] })
  .refine((p) => p.baseline_year <= p.start, {
    message: 'baseline_year must not be after start',
    path: ['baseline_year'],
  });

export const departmentSchema = z.object({ id, name: text, name_en: text.optional() }).strict();

export const goalAreaSchema = z
  .object({ id, name: text, name_en: text.optional(), description: text.optional() })
  .strict();

export const indicatorSchema = z
  .object({
    id,
    name: text,
    name_en: text.optional(),
    unit: z.string().trim().min(1).max(40),
    direction: z.enum(['up', 'down']),
    frequency: z.enum(['annual', 'quarterly', 'monthly']),
    measure: z.enum(['flow', 'stock', 'ratio']),
    formula: z.string().trim().min(1).max(500).optional(),
    department: id.optional(),
    goal_area: id.optional(),
    source: text.optional(),
    note: text.optional(),
  })
  .strict();

export const targetSchema = z
  .object({
    id,
    indicator: id.optional(),
    kind: z.enum(targetKinds),
    value: z.number().finite().optional(),
    qualifier: z.enum(qualifiers).optional(),
    year: year.optional(),
    from: year.optional(),
    to: year.optional(),
    due: isoDate.optional(),
    baseline: z.object({ year, value: z.number().finite() }).strict().optional(),
    goal_area: id.optional(),
    text: text.optional(),
    text_en: text.optional(),
    rating: z.enum(['achieved', 'on_track', 'at_risk', 'off_track']).optional(),
    done: isoDate.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const need = (field: keyof typeof t, why: string) => {
      if (t[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (t.kind !== 'qualitative' && t.kind !== 'milestone')
      need('indicator', `required for a ${t.kind} target`);
    if (['level', 'growth_rate', 'annual_floor', 'annual_cap', 'rank'].includes(t.kind)) {
      need('value', `required for a ${t.kind} target`);
    }
    if (t.kind === 'level') need('year', 'required for a level target');
    if (t.kind === 'milestone') need('due', 'required for a milestone');
    if (t.kind === 'qualitative' || t.kind === 'milestone') need('text', `required for a ${t.kind} target`);
    if (['annual_floor', 'annual_cap', 'rank', 'streak', 'growth_rate'].includes(t.kind)) {
      if (t.to === undefined && t.year === undefined) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `a ${t.kind} target needs 'to' (or 'year')` });
      }
    }
    if (t.from !== undefined && t.to !== undefined && t.to < t.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: "'to' must not be before 'from'" });
    }
  });

export const actionSchema = z
  .object({
    id,
    name: text,
    name_en: text.optional(),
    lead_department: id.optional(),
    co_departments: z.array(id).optional(),
  })
  .strict();

export const programmeSchema = z
  .object({
    id,
    number: z.number().int().min(1).max(999),
    name: text,
    name_en: text.optional(),
    actions: z.array(actionSchema).default([]),
  })
  .strict();

export const observationSchema = z
  .object({
    indicator: id,
    period,
    value: z.number().finite(),
    qualifier: z.enum(qualifiers).optional(),
    source: text.optional(),
    source_url: webUrl.optional(),
    note: text.optional(),
    illustrative: z.boolean().optional(),
    /** The day the figure became public: "as known on D" views count it from then. */
    published: isoDate.optional(),
    /** Another source's figure for the same period, kept for the record; evaluation ignores it. */
    alternate: z.boolean().optional(),
  })
  .strict();

export const planFileSchema = z
  .object({
    plan: planHeaderSchema,
    departments: z.array(departmentSchema).default([]),
    goal_areas: z.array(goalAreaSchema).default([]),
    indicators: z.array(indicatorSchema).default([]),
    targets: z.array(targetSchema).default([]),
    programmes: z.array(programmeSchema).default([]),
    observations: z.array(observationSchema).default([]),
    tasks: z.array(taskSchema).default([]),
    task_reports: z.array(taskReportSchema).default([]),
  })
  .strict();

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;
export type PlanHeader = PlanFile['plan'];
export type IndicatorDef = PlanFile['indicators'][number];
export type TargetDef = PlanFile['targets'][number];
export type ObservationDef = PlanFile['observations'][number];
export type ProgrammeDef = PlanFile['programmes'][number];
export type ActionDef = ProgrammeDef['actions'][number];
export type GoalAreaDef = PlanFile['goal_areas'][number];
export type DepartmentDef = PlanFile['departments'][number];
export type TaskDef = PlanFile['tasks'][number];
export type TaskReportDef = PlanFile['task_reports'][number];
export type Qualifier = (typeof qualifiers)[number];
export type TargetKind = (typeof targetKinds)[number];
