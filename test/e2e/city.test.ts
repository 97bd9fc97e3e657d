/**
 * `/city` in a real browser, as a city supervisor: the districts side by side with their lights,
 * the ranking of a shared indicator computed from accepted data with the city total, and the
 * drill-down into a district's targets. Needs `npm run build:web` and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedCityTier } from '../helpers/city-users';
import { seedPassword } from '../helpers/seed-users';
import { startTestServer, type RunningTestServer } from '../server';
import { launchBrowser, newPage, shots } from './browser';

describe('the city cockpit in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    const tier = await seedCityTier(server.url, server.location);
    page = await newPage(browser, { width: 1440, height: 900 });
    const res = await page.context().request.post(`${server.url}/api/auth/login`, {
      data: { username: tier.username('city_supervisor'), password: seedPassword, tenant: 'chongqing' },
    });
    assert.equal(res.status(), 200);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the districts side by side, ranks a shared indicator and drills down', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: '全市总览' }).click();
    await page.getByRole('heading', { level: 1, name: '全市总览 · 重庆市' }).waitFor();
    const grid = page.getByRole('table', { name: '各区县目标状态' });
    await grid.getByRole('button', { name: '江北区' }).waitFor();
    await grid.getByText('渝中区未来五年发展目标').waitFor();
    assert.equal(await grid.locator('tbody > tr.ant-table-row').count(), 2);

    // The ranking of a shared indicator: Jiangbei's 777.7 亿元 ranks; Yuzhong has no value.
    await page.getByLabel('比较指标').click();
    await page.locator('.ant-select-item-option', { hasText: '社会消费品零售总额' }).click();
    const ranks = page.getByRole('table', { name: '区县排名' });
    await ranks.getByText('777.7亿元').waitFor();
    await page.getByText(/全市合计（2025）/).waitFor();
    await page.waitForTimeout(400); // the option list's closing animation
    await page.screenshot({ path: `${shots}/city.png`, fullPage: true });

    // Drill down into the demo district.
    await grid.getByRole('button', { name: /渝中/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('table').locator('tbody > tr.ant-table-row').first().waitFor();
    assert.ok((await drawer.getByRole('table').locator('tbody > tr.ant-table-row').count()) > 10);
    await page.waitForTimeout(400); // the drawer's opening animation
    await page.screenshot({ path: `${shots}/city-district.png` });
  });
});
