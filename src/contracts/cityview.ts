/**
 * The city cockpit: every district side by side (its plan's lights, in total and per goal area),
 * the indicators the districts share (to rank them), and one district's targets for drill-down.
 */
import { z } from '@hono/zod-openapi';
import { bilingualText, nullableText } from './common';
import { districtFields } from './city';
import { statusQuery } from './status';

const counts = z
  .record(z.string(), z.number().int())
  .openapi({ description: 'Targets by status: achieved, on_track, at_risk, off_track, no_data' });

/** The plan a district's lights come from (null: the district has no plan yet). */
const districtPlan = z.object({ id: z.string(), title: z.string() }).nullable();

export const cityOverviewQuery = statusQuery.pick({ as_of: true });

export const cityOverviewSchema = z
  .object({
    city: z.string(),
    name: z.string(),
    as_of: z.string(),
    goal_areas: z
      .array(z.object({ name: z.string(), name_en: nullableText }))
      .openapi({ description: 'Goal areas by name, in the order the districts first list them' }),
    districts: z.array(
      z.object({
        ...districtFields,
        plan: districtPlan,
        counts,
        areas: z.array(z.object({ name: z.string(), counts })),
      }),
    ),
    shared_indicators: z
      .array(z.object({ id: z.string(), name: z.string(), unit: z.string(), districts: z.number().int() }))
      .openapi({ description: 'Indicator ids held by two districts or more: what they can be ranked on' }),
  })
  .openapi('CityOverview');

export const districtParams = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'yuzhong' }),
});

export const districtStatusSchema = z
  .object({
    ...districtFields,
    as_of: z.string(),
    plan: districtPlan,
    counts,
    targets: z.array(
      z.object({
        id: z.string(),
        text: nullableText,
        goal_area: nullableText,
        status: z.string(),
        explanation: bilingualText,
        latest: z.object({ period: z.string(), value: z.number() }).nullable(),
        unit: nullableText,
      }),
    ),
  })
  .openapi('DistrictStatus');

export type CityOverview = z.infer<typeof cityOverviewSchema>;
export type DistrictStatus = z.infer<typeof districtStatusSchema>;
