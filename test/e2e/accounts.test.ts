/**
 * Accounts (issue 18) in Chromium: the administrator finds users by a role's name in the page's
 * language (联络员 finds the reporter; in English "reporter"), and a user whose password the
 * administrator set is asked, at the first login, to choose one before anything else.
 * Screenshots in test-results/accounts-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots } from './browser';

const first = 'an administrator chose 这个 2026';
const own = 'only I know this one 自己的 2026';

describe('accounts in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    const admin = await login(server.url, 'admin', testAdminPassword);
    const people: [string, string, string, string[]][] = [
      ['li-ming', '李明', 'reporter', ['tjj']],
      ['zhang-hua', '张华', 'dept_head', ['tjj']],
    ];
    for (const [username, display_name, role, departments] of people) {
      const res = await admin.send('POST', '/api/users', {
        username,
        display_name,
        password: first,
        roles: [role],
        departments,
      });
      assert.equal(res.status, 201, await res.text());
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`finds users by a role's name in ${lang}`, async () => {
      const page = await newPage(browser);
      await loginByForm(page, server.url, 'admin', testAdminPassword);
      await page.evaluate((l) => window.localStorage.setItem('shixiao.lang', l), lang);
      await page.goto(`${server.url}/admin/users`);
      const search = page.getByLabel(lang === 'zh' ? '查找用户（姓名、用户名、单位、角色）' : /^Find users/);
      await search.fill(lang === 'zh' ? '联络员' : 'reporter');
      await page.getByText(lang === 'zh' ? '共 1 个用户' : 'Users shown: 1').waitFor();
      await page.getByRole('row').filter({ hasText: 'li-ming' }).waitFor();
      assert.equal(await page.getByRole('row').filter({ hasText: 'zhang-hua' }).count(), 0);
      // By department name too, in the page's language.
      await search.fill(lang === 'zh' ? '区统计局 负责人' : 'head');
      await page.getByRole('row').filter({ hasText: 'zhang-hua' }).waitFor();
      assert.equal(await page.getByRole('row').filter({ hasText: 'li-ming' }).count(), 0);
      await page.screenshot({ path: `${shots}/accounts-search-${lang}.png` });
      await page.context().close();
    });
  }

  it('asks the user whose password the administrator set to choose one at the first login', async () => {
    const page = await newPage(browser);
    await loginByForm(page, server.url, 'li-ming', first);
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByText('您的密码由管理员设置，请先改为只有您自己知道的密码').waitFor();
    assert.equal(await dialog.getByRole('button', { name: '取消' }).isVisible(), false, 'no way around it');
    await page.screenshot({ path: `${shots}/accounts-first-login.png` });
    await dialog.getByLabel('当前密码').fill(first);
    await dialog.getByLabel('新密码', { exact: true }).fill(own);
    await dialog.getByLabel('确认新密码').fill(own);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('密码已修改').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // The next login goes straight to the work.
    await page.context().close();
    const again = await newPage(browser);
    await loginByForm(again, server.url, 'li-ming', own);
    await again.waitForURL(/\/data$/);
    assert.equal(await again.getByRole('dialog', { name: '修改密码' }).count(), 0);
    await again.context().close();
  });
});
