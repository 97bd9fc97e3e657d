/**
 * The people of the reporting browser tests (区统计局's reporter 李明 and head 张华, supervisor
 * 王军, 区发展改革委's reporter 赵丽), created on a demo server with their first login done, and
 * the bureau's late value (2025 growth, due on 2026-03-31) submitted by 李明.
 */
import { expectJson } from '../helpers/data-users';
import { login, testAdminPassword, type Client, type RunningTestServer } from '../server';

export const password = 'reporting 报送 password 2026!';
export const data = '/api/plans/yuzhong-2023/data';

/** Creates the people and the late value; returns the administrator's and 李明's clients. */
export async function seedReportingPeople(server: RunningTestServer): Promise<{ admin: Client; li: Client }> {
  const admin = await login(server.url, 'admin', testAdminPassword);
  const people: [string, string, string, string[]][] = [
    ['li-ming', '李明', 'reporter', ['tjj']],
    ['zhang-hua', '张华', 'dept_head', ['tjj']],
    ['wang-jun', '王军', 'supervisor', []],
    ['zhao-li', '赵丽', 'reporter', ['fgw']],
  ];
  for (const [username, display_name, role, departments] of people) {
    await expectJson(
      admin.send('POST', '/api/users', { username, display_name, password, roles: [role], departments }),
      201,
      username,
    );
    await login(server.url, username, password); // the first login sets the password
  }
  const li = await login(server.url, 'li-ming', password);
  await expectJson(
    li.send('POST', `${data}/values`, { indicator: 'gdp_growth', period: '2025', value: 5.1 }),
    201,
  );
  await expectJson(li.send('POST', `${data}/values/gdp_growth/2025/submit`, { if_version: 1 }), 200);
  return { admin, li };
}
