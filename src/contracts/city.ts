/**
 * Contracts of the city tier: tenants as a tree (a city above its districts), ranks of districts
 * on a shared indicator, and the city's roll-up. Request bodies are strict: an unknown key is a 400.
 */
import { z } from '@hono/zod-openapi';

const slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, 'lower-case letters, digits and hyphens');
const name = z.string().trim().min(1).max(100);
const indicatorCode = z.string().min(1).max(80);
const periodText = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'YYYY, YYYY-Qn or YYYY-MM');

export const tenantEntrySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    name_en: z.string().nullable(),
    parent: z.string().nullable().openapi({ description: 'The slug of the tenant above (a city)' }),
    children: z.number().int().openapi({ description: 'How many tenants sit directly below' }),
  })
  .openapi('Tenant');

export const tenantListSchema = z.object({ tenants: z.array(tenantEntrySchema) }).openapi('TenantList');

export const tenantCreateSchema = z
  .object({
    slug,
    name,
    name_en: name.nullable().optional(),
    parent: slug.optional().openapi({ description: "Default: the caller's own tenant" }),
  })
  .strict();

export const tenantUpdateSchema = z
  .object({ name: name.optional(), name_en: name.nullable().optional(), parent: slug.optional() })
  .strict();

export const tenantParams = z.object({
  slug: slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'jiangbei' }),
});

export const ranksQuery = z.object({
  indicator: indicatorCode.openapi({ param: { name: 'indicator', in: 'query' }, example: 'retail_sales' }),
  period: periodText
    .optional()
    .openapi({ param: { name: 'period', in: 'query' }, description: 'Default: the latest period with data' }),
});

export const rankEntrySchema = z
  .object({
    tenant: z.string(),
    name: z.string(),
    period: z.string().nullable(),
    value: z.number().nullable(),
    rank: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Competition ranking (1, 1, 3); null without data' }),
    of: z.number().int().openapi({ description: 'How many districts have a value' }),
    late: z.boolean().openapi({ description: "Accepted after the period's reporting deadline" }),
    due: z.string().nullable().openapi({ description: "The period's reporting deadline" }),
    known_on: z.string().nullable().openapi({ description: 'The day the value was accepted or published' }),
    missing: z.enum(['no_indicator', 'no_value']).nullable(),
  })
  .openapi('RankEntry');

export const ranksSchema = z
  .object({
    city: z.string(),
    indicator: z.string(),
    period: z.string().nullable(),
    direction: z.enum(['up', 'down']),
    unit: z.string().nullable(),
    ranks: z.array(rankEntrySchema),
  })
  .openapi('Ranks');

export const rollupQuery = ranksQuery;

export const rollupSchema = z
  .object({
    city: z.string(),
    indicator: z.string(),
    period: z.string().nullable(),
    unit: z.string().nullable(),
    measure: z.enum(['flow', 'stock', 'ratio']),
    total: z.number().nullable().openapi({ description: "The city's figure (never an average of ratios)" }),
    method: z.enum(['sum', 'formula', 'none']),
    formula: z.string().nullable(),
    complete: z.boolean(),
    reason: z.string().nullable(),
    reporting: z.number().int(),
    missing: z.array(z.string()),
    distribution: z
      .object({ min: z.number(), max: z.number(), median: z.number(), mean: z.number() })
      .nullable(),
    districts: z.array(
      z.object({
        tenant: z.string(),
        name: z.string(),
        value: z.number().nullable(),
        share: z.number().nullable().openapi({ description: 'Share of the city total, 0–1' }),
      }),
    ),
  })
  .openapi('Rollup');

export type TenantEntry = z.infer<typeof tenantEntrySchema>;
export type TenantList = z.infer<typeof tenantListSchema>;
export type TenantCreate = z.infer<typeof tenantCreateSchema>;
export type TenantUpdate = z.infer<typeof tenantUpdateSchema>;
export type RankEntry = z.infer<typeof rankEntrySchema>;
export type Ranks = z.infer<typeof ranksSchema>;
export type RollupResult = z.infer<typeof rollupSchema>;

/** A city's indicator definition (统一指标口径): what district plans adopt by id. */
export const definitionInputSchema = z
  .object({
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
  })
  .strict()
  .openapi('CityDefinitionInput');

const definitionFields = {
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  name_en: z.string().nullable(),
  unit: z.string(),
  measure: z.string(),
  direction: z.string(),
  frequency: z.string(),
  formula: z.string().nullable(),
  method: z.string().nullable(),
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

export const definitionsSchema = z
  .object({
    city: z.string().nullable().openapi({ description: 'The city whose definitions these are' }),
    definitions: z.array(definitionSchema),
  })
  .openapi('CityDefinitions');

export const definitionPublishedSchema = z
  .object({ definition: definitionSchema, created: z.boolean() })
  .openapi('CityDefinitionPublished');

export type DefinitionInput = z.infer<typeof definitionInputSchema>;
export type CityDefinition = z.infer<typeof definitionSchema>;
export type CityDefinitions = z.infer<typeof definitionsSchema>;

/** A district moves one of its plan's indicators to a version of the city's definition. */
export const adoptionParams = z.object({
  plan: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'plan', in: 'path' }, example: 'yuzhong-2023' }),
  indicator: z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name: 'indicator', in: 'path' }, example: 'retail_sales' }),
});

export const adoptionInputSchema = z
  .object({
    version: z.number().int().min(1).openapi({
      description: "The city's current version (the one the district saw); an older or stale one is refused",
    }),
  })
  .strict()
  .openapi('CityDefinitionAdoptionInput');

export const adoptionSchema = z
  .object({
    plan: z.string(),
    indicator: z.string(),
    version: z.number().int(),
    previous_version: z.number().int().nullable(),
    unit: z.string(),
    measure: z.string(),
    direction: z.string(),
    frequency: z.string(),
    formula: z.string().nullable(),
    changed: z.array(z.string()).openapi({ description: "The indicator's fields the move changed" }),
  })
  .openapi('CityDefinitionAdoption');

export type AdoptionInput = z.infer<typeof adoptionInputSchema>;
export type Adoption = z.infer<typeof adoptionSchema>;
