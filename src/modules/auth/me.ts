/** The current user's shape: name, roles, departments, tenant, CSRF token. */
import type { Me } from '../../contracts/auth';
import type { Db } from '../../db';
import * as users from './users.repository';

export async function presentMe(db: Db, userId: number, tenantId: number, csrfToken: string): Promise<Me> {
  const k = db.kysely;
  const user = await users.findUserById(k, userId);
  const tenant = await k
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const deptIds = await users.departmentsOf(k, userId);
  const departments = deptIds.length
    ? await k
        .selectFrom('departments')
        .select(['code', 'name', 'name_en'])
        .where('id', 'in', deptIds)
        .orderBy('id')
        .execute()
    : [];
  return {
    user: user
      ? {
          username: user.username,
          display_name: user.display_name,
          roles: await users.rolesOf(k, tenantId, userId),
          departments: departments.map((d) => ({ id: d.code, name: d.name, name_en: d.name_en })),
          tenant: { id: tenant.slug, name: tenant.name, name_en: tenant.name_en },
          must_change_password: user.must_change_password === 1,
        }
      : null,
    csrf_token: csrfToken,
  };
}
