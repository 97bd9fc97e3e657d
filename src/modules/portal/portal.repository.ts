/** The only place that queries the publishing tables (publications and their change log). */
import { tableWhere, type Executor } from '../../db';

type DB = Executor;

export async function listPublications(db: DB, planId: number) {
  return tableWhere(db, 'publications', { plan_id: planId })
    .select(['object_type', 'object_code', 'published', 'changed_at'])
    .orderBy('object_type')
    .orderBy('object_code')
    .execute();
}

export async function findPublication(db: DB, planId: number, kind: string, code: string) {
  return tableWhere(db, 'publications', { plan_id: planId, object_type: kind, object_code: code })
    .select(['id', 'published'])
    .executeTakeFirst();
}

export async function savePublication(
  db: DB,
  row: { tenantId: number; planId: number; kind: string; code: string; published: boolean; at: string },
): Promise<void> {
  const existing = await findPublication(db, row.planId, row.kind, row.code);
  if (existing) {
    await db
      .updateTable('publications')
      .set({ published: row.published ? 1 : 0, changed_at: row.at })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await db
      .insertInto('publications')
      .values({
        tenant_id: row.tenantId,
        plan_id: row.planId,
        object_type: row.kind,
        object_code: row.code,
        published: row.published ? 1 : 0,
        changed_at: row.at,
      })
      .execute();
  }
  await db
    .insertInto('publication_events')
    .values({
      tenant_id: row.tenantId,
      plan_id: row.planId,
      object_type: row.kind,
      object_code: row.code,
      action: row.published ? 'publish' : 'unpublish',
      at: row.at,
    })
    .execute();
}

export async function listPublicationEvents(db: DB, planId: number) {
  return tableWhere(db, 'publication_events', { plan_id: planId })
    .select(['object_type', 'object_code', 'action', 'at'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}
