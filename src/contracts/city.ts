/**
 * Contracts of the city tier: tenants as a tree (a city above its districts), ranks of districts
 * on a shared indicator, and the city's roll-up. Request bodies are strict: an unknown key is a 400.
 */
import { z } from '@hono/zod-openapi';
import { codeParam, nullableText, planParams, requestBody } from './common';

const slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, 'lower-case letters, digits and hyphens');
const name = z.string().trim().min(1).max(100);
const periodText = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'YYYY, YYYY-Qn or YYYY-MM');

export const tenantEntrySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    name_en: nullableText,
    parent: nullableText.openapi({ description: 'The slug of the tenant above (a city)' }),
    children: z.number().int().openapi({ description: 'How many tenants sit directly below' }),
  })
  .openapi('Tenant');
export type TenantEntry = z.infer<typeof tenantEntrySchema>;

export const tenantListSchema = z.object({ tenants: z.array(tenantEntrySchema) }).openapi('TenantList');
export type TenantList = z.infer<typeof tenantListSchema>;

export const tenantCreateSchema = z
  .object({
    slug,
    name,
    name_en: name.nullable().optional(),
    parent: slug.optional().openapi({ description: "Default: the caller's own tenant" }),
  })
  .strict();
export type TenantCreate = z.infer<typeof tenantCreateSchema>;

export const tenantUpdateSchema = z
  .object({ name: name.optional(), name_en: name.nullable().optional(), parent: slug.optional() })
  .strict();
export type TenantUpdate = z.infer<typeof tenantUpdateSchema>;

export const tenantParams = z.object({
  slug: slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'jiangbei' }),
});

export const ranksQuery = z.object({
  indicator: codeParam('indicator', 'query', 'retail_sales'),
  period: periodText
    .optional()
    .openapi({ param: { name: 'period', in: 'query' }, description: 'Default: the latest period with data' }),
});

/** A district as the city tier lists it: its tenant's slug and name. */
export const districtFields = { tenant: z.string(), name: z.string() };

/** What a city-wide figure is of: the city, the shared indicator, the period (null: no data yet). */
const cityFigureFields = { city: z.string(), indicator: z.string(), period: nullableText };

/** How an indicator is measured (统一口径), as a definition states it and an adoption copies it. */
const measureFields = {
  unit: z.string(),
  measure: z.string(),
  direction: z.string(),
  frequency: z.string(),
  formula: nullableText,
};

export const rankEntrySchema = z
  .object({
    ...districtFields,
    period: nullableText,
    value: z.number().nullable(),
    rank: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Competition ranking (1, 1, 3); null without data' }),
    of: z.number().int().openapi({ description: 'How many districts have a value' }),
    late: z.boolean().openapi({ description: "Accepted after the period's reporting deadline" }),
    due: nullableText.openapi({ description: "The period's reporting deadline" }),
    known_on: nullableText.openapi({ description: 'The day the value was accepted or published' }),
    missing: z.enum(['no_indicator', 'no_value']).nullable(),
  })
  .openapi('RankEntry');
export type RankEntry = z.infer<typeof rankEntrySchema>;

export const ranksSchema = z
  .object({
    ...cityFigureFields,
    direction: z.enum(['up', 'down']),
    unit: nullableText,
    ranks: z.array(rankEntrySchema),
  })
  .openapi('Ranks');
export type Ranks = z.infer<typeof ranksSchema>;

export const rollupQuery = ranksQuery;

export const rollupSchema = z
  .object({
    ...cityFigureFields,
    unit: nullableText,
    measure: z.enum(['flow', 'stock', 'ratio']),
    total: z.number().nullable().openapi({ description: "The city's figure (never an average of ratios)" }),
    method: z.enum(['sum', 'formula', 'none']),
    formula: nullableText,
    complete: z.boolean(),
    reason: nullableText,
    reporting: z.number().int(),
    missing: z.array(z.string()),
    distribution: z
      .object({ min: z.number(), max: z.number(), median: z.number(), mean: z.number() })
      .nullable(),
    districts: z.array(
      z.object({
        ...districtFields,
        value: z.number().nullable(),
        share: z.number().nullable().openapi({ description: 'Share of the city total, 0–1' }),
      }),
    ),
  })
  .openapi('Rollup');
export type RollupResult = z.infer<typeof rollupSchema>;

/** A city's indicator definition (统一指标口径): what district plans adopt by id. */
export const definitionInputSchema = requestBody('CityDefinitionInput', {
  code: z.string().regex(/^[a-z][a-z0-9_-]{0,79}$/, 'lower-case letters, digits, _ and -'),
  name,
  name_en: name.nullable().optional(),
  unit: z.string().trim().min(1).max(40),
  measure: z.enum(['flow', 'stock', 'ratio']),
  direction: z.enum(['up', 'down']),
  frequency: z.enum(['annual', 'quarterly', 'monthly']),
  formula: z.string().trim().min(1).max(500).nullable().optional(),
  method: z.string().trim().min(1).max(4000).nullable().optional().openapi({
    description: 'How the figure is defined and collected (口径说明)',
  }),
});
export type DefinitionInput = z.infer<typeof definitionInputSchema>;

const definitionFields = {
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  name_en: nullableText,
  ...measureFields,
  method: nullableText,
  published_at: z.string(),
};

export const definitionSchema = z
  .object({
    ...definitionFields,
    changes: z
      .array(z.string())
      .openapi({ description: 'Fields that differ from the previous version (empty for version 1)' }),
    adoption: z
      .array(
        z.object({
          plan: z.string(),
          indicator: z.string(),
          version: z.number().int().nullable().openapi({
            description:
              'The version the indicator adopted (recorded at import or by a move); null when not recorded',
          }),
          differs: z
            .array(z.string())
            .openapi({ description: "Fields where the district's indicator departs from this version" }),
        }),
      )
      .openapi({ description: "For a district: its plans' indicators with this id" }),
  })
  .openapi('CityDefinition');
export type CityDefinition = z.infer<typeof definitionSchema>;

export const definitionsSchema = z
  .object({
    city: nullableText.openapi({ description: 'The city whose definitions these are' }),
    definitions: z.array(definitionSchema),
  })
  .openapi('CityDefinitions');
export type CityDefinitions = z.infer<typeof definitionsSchema>;

export const definitionPublishedSchema = z
  .object({ definition: definitionSchema, created: z.boolean() })
  .openapi('CityDefinitionPublished');

/** A district moves one of its plan's indicators to a version of the city's definition. */
export const adoptionParams = planParams.extend({
  indicator: codeParam('indicator', 'path', 'retail_sales'),
});

export const adoptionInputSchema = requestBody('CityDefinitionAdoptionInput', {
  version: z.number().int().min(1).openapi({
    description: "The city's current version (the one the district saw); an older or stale one is refused",
  }),
});
export type AdoptionInput = z.infer<typeof adoptionInputSchema>;

export const adoptionSchema = z
  .object({
    plan: z.string(),
    indicator: z.string(),
    version: z.number().int(),
    previous_version: z.number().int().nullable(),
    ...measureFields,
    changed: z.array(z.string()).openapi({ description: "The indicator's fields the move changed" }),
  })
  .openapi('CityDefinitionAdoption');
export type Adoption = z.infer<typeof adoptionSchema>;
