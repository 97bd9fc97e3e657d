/**
 * Login and administration in a real browser against the real server (SQLite): the login form
 * (wrong password, then admin), the plan with full data, creating a user, the audit log, logout.
 * Screenshots go to test-results/. Needs `npm run build:web` first and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, newPage, shots } from './browser';

describe('login and administration in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the public view with a login call to action when anonymous', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
    await page.locator('.sx-login-cta').getByRole('link', { name: '登录', exact: true }).waitFor();
  });

  it('refuses a wrong password, then logs admin in through the form', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not the password');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    await page.getByLabel('密码').fill(testAdminPassword);
    await page.screenshot({ path: `${shots}/login.png` });
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
    await page.getByRole('button', { name: /用户菜单：admin|用户菜单：/ }).waitFor();
  });

  it('shows the plan with full data once logged in', async () => {
    // The plan API (not the public one) answers for this session, and the page says so.
    const status = await page.evaluate(async () => (await fetch('/api/plans')).status);
    assert.equal(status, 200);
    await page.getByText('地区生产总值迈上2100亿元台阶').first().waitFor();
    assert.equal(await page.getByRole('link', { name: '登录', exact: true }).count(), 0);
    assert.ok(await page.getByRole('link', { name: '系统管理' }).isVisible(), 'the admin nav is shown');
  });

  it('creates a reporter on /admin/users', async () => {
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('reporter-e2e');
    await drawer.getByLabel('姓名').fill('联络员甲');
    await drawer.getByLabel('初始密码').fill('Reporter passphrase 2024 实效');
    await drawer.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="单位联络员"]').click();
    await drawer.getByLabel('姓名').click(); // closes the options (Escape would close the drawer)
    await drawer.getByRole('button', { name: '创建' }).click();
    await page.getByRole('row').filter({ hasText: 'reporter-e2e' }).getByText('单位联络员').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForTimeout(300); // the drawer's closing animation
    await page.screenshot({ path: `${shots}/admin-users.png`, fullPage: true });
  });

  it('shows the auth.login row on /admin/audit', async () => {
    await page.getByRole('navigation', { name: '管理菜单' }).getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    // Entries read as sentences: "admin 登录" (the code auth.login is in the raw record).
    const row = page.getByRole('row').filter({ hasText: '登录' }).filter({ hasText: 'admin' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /admin/);
    // The newest row (the user just created) opens to show its before/after JSON.
    await page
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await page.locator('.sx-audit-json pre').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/admin-audit.png`, fullPage: true });
    // Filter by action: every row left is a login.
    await page.getByLabel('动作').fill('auth.login');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('row').filter({ hasText: '失败' }).first().waitFor();
  });

  it('logs out: /api/auth/me says nobody', async () => {
    await page.getByRole('button', { name: /用户菜单/ }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '登录', exact: true }).waitFor();
    const me = await page.evaluate(
      async () => (await (await fetch('/api/auth/me')).json()) as { user: unknown },
    );
    assert.equal(me.user, null);
  });
});
