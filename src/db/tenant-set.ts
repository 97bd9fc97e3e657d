/**
 * A set of tenants named by id, or "the districts of the city above this tenant" (itself among
 * them). The second is a subquery, so a city's rows are read in the same round trip as the tenant
 * tree: ranks, the roll-up and computed rank targets read several districts at once.
 */
import type { Executor } from './connection';

export type TenantSet = readonly number[] | { siblingsOf: number };

/** The tenant ids of a set, for `where(column, 'in', …)`. */
export function tenantIdsOf(db: Executor, tenants: TenantSet) {
  if ('siblingsOf' in tenants)
    return db
      .selectFrom('tenants as st')
      .select('st.id')
      .where(
        'st.parent_id',
        'in',
        db.selectFrom('tenants as so').select('so.parent_id').where('so.id', '=', tenants.siblingsOf),
      );
  return tenants.length ? tenants : [-1];
}
