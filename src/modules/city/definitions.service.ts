/**
 * City indicator definitions (统一指标口径): the city publishes what an indicator id means — name,
 * unit, measure, direction, frequency, formula, method — and district plans adopt it by using
 * the same id. A definition is never updated: a changed field is a new version, and every
 * district sees which fields changed and where its own indicators depart from the current one.
 */
import type { CityDefinition, CityDefinitions, DefinitionInput } from '../../contracts/city';
import type { Db, Executor } from '../../db';
import type { DefinitionVersion } from '../../domain/city';
import { writeAudit } from '../auth';
import { noticeDistrictsOfNewVersion } from './definition-notices';
import * as repo from './city.repository';
import { cityOfCaller } from './city.service';
import type { ChangedBy } from './tenants.service';

const compared = [
  'name',
  'unit',
  'measure',
  'direction',
  'frequency',
  'formula',
  'method',
  'name_en',
] as const;
/** What a district's indicator must share with the city's definition to mean the same thing. */
const adopted = ['unit', 'measure', 'direction', 'frequency', 'formula'] as const;

type Fields = Record<(typeof compared)[number], string | null>;

const norm = (v: string | null | undefined) => (v === undefined || v === null || v === '' ? null : v);

function fieldsOf(x: Partial<Record<(typeof compared)[number], string | null | undefined>>): Fields {
  return Object.fromEntries(compared.map((k) => [k, norm(x[k])])) as Fields;
}

function changed(a: Fields, b: Fields, keys: readonly (keyof Fields)[] = compared): string[] {
  return keys.filter((k) => a[k] !== b[k]);
}

/** The tenant whose definitions a caller reads: its own when it is a city, else its city. */
async function cityFor(db: Db, tenantId: number): Promise<repo.TenantRow | null> {
  const own = await repo.findTenantById(db.kysely, tenantId);
  if (!own) return null;
  if ((await repo.childrenOf(db.kysely, own.id)).length > 0) return own;
  return own.parent_id === null ? null : ((await repo.findTenantById(db.kysely, own.parent_id)) ?? null);
}

function present(
  rows: readonly repo.DefinitionRow[],
  row: repo.DefinitionRow,
  own: Awaited<ReturnType<typeof repo.planIndicatorsWithCodes>>,
): CityDefinition {
  const previous = rows.find((r) => r.code === row.code && r.version === row.version - 1);
  const f = fieldsOf(row);
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    name_en: row.name_en,
    unit: row.unit,
    measure: row.measure,
    direction: row.direction,
    frequency: row.frequency,
    formula: row.formula,
    method: row.method,
    published_at: row.created_at,
    changes: previous ? changed(fieldsOf(previous), f) : [],
    adoption: own
      .filter((i) => i.code === row.code)
      .map((i) => ({
        plan: i.plan,
        indicator: i.code,
        version: i.city_definition_version,
        differs: changed(fieldsOf(i), f, adopted),
      })),
  };
}

/** The current version of each of the city's definitions, with the caller's adoption. */
export async function listDefinitions(db: Db, tenantId: number): Promise<CityDefinitions> {
  const city = await cityFor(db, tenantId);
  if (!city) return { city: null, definitions: [] };
  const rows = await repo.definitionVersions(db.kysely, city.id);
  const current = rows.filter((r) => !rows.some((n) => n.code === r.code && n.version > r.version));
  const own =
    city.id === tenantId
      ? []
      : await repo.planIndicatorsWithCodes(
          db.kysely,
          tenantId,
          current.map((r) => r.code),
        );
  return { city: city.slug, definitions: current.map((r) => present(rows, r, own)) };
}

/**
 * Publishes a definition in the caller's city: version 1, or a new version when any field
 * differs from the current one; the same fields again change nothing (`created: false`).
 */
export async function publishDefinition(
  db: Db,
  tenantId: number,
  input: DefinitionInput,
  by: ChangedBy,
): Promise<{ definition: CityDefinition; created: boolean }> {
  const city = await cityOfCaller(db, tenantId);
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await repo.definitionVersions(trx, city.id);
    const versions = rows.filter((r) => r.code === input.code);
    const current = versions.at(-1);
    if (current && changed(fieldsOf(current), fieldsOf(input)).length === 0)
      return { definition: present(rows, current, []), created: false };
    const row = await repo.insertDefinition(trx, {
      tenant_id: city.id,
      code: input.code,
      version: (current?.version ?? 0) + 1,
      name: input.name,
      name_en: norm(input.name_en),
      unit: input.unit,
      measure: input.measure,
      direction: input.direction,
      frequency: input.frequency,
      formula: norm(input.formula),
      method: norm(input.method),
      created_at: by.at.toISOString(),
      created_by: by.actor.kind === 'user' ? by.actor.userId : null,
    });
    await writeAudit(trx, {
      tenantId: city.id,
      at: by.at,
      actor: by.actor,
      action: 'city.definition.publish',
      objectType: 'city_definition',
      objectId: `${row.code}@${row.version}`,
      before: current ? fieldsOf(current) : undefined,
      after: fieldsOf(row),
      sourceIp: by.address ?? null,
      outcome: 'success',
    });
    if (current) await noticeDistrictsOfNewVersion(trx, city.id, current, row, by.at);
    return { definition: present([...rows, row], row, []), created: true };
  });
}

/**
 * Every version of the definitions of the city above a district, for checking what the
 * district's plan adopts; none when the tenant has no city (a city's own plans adopt nothing).
 */
export async function definitionsAboveDistrict(ex: Executor, tenantId: number): Promise<DefinitionVersion[]> {
  const own = await repo.findTenantById(ex, tenantId);
  if (own?.parent_id == null) return [];
  return (await repo.definitionVersions(ex, own.parent_id)).map((r) => ({
    code: r.code,
    version: r.version,
    name: r.name,
    name_en: r.name_en,
    unit: r.unit,
    measure: r.measure,
    direction: r.direction,
    frequency: r.frequency,
    formula: r.formula,
    method: r.method,
  }));
}
