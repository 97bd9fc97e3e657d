/**
 * The only SQL on the `observations` table. A value is kept as versions: a new version names the
 * row it replaces (`replaces_id`), and nothing is updated in place but the workflow status of a
 * row not yet accepted. Two rules are defined here and nowhere else:
 * - the current version: a row in the counted statuses that no row in those statuses replaces;
 * - as known on D: only rows that became known (publication day, else recording time) by D count.
 */
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { tenantIdsOf, type Database, type DialectName, type Executor, type TenantSet } from '../../db';
import { insertValues, type NewObservation } from './observations.insert';

/** When a version became known: its publication day if given, else when it was recorded. */
function knownAt(alias: 'o' | 'n') {
  return sql<string>`coalesce(${sql.ref(`${alias}.published_on`)}, ${sql.ref(`${alias}.recorded_at`)})`;
}

export interface CurrentQuery {
  /** The indicators of this plan, or of several (a city-wide evaluation reads its districts' plans at once). */
  planId?: number | readonly number[];
  /** Only these indicators (by id). */
  indicatorIds?: readonly number[];
  /**
   * Only indicators with these ids in the plan file (`indicators.code`) in the plans of these
   * tenants: a city's shared indicator read in the same round trip as its definitions.
   */
  shared?: { codes: readonly string[]; tenantIds: TenantSet };
  /** As known at this instant (ISO): versions that became known later are ignored. */
  asOf?: string;
  /** Workflow statuses that count; default accepted only; `any` counts every row. */
  statuses?: readonly string[] | 'any';
  /** Main series only (no alternate, i.e. breakdown or other-source, rows). */
  mainOnly?: boolean;
  period?: string;
  /** `file`: plan-file position then id (the default); `id`: insertion order. */
  order?: 'file' | 'id';
}

/** The current versions of some indicators' values (see the rules above). */
export async function currentVersions(db: Executor, q: CurrentQuery) {
  const query = currentQuery(db, q);
  return q.order === 'id'
    ? query.orderBy('o.id').execute()
    : query.orderBy('o.position').orderBy('o.id').execute();
}

export type CurrentObservation = Awaited<ReturnType<typeof currentVersions>>[number];

/**
 * One indicator's current versions with only what a bulk import compares a file with, in
 * insertion order: a fifth of the columns, which makes reading a million of them ~2.5× faster.
 */
export async function currentSeries(db: Executor, indicatorId: number) {
  return currentQuery(db, { indicatorIds: [indicatorId] })
    .clearSelect()
    .select(['o.id', 'o.period', 'o.value', 'o.source', 'o.source_url', 'o.note', 'o.alternate', 'o.version'])
    .orderBy('o.id')
    .execute();
}

/** The current versions' query, unordered (see the rules above). */
function currentQuery(db: Executor, q: CurrentQuery) {
  const statuses = q.statuses ?? ['accepted'];
  let query = db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .select([
      'o.id',
      'o.indicator_id',
      'i.code as indicator_code',
      'o.period',
      'o.value',
      'o.qualifier',
      'o.source',
      'o.source_url',
      'o.note',
      'o.illustrative',
      'o.alternate',
      'o.status',
      'o.version',
      'o.recorded_at',
      'o.published_on',
      'o.position',
      knownAt('o').as('known_at'),
    ])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('observations as n')
            .select('n.id')
            .whereRef('n.replaces_id', '=', 'o.id')
            .$if(statuses !== 'any', (qb) => qb.where('n.status', 'in', statuses as readonly string[]))
            .$if(q.asOf !== undefined, (qb) => qb.where(knownAt('n'), '<=', q.asOf ?? '')),
        ),
      ),
    );
  if (statuses !== 'any') query = query.where('o.status', 'in', statuses);
  if (typeof q.planId === 'number') query = query.where('i.plan_id', '=', q.planId);
  else if (q.planId) query = query.where('i.plan_id', 'in', [...q.planId, -1]);
  if (q.indicatorIds)
    query = query.where('o.indicator_id', 'in', q.indicatorIds.length ? q.indicatorIds : [-1]);
  if (q.shared)
    query = query
      .where('i.code', 'in', q.shared.codes.length ? q.shared.codes : [''])
      // Through the tenants' plans: the (plan_id, code) index finds each plan's indicator.
      .where('i.plan_id', 'in', (eb) =>
        eb
          .selectFrom('plans as sp')
          .select('sp.id')
          .where('sp.tenant_id', 'in', tenantIdsOf(db, q.shared?.tenantIds ?? [])),
      );
  if (q.asOf !== undefined) query = query.where(knownAt('o'), '<=', q.asOf);
  if (q.mainOnly) query = query.where('o.alternate', '=', 0);
  if (q.period !== undefined) query = query.where('o.period', '=', q.period);
  return query;
}

/** Ids of those indicators that have any observation (a plan edit never drops their data). */
export async function indicatorsWithObservations(db: Executor, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('observations')
    .select('indicator_id')
    .distinct()
    .where('indicator_id', 'in', indicatorIds)
    .execute();
  return new Set(rows.map((r) => r.indicator_id));
}

const versionColumns = [
  'o.id',
  'o.indicator_id',
  'o.period',
  'o.value',
  'o.source',
  'o.note',
  'o.status',
  'o.version',
  'o.replaces_id',
  'o.recorded_by',
  'o.recorded_at',
  'o.reason',
  'o.preliminary',
  'o.check_reason',
  'u.username as recorded_by_name',
  'u.display_name as recorded_by_display',
] as const;

/**
 * Every main-series version of some indicators (of one period when given), oldest version first:
 * what a value series' workflow state is computed from.
 */
export async function seriesVersions(db: Executor, q: { indicatorIds: readonly number[]; period?: string }) {
  if (q.indicatorIds.length === 0) return [];
  let query = db
    .selectFrom('observations as o')
    .leftJoin('users as u', 'u.id', 'o.recorded_by')
    .select(versionColumns)
    .where('o.indicator_id', 'in', q.indicatorIds)
    .where('o.alternate', '=', 0);
  if (q.period !== undefined) query = query.where('o.period', '=', q.period);
  return query.orderBy('o.version').orderBy('o.id').execute();
}

export type VersionRow = Awaited<ReturnType<typeof seriesVersions>>[number];

/**
 * Serialises writes to some indicators' values for the transaction: on PostgreSQL their rows are
 * locked; SQLite runs one write transaction at a time anyway.
 */
export async function lockIndicators(
  trx: Transaction<Database>,
  dialect: DialectName,
  ids: readonly number[],
) {
  if (dialect !== 'postgres' || ids.length === 0) return;
  await trx.selectFrom('indicators').select('id').where('id', 'in', ids).forUpdate().execute();
}

/** Adds one version; returns its id. */
export async function insertObservation(db: Executor, row: NewObservation): Promise<number> {
  const inserted = await db
    .insertInto('observations')
    .values(insertValues(row))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Moves a row from one of `from` to `to`; false when another request moved it first. Acceptance
 * also dates the row's publication (unless it has one), so "as known on D" before that day
 * does not see a value that was then still under review.
 */
export async function moveStatus(
  db: Executor,
  id: number,
  from: readonly string[],
  to: string,
  day: string,
): Promise<boolean> {
  const result = await db
    .updateTable('observations')
    .set((eb) =>
      to === 'accepted'
        ? { status: to, published_on: eb.fn.coalesce('published_on', eb.val(day)) }
        : { status: to },
    )
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Workflow rows (not superseded) of some indicators from a year on, for the calendar. */
export async function workflowRows(db: Executor, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', 'status', 'version', 'preliminary'])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '!=', 'superseded')
    .where('period', '>=', String(fromYear))
    .execute();
}

export type WorkflowRow = Awaited<ReturnType<typeof workflowRows>>[number];

/** Main-series rows in one status of a plan's indicators (of some departments when given). */
export async function rowsInStatus(
  db: Executor,
  planId: number,
  status: string,
  departmentIds: number[] | null,
) {
  let q = db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .leftJoin('users as u', 'u.id', 'o.recorded_by')
    .leftJoin('observations as r', 'r.id', 'o.replaces_id')
    .select([
      ...versionColumns,
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit as indicator_unit',
      'd.code as department_code',
      'd.name as department_name',
      'd.name_en as department_name_en',
      'r.version as replaced_version',
    ])
    .where('i.plan_id', '=', planId)
    .where('o.alternate', '=', 0)
    .where('o.status', '=', status);
  if (departmentIds) q = q.where('i.department_id', 'in', departmentIds.length ? departmentIds : [-1]);
  return q.orderBy('o.recorded_at').orderBy('o.id').limit(1000).execute();
}

export type QueueRow = Awaited<ReturnType<typeof rowsInStatus>>[number];

/** The first time each indicator's period was reported beyond a draft (scorecards: on time?). */
export async function firstReportedAt(db: Executor, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', (eb) => eb.fn.min('recorded_at').as('reported_at')])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '!=', 'draft')
    .where('period', '>=', String(fromYear))
    .groupBy(['indicator_id', 'period'])
    .execute();
}

/** Per indicator and period, when its first version came in (known-at, as above). */
export async function firstArrivals(db: Executor, indicatorIds: number[], fromYear: number) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations as o')
    .select(['o.indicator_id', 'o.period', (eb) => eb.fn.min(knownAt('o')).as('first_at')])
    .where('o.indicator_id', 'in', indicatorIds)
    .where('o.alternate', '=', 0)
    .where('o.status', 'in', ['submitted', 'approved', 'accepted'])
    .where('o.period', '>=', String(fromYear))
    .groupBy(['o.indicator_id', 'o.period'])
    .execute();
}

/** Accepted main-series values of some indicators (every version, oldest first). */
export async function acceptedVersions(db: Executor, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', 'period', 'value', 'version'])
    .where('indicator_id', 'in', indicatorIds)
    .where('alternate', '=', 0)
    .where('status', '=', 'accepted')
    .orderBy('version')
    .execute();
}
