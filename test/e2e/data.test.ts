/**
 * Data reporting in a real browser (SQLite): a reporter of the statistics bureau (owner of `gdp`)
 * enters and submits a value, the bureau's head approves it, the supervisor accepts it, and the
 * plan's status then uses it. Screenshots test-results/data-entry.png and data-review.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { dataPassword, expectJson, seedDataUsers } from '../helpers/data-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots } from './browser';

describe('data reporting in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let admin: Client;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    admin = await login(server.url, 'admin', testAdminPassword);
    await seedDataUsers(server.url, admin);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(username: string): Promise<Page> {
    const page = await newPage(browser);
    await loginByForm(page, server.url, username, dataPassword);
    return page;
  }

  /** The plan's status document (it changes once an accepted value feeds it). */
  const status = async () =>
    JSON.stringify(await expectJson<unknown>(admin.get('/api/plans/yuzhong-2023/status'), 200));
  let initial = '';

  it('a reporter enters and submits gdp_growth 2025 from the calendar', async () => {
    initial = await status();
    const page = await as('rep-a');
    // The reporter lands on /data, whose own tabs repeat the name: use the main navigation's entry.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据报送' }).click();
    await page.getByRole('heading', { name: '应报数据' }).waitFor();
    await page.getByRole('button', { name: '填报 地区生产总值增速 2025' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/数值/).fill('5.8');
    await dialog.getByLabel('来源').fill('区统计局');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已提交：地区生产总值增速 2025年 5.8%').waitFor();
    // What is submitted is no longer owed: it shows under 全部.
    await page.getByText('全部', { exact: true }).click();
    const row = page
      .getByRole('row')
      .filter({ hasText: '2025' })
      .filter({ hasText: '地区生产总值增速（%）' });
    await row.getByText('已提交').waitFor();
    await page.screenshot({ path: `${shots}/data-entry.png`, fullPage: true });
    await page.context().close();
  });

  it('the head approves, the supervisor accepts, and the accepted value is then published', async () => {
    const head = await as('head-a');
    await head.goto(`${server.url}/data/review`);
    const item = head.getByRole('row').filter({ hasText: '地区生产总值增速' }).filter({ hasText: '5.8' });
    await item.waitFor();
    await head.screenshot({ path: `${shots}/data-review.png`, fullPage: true });
    await item.getByRole('button', { name: '审核通过' }).click();
    // Approving asks first, naming the value.
    await head.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await head.getByText('没有待审核的数据').waitFor();
    await head.context().close();
    assert.equal(await status(), initial, 'an approved value does not feed statuses yet');

    const sup = await as('sup-1');
    await sup.goto(`${server.url}/data/review`);
    const pending = sup.getByRole('row').filter({ hasText: '5.8' });
    await pending.getByRole('button', { name: '采纳' }).click();
    await sup.getByRole('dialog').getByRole('button', { name: '采纳' }).click();
    await sup.getByText('已采纳：地区生产总值增速 2025年 5.8%').waitFor();
    await sup.getByText('没有待审核的数据').waitFor();
    await sup.goto(`${server.url}/data/history/gdp_growth/2025`);
    await sup.getByRole('heading', { name: /历史版本/ }).waitFor();
    await sup.getByText('已采纳').first().waitFor();
    await sup.context().close();
    // No target of the demo plan uses gdp_growth, so the status document stays as it was; the
    // accepted value now feeds the observations that statuses and the cockpit read.
    assert.equal(await status(), initial);
    const obs = await expectJson<{ observations: { period: string; value: number; alternate: boolean }[] }>(
      admin.get('/api/plans/yuzhong-2023/observations?indicator=gdp_growth'),
      200,
    );
    assert.equal(obs.observations.find((o) => o.period === '2025' && !o.alternate)?.value, 5.8);
  });
});
