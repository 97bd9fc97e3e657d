/**
 * Seeds the fixture of SECURITY.md through the API as an administrator: departments `dept-a`
 * and `dept-b`, and one user per role in each (`<role>-a`, `<role>-b`) with a known password,
 * each logged in. Tests of any module reuse it for role and department checks.
 */
import { cityRoles, roles, type Role } from '../../src/domain/access';
import { login, type Client } from '../server';

export const seedPassword = 'seed password 种子 🌱 2026';
export const seedDepartments = { a: 'dept-a', b: 'dept-b' } as const;
export type SeedDepartment = keyof typeof seedDepartments;

/** The roles of a district's own staff (city roles belong to the city's tenant: see city-users.ts). */
export type DistrictRole = Exclude<Role, 'city_supervisor' | 'city_leader'>;
export const districtRoles = roles.filter((r): r is DistrictRole => !cityRoles.includes(r));

export interface SeededUsers {
  /** The password of every seeded user. */
  password: string;
  departments: typeof seedDepartments;
  /** A logged-in client per district role and department: `clients.reporter.a` is `reporter-a`. */
  clients: Record<DistrictRole, Record<SeedDepartment, Client>>;
  /** The user name of a role in a department. */
  username(role: Role, department: SeedDepartment): string;
}

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
}

/** Creates the departments and users (once per server) and logs each user in. */
export async function seedDepartmentsAndUsers(baseUrl: string, adminClient: Client): Promise<SeededUsers> {
  const username = (role: Role, department: SeedDepartment) => `${role}-${department}`;
  for (const [key, code] of Object.entries(seedDepartments)) {
    const res = await adminClient.send('POST', '/api/departments', {
      code,
      name: `部门${key.toUpperCase()}`,
      name_en: `Department ${key.toUpperCase()}`,
    });
    await expectStatus(res, 201, `create department ${code}`);
  }
  const clients = {} as Record<DistrictRole, Record<SeedDepartment, Client>>;
  for (const role of districtRoles) {
    const perDepartment = {} as Record<SeedDepartment, Client>;
    for (const key of Object.keys(seedDepartments) as SeedDepartment[]) {
      const name = username(role, key);
      const res = await adminClient.send('POST', '/api/users', {
        username: name,
        display_name: `${role} ${key.toUpperCase()}`,
        password: seedPassword,
        roles: [role],
        departments: [seedDepartments[key]],
      });
      await expectStatus(res, 201, `create user ${name}`);
      perDepartment[key] = await login(baseUrl, name, seedPassword);
    }
    clients[role] = perDepartment;
  }
  return { password: seedPassword, departments: seedDepartments, clients, username };
}
