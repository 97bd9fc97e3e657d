/**
 * The SQL of web uploads beside the values (the observations module's): the tenant, the
 * departments of a scoped uploader.
 */
import type { Executor } from '../../db';
import type { DataIndicator } from '../data';

type Q = Executor;

export async function findTenantSlug(db: Q, tenantId: number) {
  const row = await db.selectFrom('tenants').select('slug').where('id', '=', tenantId).executeTakeFirst();
  return row?.slug;
}

/** A plan indicator as uploads read it: the data module's row plus its department code. */
export type UploadIndicator = DataIndicator & {
  department: string | null;
};

export async function departmentCodes(db: Q, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('departments').select('code').where('id', 'in', ids).execute();
  return rows.map((r) => r.code);
}
