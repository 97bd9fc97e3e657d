/**
 * The only SQL of bulk imports and exports. Current values are computed per indicator in memory
 * (the accepted rows no accepted row replaces), so a plan with a million observations is read one
 * indicator at a time instead of through one large anti-join.
 */
import type { CompiledQuery, Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db';

type Q = Kysely<Database> | Transaction<Database>;

export async function findTenantBySlug(db: Q, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

/** The plan with that code, or the tenant's first plan when no code is given. */
export async function findPlan(db: Q, tenantId: number, code: string | undefined) {
  let q = db.selectFrom('plans').select(['id', 'code']).where('tenant_id', '=', tenantId);
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('id').executeTakeFirst();
}

/** The plan's indicators with their department codes, in plan order. */
export async function listPlanIndicators(db: Q, planId: number) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.id', 'i.code', 'i.unit', 'i.frequency', 'd.code as department'])
    .where('i.plan_id', '=', planId)
    .orderBy('i.position')
    .execute();
}

/** Accepted rows of one indicator: enough to tell the current version of each series. */
export async function listAcceptedRows(db: Q, indicatorId: number) {
  return db
    .selectFrom('observations')
    .select([
      'id',
      'period',
      'value',
      'version',
      'replaces_id',
      'alternate',
      'source',
      'source_url',
      'note',
      'status',
      'recorded_at',
      'position',
    ])
    .where('indicator_id', '=', indicatorId)
    .where('status', '=', 'accepted')
    .orderBy('id')
    .execute();
}

export type AcceptedRow = Awaited<ReturnType<typeof listAcceptedRows>>[number];

/** The columns an imported version sets; the others keep their defaults or stay null. */
export interface NewObservation {
  tenant_id: number;
  indicator_id: number;
  period: string;
  value: number;
  source: string | null;
  note: string | null;
  alternate: number;
  status: string;
  version: number;
  replaces_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
  reason: string | null;
  position: number;
}

const columns: (keyof NewObservation)[] = [
  'tenant_id',
  'indicator_id',
  'period',
  'value',
  'source',
  'note',
  'alternate',
  'status',
  'version',
  'replaces_id',
  'recorded_by',
  'recorded_at',
  'reason',
  'position',
];

/**
 * A prepared multi-row insert: Kysely builds the statement for `size` rows once, then each batch
 * only supplies parameters (14 per row). Building a query tree per row would cost more than the
 * insert itself at a million rows.
 */
export function observationInserter(trx: Q, size: number) {
  const templates = new Map<number, CompiledQuery>();
  const template = (n: number) => {
    let t = templates.get(n);
    if (!t) {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null])) as unknown as Insertable<
        Database['observations']
      >;
      t = trx
        .insertInto('observations')
        .values(Array.from({ length: n }, () => placeholder))
        .compile();
      templates.set(n, t);
    }
    return t;
  };
  return {
    size,
    columnCount: columns.length,
    /** Inserts `n` rows whose parameters are flattened in column order. */
    async insert(n: number, parameters: unknown[]): Promise<void> {
      await trx.executeQuery({ ...template(n), parameters });
    },
  };
}
