/** Target status contracts: a plan's statuses as of a date, one target's evaluation. */
import { z } from '@hono/zod-openapi';
import { asOfQuery, bilingualText } from './common';

const point = z.object({ period: z.string(), value: z.number() });

export const statusValues = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;

export const targetStatusSchema = z
  .object({
    target: z.string(),
    indicator: z.string().nullable(),
    kind: z.string(),
    status: z.enum(statusValues),
    as_of: z.string(),
    latest: point.nullable(),
    expected: z.number().nullable(),
    ratio: z.number().nullable(),
    projection: z
      .object({
        year: z.number().int(),
        value: z.number(),
        low: z.number(),
        high: z.number(),
        probability: z.number().nullable(),
      })
      .nullable(),
    projection_reason: z.string().nullable(),
    stale: z.boolean(),
    required_growth: z
      .number()
      .nullable()
      .openapi({ description: 'Percent a year still needed to reach the target' }),
    explanation: bilingualText,
    baseline: point.nullable(),
    series: z.array(point),
    expected_path: z.array(point),
    unit: z.string().nullable(),
    problem: z.string().nullable(),
  })
  .openapi('TargetStatus');

export const statusQuery = z.object({
  preview: z
    .enum(['0', '1'])
    .optional()
    .openapi({
      param: { name: 'preview', in: 'query' },
      description: 'Supervisors: 1 includes submitted and approved values not yet accepted',
    }),
  as_of: asOfQuery('Evaluate as of this date; default today'),
});

export const planStatusSchema = z
  .object({
    as_of: z.string(),
    counts: z.record(z.string(), z.number().int()),
    statuses: z.array(targetStatusSchema),
  })
  .openapi('PlanStatus');

export type TargetStatus = z.infer<typeof targetStatusSchema>;
export type PlanStatus = z.infer<typeof planStatusSchema>;
export type StatusCode = TargetStatus['status'];
export type SeriesPoint = z.infer<typeof point>;
