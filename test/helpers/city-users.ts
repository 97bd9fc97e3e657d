/**
 * The city tier of the security fixture: the demo district `yuzhong` is put under a city
 * `chongqing` beside a second district `jiangbei` (with its own plan), and the city gets its
 * administrator and one user per city role. Runs against a started test server's database.
 */
import { openDatabase } from '../../src/db';
import { cityRoles, type Role } from '../../src/domain/access';
import { ensureAdmin } from '../../src/modules/accounts';
import { saveTenant } from '../../src/modules/city';
import { importPlanText } from '../../src/modules/plans';
import { login, type Client } from '../server';
import { districtPlan } from './city';
import { seedPassword } from './seed-users';

export type CityRole = Extract<Role, 'city_supervisor' | 'city_leader'>;

export const city = { slug: 'chongqing', second: 'jiangbei' } as const;
/** A string only the second district's plan holds: it must never reach a first-district user. */
export const secondDistrictMarker = 'JIANGBEI-ONLY-7f3a';

export interface CityTier {
  /** A logged-in client per city role (users of the city's tenant). */
  clients: Record<CityRole, Client>;
  cityAdmin: Client;
  /** The administrator of the second district. */
  secondAdmin: Client;
  username(role: CityRole): string;
  login(role: CityRole): Promise<Client>;
}

export async function seedCityTier(baseUrl: string, location: string): Promise<CityTier> {
  const db = await openDatabase(location);
  try {
    const by = { actor: { kind: 'system' as const }, at: new Date() };
    await saveTenant(db, { slug: city.slug, name: '重庆市' }, by);
    await saveTenant(db, { slug: 'yuzhong', parent: city.slug }, by);
    const second = await saveTenant(db, { slug: city.second, name: '江北区', parent: city.slug }, by);
    const plan = JSON.parse(
      districtPlan(city.second, [{ indicator: 'retail_sales', period: '2025', value: 777.7 }]),
    ) as { plan: { title: string } };
    plan.plan.title = `${secondDistrictMarker} 江北区计划`;
    const imported = await importPlanText(db, {
      tenantSlug: city.second,
      text: JSON.stringify(plan),
      now: new Date(),
    });
    if (!imported.ok) throw new Error(`plan of ${city.second}: ${JSON.stringify(imported.problems[0])}`);
    const tenants = await db.kysely.selectFrom('tenants').select(['id', 'slug']).execute();
    const idOf = (slug: string) => tenants.find((t) => t.slug === slug)?.id ?? -1;
    await ensureAdmin(db, idOf(city.slug), seedPassword, new Date());
    await ensureAdmin(db, idOf(second.tenant.slug), seedPassword, new Date());
  } finally {
    await db.close();
  }
  const cityAdmin = await login(baseUrl, 'admin', seedPassword, city.slug);
  const secondAdmin = await login(baseUrl, 'admin', seedPassword, city.second);
  const username = (role: CityRole) => role.replace('_', '-');
  const clients = {} as Record<CityRole, Client>;
  for (const role of cityRoles as CityRole[]) {
    const res = await cityAdmin.send('POST', '/api/users', {
      username: username(role),
      display_name: role,
      password: seedPassword,
      roles: [role],
      departments: [],
    });
    if (res.status !== 201) throw new Error(`create ${role}: ${res.status} ${await res.text()}`);
    clients[role] = await login(baseUrl, username(role), seedPassword, city.slug);
  }
  return {
    clients,
    cityAdmin,
    secondAdmin,
    username,
    login: (role) => login(baseUrl, username(role), seedPassword, city.slug),
  };
}
