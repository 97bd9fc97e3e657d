/**
 * `/extract` with a task-division table: the 工作任务 tab lists the drafted tasks beside the text,
 * units matched to the administrator's departments and an unmatched one flagged; the planner
 * reassigns it, creates the plan, and the tasks exist with their lead departments and due dates.
 * Needs `npm run build:web` and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByApi, newPage, shots } from './browser';

const text = [
  '2026年城市更新重点工作任务分解方案',
  '一、推进城市更新',
  '（一）实施老旧小区改造',
  '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
  '| --- | --- | --- | --- | --- |',
  '| 1 | 完成老旧小区改造100万平方米 | 区住房和城乡建设委员会 | 区财政局、区未来城市局 | 2026年12月底前 |',
  '| 2 | 出台促进消费十条措施 | 区商务委员会 | — | 2026年3月底前 |',
  '| 3 | 建成智慧城管平台 | 区城市管理局 | 区大数据发展局 | 长期坚持 |',
].join('\n');

describe('review and import the tasks of a task-division table in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    page = await newPage(browser, { width: 1440, height: 900 });
    await loginByApi(page, server.url, 'admin', testAdminPassword);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the drafted tasks with their warnings, reassigns a unit and creates them with the plan', async () => {
    await page.goto(`${server.url}/extract`);
    await page.getByLabel('文件文字').fill(text);
    await page.getByLabel('文件年份').fill('2026');
    await page.getByRole('button', { name: '提取' }).click();

    await page.getByRole('tab', { name: /工作任务/ }).click();
    const tasks = page.getByRole('table', { name: '工作任务' });
    await tasks.getByText('完成老旧小区改造100万平方米').waitFor();
    assert.equal(await tasks.locator('tbody > tr.ant-table-row').count(), 3);
    // Matched to the tenant's own names; an unknown unit stays, flagged for review.
    await tasks.getByText('区住房城乡建委').waitFor();
    await tasks.getByText('区未来城市局（待核对）').waitFor();
    const warnings = page.locator('.sx-x-task-warnings');
    await warnings.getByText(/第1行：未匹配的单位“区未来城市局”/).waitFor();
    await warnings.getByText(/第3行：完成时限“长期坚持”不是日期/).waitFor();

    // Its 原文 link shows the row in the document.
    await tasks.getByRole('button', { name: /在原文中定位：完成老旧小区改造/ }).click();
    const doc = page.getByRole('region', { name: '文件原文' });
    await doc.locator('.sx-x-active', { hasText: '老旧小区' }).first().waitFor();
    await page.waitForTimeout(600); // the smooth scroll of the document pane
    await page.screenshot({ path: `${shots}/extract-tasks.png` });

    // The planner replaces the unknown unit by the tenant's 区规划自然资源局.
    await tasks.getByRole('button', { name: /^编辑 完成老旧小区改造/ }).click();
    const drawer = page.locator('.ant-drawer');
    const co = drawer.getByLabel('配合单位');
    await drawer
      .locator('.ant-select-selection-item', { hasText: '区未来城市局' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await co.click();
    await co.fill('规划自然');
    // Click only once the search has filtered the list: a click while it re-renders lands on
    // whichever option has moved under the pointer (CI saw the edit saved without the new unit).
    const options = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await options.filter({ hasNotText: '规划自然' }).first().waitFor({ state: 'detached' });
    // The one option left is the active one: Enter picks it wherever the list has scrolled to (a
    // click could still land while the dropdown moves, as CI saw twice).
    await options.filter({ hasText: '区规划自然资源局 (ghzyj)' }).waitFor();
    await co.press('Enter');
    await drawer.locator('.ant-select-selection-item', { hasText: '区规划自然资源局' }).waitFor();
    await drawer.getByRole('button', { name: '确定' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await tasks.getByText('区规划自然资源局').waitFor();
    assert.equal(await tasks.getByText('区未来城市局（待核对）').count(), 0);

    await page.getByRole('tab', { name: /规划信息/ }).click();
    await page.getByLabel('规划编号').fill('renewal-2026');
    await page.getByRole('button', { name: '确认创建草稿规划' }).click();
    await page.getByRole('heading', { name: '已创建草稿规划' }).waitFor();

    const created = await page.evaluate(async () => {
      const r = await fetch('/api/plans/renewal-2026/tasks');
      return { status: r.status, body: (await r.json()) as unknown };
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const list = JSON.stringify(created.body);
    for (const want of ['完成老旧小区改造100万平方米', '出台促进消费十条措施', '建成智慧城管平台'])
      assert.ok(list.includes(want), `${want} in ${list.slice(0, 400)}`);
    assert.ok(list.includes('2026-03-31'));
    assert.ok(!list.includes('区未来城市局'));

    // The plan's page counts the programmes it has, not a fixed twelve.
    await page.getByRole('link', { name: '查看规划' }).click();
    await page.getByText('1项工作举措及其子项、牵头单位与配合单位').waitFor();
  });
});
