/**
 * The plan explorer in Chromium over the production build (SQLite, demo plan): both trees with
 * their lights in words, the status, light and department filters and the search, a target that
 * leads to its indicator page, English, and a 375 px phone without sideways scrolling. axe-core on
 * each view (no serious or critical violation); screenshots in test-results/. Needs
 * `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { expectNoAxeViolations, launchBrowser, loginByApi, newPage, shots } from './browser';

const step = { timeout: 180_000 };

describe('plan explorer in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    page = await newPage(browser, { width: 1440, height: 1000 });
    await loginByApi(page, server.url, 'admin', testAdminPassword);
  }, step);

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows both trees with the lights in words', step, async () => {
    await page.goto(`${server.url}/plan?as_of=2026-06-30`);
    await page.getByRole('heading', { level: 1, name: /目标任务树/ }).waitFor();
    const targets = page.getByTestId('target-tree');
    const tasks = page.getByTestId('task-tree');
    assert.equal(await targets.locator(':scope > li').count(), 6, 'six goal areas');
    assert.ok((await tasks.locator(':scope > li').count()) >= 12, 'twelve programmes');
    const gdp = targets.locator('[data-target="t-gdp"]');
    assert.match(await gdp.innerText(), /预警/, 'the status in words');
    assert.match(await gdp.innerText(), /亿元/);
    const firstTask = tasks.locator('[data-task]').first();
    assert.match(await firstTask.innerText(), /[红黄绿蓝]灯/, 'the task light in words');
    assert.equal(
      await page.locator('nav[aria-label="主导航"] a[aria-current="page"]').first().innerText(),
      '目标任务树',
    );
    await page.screenshot({ path: `${shots}/explorer-desktop.png`, fullPage: false });
    await expectNoAxeViolations(page, '/plan');
  });

  it('filters by status, light and department, and searches', step, async () => {
    const count = page.getByTestId('explorer-count');
    const before = await count.innerText();
    await page.getByLabel('目标状态').selectOption('at_risk');
    const leaves = page.getByTestId('target-tree').locator('[data-target]');
    await page.locator('[data-target="t-gdp"]').waitFor();
    const n = await leaves.count();
    assert.ok(n > 0, 'some targets are at risk');
    for (let i = 0; i < n; i++) assert.match(await leaves.nth(i).innerText(), /预警/);
    assert.notEqual(await count.innerText(), before);

    await page.getByLabel('任务灯').selectOption('red');
    const red = page.getByTestId('task-tree').locator('[data-task]');
    const reds = await red.count();
    for (let i = 0; i < reds; i++) assert.match(await red.nth(i).innerText(), /红灯/);
    await page.screenshot({ path: `${shots}/explorer-filtered.png`, fullPage: false });
    await expectNoAxeViolations(page, '/plan filtered');

    await page.getByRole('button', { name: '清除筛选' }).click();
    assert.equal(await count.innerText(), before);
    const department = page.getByLabel('责任单位');
    const option = department.locator('option').nth(1);
    const name = await option.innerText();
    await department.selectOption({ index: 1 });
    const kept = page.getByTestId('target-tree').locator('[data-target]');
    for (let i = 0; i < (await kept.count()); i++) assert.ok((await kept.nth(i).innerText()).includes(name));
    await page.getByRole('button', { name: '清除筛选' }).click();

    await page.getByRole('searchbox', { name: '搜索' }).fill('地区生产总值');
    await page.locator('[data-target="t-gdp"]').waitFor();
    assert.ok((await leaves.count()) < 10, 'the search narrows the tree');
    await page.locator('[data-target="t-gdp"] .sx-px-line a').click();
    await page.waitForURL(/\/indicators\//);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('leads from a task to its task page', step, async () => {
    await page.goto(`${server.url}/plan?as_of=2026-06-30`);
    const task = page.getByTestId('task-tree').locator('[data-task]').first();
    const id = await task.getAttribute('data-task');
    await task.locator('.sx-px-line a').click();
    await page.waitForURL(`${server.url}/tasks/${encodeURIComponent(id ?? '')}`);
  });

  it('reads in English', step, async () => {
    await page.goto(`${server.url}/plan?as_of=2026-06-30`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: /Plan explorer/ }).waitFor();
    assert.match(await page.locator('[data-target="t-gdp"]').innerText(), /At risk/);
    await page.getByLabel('Target status').waitFor();
    await page.screenshot({ path: `${shots}/explorer-en.png`, fullPage: false });
    await expectNoAxeViolations(page, '/plan (en)');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { level: 1, name: /目标任务树/ }).waitFor();
  });

  it('fits a 375 px phone', step, async () => {
    const phone = await newPage(browser, { width: 375, height: 800 });
    try {
      await loginByApi(phone, server.url, 'admin', testAdminPassword);
      await phone.goto(`${server.url}/plan?as_of=2026-06-30`);
      await phone.getByRole('heading', { level: 1, name: /目标任务树/ }).waitFor();
      await phone.locator('[data-target="t-gdp"]').waitFor();
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (page is ${width} px wide)`);
      await phone.screenshot({ path: `${shots}/explorer-375.png`, fullPage: false });
      await expectNoAxeViolations(phone, '/plan at 375 px');
    } finally {
      await phone.context().close();
    }
  });
});
