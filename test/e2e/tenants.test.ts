/**
 * `/admin/tenants` in a real browser, as the city's administrator: the tree (the city above its
 * districts), a district added through the dialog and shown under the city, English, a 375 px
 * phone without sideways scrolling, axe-core clean. Needs `npm run build:web` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { city, seedCityTier } from '../helpers/city-users';
import { seedPassword } from '../helpers/seed-users';
import { startTestServer, type RunningTestServer } from '../server';
import { expectNoAxeViolations, launchBrowser, newPage, shots } from './browser';

async function loginCityAdmin(page: Page, baseUrl: string) {
  const res = await page.context().request.post(`${baseUrl}/api/auth/login`, {
    data: { username: 'admin', password: seedPassword, tenant: city.slug },
  });
  assert.equal(res.status(), 200);
}

describe('tenants in the admin pages', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;
  const step = { timeout: 120_000 };

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    await seedCityTier(server.url, server.location);
    page = await newPage(browser);
    await loginCityAdmin(page, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the tree and adds a district under the city', step, async () => {
    await page.goto(`${server.url}/admin/tenants`);
    await page.getByRole('heading', { level: 1, name: '租户（市/区县）' }).waitFor();
    const tree = page.getByRole('table', { name: '租户层级' });
    await tree.getByText('江北区').waitFor();
    assert.equal(await tree.locator('tbody > tr.ant-table-row').count(), 3);
    await expectNoAxeViolations(page, '/admin/tenants');

    await page.getByRole('button', { name: '新建租户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('标识').fill('shapingba');
    await dialog.getByLabel('名称', { exact: true }).fill('沙坪坝区');
    await dialog.getByRole('button', { name: /新\s*建|创\s*建/ }).click();
    await tree.getByText('沙坪坝区').waitFor();
    assert.equal(await tree.locator('tbody > tr.ant-table-row').count(), 4);
    // Under the city: one level deeper than the city's row.
    const level = (name: string) =>
      tree.locator('tbody > tr.ant-table-row', { hasText: name }).getAttribute('class');
    assert.match((await level('沙坪坝区')) ?? '', /ant-table-row-level-1/);
    assert.match((await level('重庆市')) ?? '', /ant-table-row-level-0/);
    await page.screenshot({ path: `${shots}/admin-tenants.png`, fullPage: true });
  });

  it('reads in English', step, async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tenants (city and districts)' }).waitFor();
    await page.getByRole('table', { name: 'Tenant tree' }).waitFor();
    await expectNoAxeViolations(page, '/admin/tenants (en)');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { level: 1, name: '租户（市/区县）' }).waitFor();
  });

  it('fits a 375 px phone', step, async () => {
    const phone = await newPage(browser, { width: 375, height: 800 });
    try {
      await loginCityAdmin(phone, server.url);
      await phone.goto(`${server.url}/admin/tenants`);
      await phone.getByRole('table', { name: '租户层级' }).getByText('江北区').waitFor();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (page is ${width} px wide)`);
      await phone.screenshot({ path: `${shots}/admin-tenants-375.png`, fullPage: false });
      await expectNoAxeViolations(phone, '/admin/tenants at 375 px');
    } finally {
      await phone.context().close();
    }
  });
});
