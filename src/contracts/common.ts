/** Shapes shared by every endpoint: the RFC 9457 problem, path and query parameters. */
import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../domain/periods';
import { unprocessable } from './text';

/** The values a coded message names (a problem, an import row's error, an entry check's warning). */
export const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          code: z.string().optional(),
          params: messageParams.optional(),
        }),
      )
      .optional()
      .openapi({ description: 'Field-level problems of a rejected request' }),
    error_id: z.string().optional().openapi({ description: 'Quote this id when reporting the problem' }),
    code: z
      .string()
      .optional()
      .openapi({ description: 'A stable code of the problem, worded by the client' }),
    params: messageParams.optional().openapi({ description: 'The values the coded problem names' }),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof problemSchema>;

/** An OpenAPI response block for a problem+json answer. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

/** A code (plan, indicator, department) named in a path or a query: 1 to 80 characters. */
export const codeParam = (name: string, where: 'path' | 'query', example?: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: where }, ...(example ? { example } : {}) });

export const planParams = z.object({ plan: codeParam('plan', 'path', 'yuzhong-2023') });

/** A calendar year as text, YYYY (a query's year, a template's span). */
export const yearText = z.string().regex(/^\d{4}$/, 'YYYY');

export const tenantQuery = z.object({
  tenant: z
    .string()
    .max(80)
    .optional()
    .openapi({
      param: { name: 'tenant', in: 'query' },
      description: 'Tenant slug; default the first tenant',
    }),
});

export const problemResponses = {
  400: { description: 'Bad request', content: { 'application/problem+json': { schema: problemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
} as const;

/** The version a write was based on: a stale one is answered 409 rather than overwriting. */
export const ifVersion = z
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .openapi({ description: 'The version the client last saw; another version gives 409' });

/**
 * A request body, named in the OpenAPI document. Strict: an unknown key (`id`, `state`, `version`,
 * …) is a 400, so nothing outside the listed fields can be assigned or silently dropped.
 */
export const requestBody = <T extends z.ZodRawShape>(name: string, shape: T) =>
  z.strictObject(shape).openapi(name);

/** A sentence in both languages (a reason, an explanation). */
export const bilingualText = z.object({ zh: z.string(), en: z.string() });

/** A text that may be missing (an English name, a note, a date not set). */
export const nullableText = z.string().nullable();

/** How other objects name a department, a goal area, an action: its code and its names. */
export const namedFields = { id: z.string(), name: z.string(), name_en: nullableText };

/** A department as other objects name it: its code and its names. */
export const departmentRef = z.object(namedFields);

/** A programme's head (its code, its number in the plan, its names), wherever its actions follow. */
export const programmeFields = {
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  name_en: nullableText,
};

/** Who carries out a task or an action (牵头单位, 配合单位), as `department` names a department. */
export const departmentsOf = <D extends z.ZodType>(department: D) => ({
  lead_department: department.nullable(),
  co_departments: z.array(department),
});

/** A goal area, internally and on the portal: its names and what it is about. */
export const goalAreaFields = { ...namedFields, description: nullableText };

/** An action (工作举措), internally and on the portal: its names and who carries it out. */
export const actionFields = <D extends z.ZodType>(department: D) => ({
  ...namedFields,
  ...departmentsOf(department),
});

/** What defines an indicator, internally and on the portal: its names, unit, direction, rhythm, measure. */
export const indicatorDefinition = {
  id: z.string(),
  name: z.string(),
  name_en: nullableText,
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  frequency: z.enum(['annual', 'quarterly', 'monthly']),
  measure: z.enum(['flow', 'stock', 'ratio']),
  formula: nullableText,
};

/** What a target states, internally and on the portal: its kind and figure, its years, what it is of. */
export const targetStatement = {
  indicator: z.string().nullable(),
  goal_area: z.string().nullable(),
  kind: z.string(),
  value: z.number().nullable(),
  qualifier: z.string().nullable(),
  year: z.number().int().nullable(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  due: z.string().nullable(),
};

/** A target as a line of a list shows it (cockpit, explorer): its words and its figure. */
export const targetLine = {
  id: z.string(),
  text: nullableText,
  text_en: nullableText,
  kind: z.string(),
  value: z.number().nullable(),
  year: z.number().int().nullable(),
};

/** The optional `as_of` query parameter: a calendar day, YYYY-MM-DD (a day that does not exist: 422). */
export const asOfQuery = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'as_of must be YYYY-MM-DD')
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isIsoDate(v), {
      message: 'as_of: no such calendar day',
      params: unprocessable,
    })
    .optional()
    .openapi({ param: { name: 'as_of', in: 'query' }, description });

/** The `file` field of a multipart upload form (`message` when it is missing or not a file). */
export const uploadedFile = (message: string, description?: string) =>
  z
    .custom<File>((v) => v instanceof File, message)
    .openapi({ type: 'string', format: 'binary', ...(description ? { description } : {}) });

/** What is kept of an evidence file, of a value or of a task's progress report. */
export const evidenceFileFields = {
  id: z.number().int(),
  file_name: z.string(),
  content_type: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploaded_at: z.string(),
};

/** Counts under every one of `keys` (targets by status, tasks by light), each a whole number. */
export const countsOf = <const K extends readonly string[]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])) as Record<K[number], z.ZodNumber>);

/**
 * An upload is previewed, then committed by the preview's token: the token a preview gives (null
 * while any row is bad), which the commit's body names.
 */
export const commitToken = (description: string) => nullableText.openapi({ description });
