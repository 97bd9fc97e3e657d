/**
 * The only SQL of the city tier: the tenant tree, and the accepted current values of one
 * indicator (by its shared id) across a city's districts. A current value is an accepted row no
 * later accepted row replaces, as known at `asOf` when given — the observations module's rule.
 */
import { aliased, rowsWhere, tenantIdsOf, type Executor, type TenantSet } from '../../db';
import { currentVersions } from '../observations';

export type Q = Executor;

const tenantColumns = ['id', 'slug', 'name', 'name_en', 'parent_id', 'created_at'] as const;

export function findTenant(db: Q, slug: string) {
  return db.selectFrom('tenants').select(tenantColumns).where('slug', '=', slug).executeTakeFirst();
}

export function findTenantById(db: Q, id: number) {
  return db.selectFrom('tenants').select(tenantColumns).where('id', '=', id).executeTakeFirst();
}

export type TenantRow = NonNullable<Awaited<ReturnType<typeof findTenant>>>;

/** Every tenant with its number of direct children; a few hundred rows at most. */
export function listTenants(db: Q) {
  return db
    .selectFrom('tenants as t')
    .select(tenantColumns.map((c) => `t.${c}` as const))
    .select((eb) =>
      eb
        .selectFrom('tenants as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 't.id')
        .as('children'),
    )
    .orderBy('t.id')
    .execute();
}

/**
 * A tenant with its city and the city's districts (itself among them), in one round trip; the
 * city is absent when the tenant has none above it.
 */
export async function withCityAndSiblings(db: Q, id: number) {
  const parentOf = db.selectFrom('tenants as o').select('o.parent_id').where('o.id', '=', id);
  const rows = await db
    .selectFrom('tenants')
    .select(tenantColumns)
    .where((eb) => eb.or([eb('id', '=', id), eb('id', 'in', parentOf), eb('parent_id', 'in', parentOf)]))
    .orderBy('slug')
    .execute();
  const own = rows.find((t) => t.id === id);
  const city = own?.parent_id == null ? undefined : rows.find((t) => t.id === own.parent_id);
  return { own, city, districts: city ? rows.filter((t) => t.parent_id === city.id) : [] };
}

/** The direct children of a tenant: a city's districts. */
export function childrenOf(db: Q, parentId: number) {
  return db
    .selectFrom('tenants')
    .select(tenantColumns)
    .where('parent_id', '=', parentId)
    .orderBy('slug')
    .execute();
}

export function insertTenant(
  db: Q,
  t: { slug: string; name: string; name_en: string | null; parent_id: number | null; created_at: string },
) {
  return db.insertInto('tenants').values(t).returning(tenantColumns).executeTakeFirstOrThrow();
}

export async function updateTenant(
  db: Q,
  id: number,
  t: { name: string; name_en: string | null; parent_id: number | null },
): Promise<void> {
  await db.updateTable('tenants').set(t).where('id', '=', id).execute();
}

/** The newest audit row of some tenants: a change in any district of a city moves it. */
export async function newestAudit(db: Q, tenantIds: readonly number[]): Promise<number> {
  if (tenantIds.length === 0) return 0;
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('tenant_id', 'in', tenantIds)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export type { TenantSet };

/** The indicators (`i`) of plans (`p`): what the city tier compares with its definitions. */
const planIndicators = (db: Q) =>
  db.selectFrom('indicators as i').innerJoin('plans as p', 'p.id', 'i.plan_id');

/** The indicators with these ids in the plans of some tenants, with their plan's settings. */
export function sharedIndicators(db: Q, tenants: TenantSet, codes: readonly string[]) {
  return planIndicators(db)
    .select(
      aliased('i', ['id', 'code', 'name', 'unit', 'direction', 'frequency', 'measure', 'formula', 'plan_id']),
    )
    .select(['p.tenant_id', 'p.settings', 'p.updated_at as plan_updated_at'])
    .where('p.tenant_id', 'in', tenantIdsOf(db, tenants))
    .where('i.code', 'in', codes.length ? codes : [''])
    .orderBy('p.updated_at', 'desc')
    .orderBy('i.id')
    .execute();
}

export type SharedIndicatorRow = Awaited<ReturnType<typeof sharedIndicators>>[number];

/**
 * Accepted current values of some indicators (by row id), as known at `asOf` (an ISO instant)
 * when given, with the day each became known. Optionally of one period only.
 */
export function acceptedValues(
  db: Q,
  indicatorIds: readonly number[],
  filter: { period?: string; asOf?: string } = {},
) {
  return currentVersions(db, { indicatorIds, mainOnly: true, order: 'id', ...filter });
}

export type AcceptedValueRow = Awaited<ReturnType<typeof acceptedValues>>[number];

/** Accepted current values of the indicators with these ids in some tenants' plans (as above). */
export function acceptedValuesByCode(
  db: Q,
  tenants: TenantSet,
  codes: readonly string[],
  filter: { period?: string; asOf?: string } = {},
) {
  return currentVersions(db, {
    shared: { codes, tenantIds: tenants },
    mainOnly: true,
    order: 'id',
    ...filter,
  });
}

/** Every version of a city's indicator definitions, oldest first per code. */
export function definitionVersions(db: Q, cityId: number) {
  return rowsWhere(db, 'city_definitions', { tenant_id: cityId })
    .orderBy('code')
    .orderBy('version')
    .execute();
}

export type DefinitionRow = Awaited<ReturnType<typeof definitionVersions>>[number];

export function insertDefinition(db: Q, row: Omit<DefinitionRow, 'id'>) {
  return db.insertInto('city_definitions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The indicators of a tenant's plans with some ids, for comparison with the city's definitions. */
export function planIndicatorsWithCodes(db: Q, tenantId: number, codes: readonly string[]) {
  return planIndicators(db)
    .select('p.code as plan')
    .select(aliased('i', ['code', 'name', 'unit', 'measure', 'direction', 'frequency', 'formula']))
    .select('i.city_definition_version')
    .where('p.tenant_id', '=', tenantId)
    .where('i.code', 'in', codes.length ? codes : [''])
    .orderBy('p.code')
    .execute();
}

/**
 * The districts of a city whose plans adopted an older version of a definition, with the
 * indicators that did (plan code, indicator code).
 */
export function adoptersOfOlderVersion(db: Q, cityId: number, code: string, version: number) {
  return planIndicators(db)
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select(['t.id as tenant_id', 'p.code as plan', 'i.code as indicator'])
    .where('t.parent_id', '=', cityId)
    .where('i.code', '=', code)
    .where('i.city_definition_version', '<', version)
    .orderBy('t.id')
    .orderBy('p.code')
    .execute();
}
