/**
 * The supervisor's bulletins page in Chromium over the production build (SQLite, demo plan):
 * the nav entry, generating a month, the archived row with its Word / PDF / Excel links (the
 * .docx downloaded through the page), axe-core without serious violations, a screenshot in
 * test-results/. Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots, expectNoAxeViolations } from './browser';

const supervisor = { username: 'sup-e2e', password: 'a supervisor password that is long 督查' };

describe('bulletins page in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    const admin = await login(server.url, 'admin', testAdminPassword);
    const created = await admin.send('POST', '/api/users', {
      ...supervisor,
      display_name: '督查室',
      roles: ['supervisor'],
      departments: [],
    });
    assert.equal(created.status, 201, await created.clone().text());
    await login(server.url, supervisor.username, supervisor.password);
    page = await newPage(browser, { width: 1440, height: 900 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('generates a month and lists it with its downloads', async () => {
    await loginByForm(page, server.url, supervisor.username, supervisor.password);
    await page.getByRole('link', { name: '督查通报' }).first().click();
    await page.waitForURL(`${server.url}/reports`);
    await page.getByRole('heading', { name: '月度督查通报' }).waitFor();
    assert.ok(await page.getByText('尚无归档的通报。').isVisible());
    await page.getByLabel('月份', { exact: true }).fill('2026-10');
    await page.getByRole('button', { name: '生成通报' }).click();
    await page.getByText('已生成2026-10通报').waitFor();
    const row = page.getByRole('row', { name: /2026-10/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /手工生成.*sup-e2e.*Word.*PDF.*Excel数据册/);
    await page.screenshot({ path: `${shots}/reports.png`, fullPage: true });
    await expectNoAxeViolations(page, '/reports');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Word' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), '督查通报-2026-10.docx');
    // The plan summary of a chosen month, made on demand, as Excel.
    await page.getByLabel('简报月份').fill('2026-10');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '推进情况摘要 Excel' }).click(),
    ]);
    assert.equal(xlsx.suggestedFilename(), '推进情况摘要-2026-10.xlsx');
  });
});
