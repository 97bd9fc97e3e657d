/**
 * `/extract` in a real browser: paste the plenary seed with its year, see the marked statements and
 * the proposed plan, edit it (plan id, drop a target), create the draft, publish it, and read it
 * back from the public API. Needs `npm run build:web` and Debian's /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { seedFile } from '../fixtures';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByApi, newPage, shots } from './browser';

describe('import a plan from a document in a browser', () => {
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

  it('extracts, edits, creates and publishes the plan', async () => {
    const seed = readFileSync(seedFile, 'utf8');
    await page.goto(`${server.url}/extract`);
    await page.getByRole('heading', { level: 1, name: '从文件导入规划' }).waitFor();
    await page.getByLabel('文件文字').fill(seed);
    await page.getByLabel('文件年份').fill('2023');
    await page.getByRole('button', { name: '提取' }).click();

    // The document with its statements marked, achievements and targets each with a word.
    const doc = page.getByRole('region', { name: '文件原文' });
    await doc.locator('mark.sx-x-target', { hasText: '2100' }).first().waitFor();
    assert.ok((await doc.locator('mark.sx-x-achievement').count()) > 10, 'achievements are marked');
    await doc.getByText('目标', { exact: true }).first().waitFor();

    // The proposed plan: 12 programmes.
    await page.getByRole('tab', { name: /工作举措/ }).click();
    const programmes = page.getByRole('table', { name: '工作举措' });
    await programmes.getByText('“干出双城经济圈建设新业绩”见行动、求实效').waitFor();
    assert.equal(await programmes.locator('tbody > tr.ant-table-row').count(), 12);

    // Change the plan id.
    await page.getByRole('tab', { name: /规划信息/ }).click();
    await page.getByLabel('规划编号').fill('plenary-test');

    // Drop one target; its 原文 link shows its span in the document.
    await page.getByRole('tab', { name: /^目标/ }).click();
    const targets = page.getByRole('table', { name: '目标' });
    const before = await targets.locator('tbody > tr.ant-table-row').count();
    await targets.getByRole('button', { name: /在原文中定位：地区生产总值/ }).click();
    await doc.locator('.sx-x-active', { hasText: '2100' }).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(600); // the smooth scroll of the document pane
    await page.screenshot({ path: `${shots}/extract.png` });
    await targets
      .getByRole('button', { name: /^删除 / })
      .last()
      .click();
    await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('table[aria-label="目标"] tbody > tr.ant-table-row').length === n,
      before - 1,
    );

    // Confirm, publish, and read it back publicly.
    await page.getByRole('button', { name: '确认创建草稿规划' }).click();
    await page.getByRole('heading', { name: '已创建草稿规划' }).waitFor();
    await page.getByRole('button', { name: /发布/ }).click();
    await page.getByRole('heading', { name: '已发布' }).waitFor();
    await page.screenshot({ path: `${shots}/extract-done.png` });
    const status = await page.evaluate(async () => (await fetch('/api/public/plans/plenary-test')).status);
    assert.equal(status, 200);
  });
});
