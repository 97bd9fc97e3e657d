/** The only SQL of extraction: the caller's departments, which task-table names are matched to. */
import type { Db } from '../../db';

export async function tenantDepartments(db: Db, tenantId: number): Promise<{ id: string; name: string }[]> {
  const rows = await db.kysely
    .selectFrom('departments')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.code, name: r.name }));
}
