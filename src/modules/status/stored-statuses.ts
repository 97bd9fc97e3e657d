/**
 * The SQL of stored statuses (table `plan_statuses`, docs/adr/0007-stored-statuses.md) and of the
 * revision they are kept under: the newest audit row of each tenant (every change to plans or data
 * writes one in its transaction).
 */
import type { Db } from '../../db';

/** The newest audit row id of each tenant (0 when it has none): one index probe a tenant. */
export async function newestAuditIds(db: Db, tenantIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db.kysely
    .selectFrom('tenants as t')
    .select((eb) => [
      't.id',
      eb
        .selectFrom('audit_log as a')
        .select((e) => e.fn.max('a.id').as('m'))
        .whereRef('a.tenant_id', '=', 't.id')
        .as('audit'),
    ])
    .where('t.id', 'in', [...tenantIds, -1])
    .execute();
  const out = new Map<number, number>(tenantIds.map((id) => [id, 0]));
  for (const r of rows) out.set(r.id, Number(r.audit ?? 0));
  return out;
}

export interface StoredRow {
  plan_id: number;
  revision: string;
  neighbours: number | null;
  text: string;
}

/** The stored statuses (`body`) or summaries (`summary`) of plans as of a date. */
export async function readStored(
  db: Db,
  planIds: readonly number[],
  asOf: string,
  column: 'body' | 'summary',
): Promise<Map<number, StoredRow>> {
  const rows = await db.kysely
    .selectFrom('plan_statuses')
    .select(['plan_id', 'revision', 'neighbours', `${column} as text`])
    .where('as_of', '=', asOf)
    .where('plan_id', 'in', [...planIds, -1])
    .execute();
  return new Map(
    rows.map((r) => [r.plan_id, { ...r, neighbours: r.neighbours === null ? null : Number(r.neighbours) }]),
  );
}

export interface NewStored {
  planId: number;
  tenantId: number;
  asOf: string;
  revision: string;
  neighbours: number | null;
  body: string;
  summary: string;
}

/**
 * Keeps statuses just computed. A read replica refuses the write: the next read on the primary
 * stores them, so the failure is dropped here (the statuses were computed and are served).
 */
export async function writeStored(db: Db, rows: readonly NewStored[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    plan_id: r.planId,
    as_of: r.asOf,
    tenant_id: r.tenantId,
    revision: r.revision,
    neighbours: r.neighbours,
    body: r.body,
    summary: r.summary,
  }));
  try {
    await db.kysely
      .insertInto('plan_statuses')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['plan_id', 'as_of']).doUpdateSet((eb) => ({
          tenant_id: eb.ref('excluded.tenant_id'),
          revision: eb.ref('excluded.revision'),
          neighbours: eb.ref('excluded.neighbours'),
          body: eb.ref('excluded.body'),
          summary: eb.ref('excluded.summary'),
        })),
      )
      .execute();
  } catch (error) {
    if (!readOnly(error)) throw error;
  }
}

/**
 * Deletes a plan's rows kept under another revision than its row as of `asOf`: a revision only
 * moves forward, so they would never be served again, only replaced. Without a row as of `asOf`
 * (the plan could not be evaluated) nothing is deleted: `<>` a null revision holds for no row.
 */
export async function pruneStored(db: Db, planId: number, asOf: string): Promise<number> {
  const current = db.kysely
    .selectFrom('plan_statuses')
    .select('revision')
    .where('plan_id', '=', planId)
    .where('as_of', '=', asOf);
  const result = await db.kysely
    .deleteFrom('plan_statuses')
    .where('plan_id', '=', planId)
    .where('revision', '<>', current)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** PostgreSQL's "cannot execute INSERT in a read-only transaction" (a hot standby). */
function readOnly(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '25006';
}
