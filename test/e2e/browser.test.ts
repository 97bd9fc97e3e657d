/**
 * The web app in a real browser against the real server (SQLite, demo plan): overview, English
 * switch, public portal and the GDP indicator page with its chart. Screenshots go to test-results/.
 * Needs `npm run build:web` first (the server serves dist/web) and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningTestServer } from '../server';
import { launchBrowser, newPage, shots } from './browser';

describe('web app in a browser', () => {
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

  it('shows the plan overview in Chinese, with its targets', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.getByText('地区生产总值迈上2100亿元台阶').first().waitFor();
    assert.ok(
      await page
        .getByText(/2100亿元/)
        .first()
        .isVisible(),
      'the GDP target value is visible',
    );
    // Status in words, not colour alone ("暂无评估" while the server has no status route).
    const gdpRow = page.getByRole('row').filter({ hasText: '地区生产总值迈上2100亿元台阶' });
    assert.match(await gdpRow.innerText(), /正常|预警|滞后|已实现|无数据|暂无评估/);
    await page.getByRole('heading', { level: 2, name: '工作举措' }).waitFor();
    await page.getByRole('button', { name: /干出双城经济圈建设新业绩/ }).click();
    await page.getByText('全力提升战略价值和综合竞争力').waitFor();
    await page.screenshot({ path: `${shots}/home.png`, fullPage: true });
  });

  it('switches to English and back, remembering the choice', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: /Yuzhong District: development goals/ }).waitFor();
    await page.getByText('GDP reaches the 210 billion yuan mark').first().waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Yuzhong District: development goals/ }).waitFor();
    await page.screenshot({ path: `${shots}/home-en.png` });
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
  });

  it('shows the server-rendered public portal with a link to open data', async () => {
    await page.goto(`${server.url}/portal/`);
    await page.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
    const openData = page.getByRole('link', { name: '开放数据' });
    assert.equal(await openData.getAttribute('href'), 'data/');
    await page.screenshot({ path: `${shots}/portal.png`, fullPage: true });
  });

  it('shows the GDP indicator with its chart and the 2025 value', async () => {
    await page.goto(`${server.url}/indicators/gdp`);
    await page.getByRole('heading', { level: 1, name: '地区生产总值' }).waitFor();
    await page
      .locator('[data-testid="indicator-chart"] canvas, [data-testid="indicator-chart"] svg')
      .first()
      .waitFor();
    await page.getByText('1781.8').first().waitFor();
    assert.ok(await page.getByText('1781.8').first().isVisible(), '1781.8 is visible');
    await page.waitForTimeout(500); // the chart's entry animation
    await page.screenshot({ path: `${shots}/indicator-gdp.png`, fullPage: true });
  });
});
