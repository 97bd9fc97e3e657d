/**
 * Department scorecards (考核): a month's ranking with each department's points per part, the
 * reason for every point, and deductions for 督办 notices. A past month is a stored snapshot.
 */
import { z } from '@hono/zod-openapi';
import { scorecardParts } from '../domain/tasks/scorecard';
import { bilingualText, departmentRef } from './common';

export const scorecardQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM')
    .optional()
    .openapi({
      param: { name: 'month', in: 'query' },
      example: '2026-05',
      description: 'Default this month',
    }),
});

export const departmentScoreSchema = z
  .object({
    rank: z.number().int(),
    department: departmentRef,
    total: z.number(),
    parts: z.array(
      z.object({
        part: z.enum(scorecardParts),
        weight: z.number(),
        points: z.number(),
        rate: z.number().nullable(),
        due: z.number().int(),
        ok: z.number().int(),
        reason: bilingualText,
      }),
    ),
    deduction: z.object({ notices: z.number().int(), points: z.number(), reason: bilingualText }),
  })
  .openapi('DepartmentScore');

export const scorecardsSchema = z
  .object({
    plan: z.string(),
    month: z.string(),
    as_of: z.string().openapi({ description: 'The last day counted (the month’s end, or today)' }),
    snapshot: z.boolean().openapi({ description: 'A stored monthly snapshot (true) or computed now' }),
    computed_at: z.string(),
    weights: z.object({
      data_reporting: z.number(),
      task_reporting: z.number(),
      completion: z.number(),
      targets: z.number(),
      quality: z.number(),
      notice_deduction: z.number(),
    }),
    departments: z.array(departmentScoreSchema),
  })
  .openapi('Scorecards');

export type ScorecardQuery = z.infer<typeof scorecardQuery>;
export type Scorecards = z.infer<typeof scorecardsSchema>;
export type DepartmentScoreBody = z.infer<typeof departmentScoreSchema>;
