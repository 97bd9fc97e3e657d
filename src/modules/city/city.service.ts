/** The city a city user looks at: their own tenant, when it has districts below it. */
import type { Db } from '../../db';
import { notFound } from '../errors';
import * as repo from './city.repository';

/** The caller's tenant as a city, or 404 when no district sits below it. */
export async function cityOfCaller(db: Db, tenantId: number): Promise<repo.TenantRow> {
  const [tenant, districts] = await Promise.all([
    repo.findTenantById(db.kysely, tenantId),
    repo.childrenOf(db.kysely, tenantId),
  ]);
  if (!tenant || districts.length === 0) throw notFound('districts below your tenant');
  return tenant;
}

/** The districts of a city, by slug. */
export function districtsOf(db: Db, cityId: number) {
  return repo.childrenOf(db.kysely, cityId);
}
