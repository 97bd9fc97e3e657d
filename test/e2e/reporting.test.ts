/**
 * Reporting without training (issue 18) in a real browser, on 2026-12-01, with people of the
 * statistics bureau (李明 reports, 张华 heads it) and the supervisor 王军: the running year's
 * preliminary GDP entered on a 375 px phone, a value typed in 万元 warned about before submit,
 * the head notified and approving after a confirmation, a return whose reason the reporter sees
 * in the form, the supervisor's district view filtered to late departments and a 催报 reaching
 * the department; the reporter's page in English. Screenshots in test-results/reporting-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots } from './browser';
import { password, seedReportingPeople } from './reporting-people';

const phone = { width: 375, height: 812 };

describe('reporting without training in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => new Date('2026-12-01T08:00:00Z') });
    await seedReportingPeople(server);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(
    username: string,
    viewport?: { width: number; height: number },
    lang?: 'en',
  ): Promise<Page> {
    const page = await newPage(browser, viewport);
    await loginByForm(page, server.url, username, password);
    if (lang) {
      await page.evaluate(() => window.localStorage.setItem('shixiao.lang', 'en'));
      await page.reload();
    }
    return page;
  }

  it('a reporter on a phone lands on what she owes, is warned about 万元, and submits the preliminary 2026 GDP', async () => {
    const page = await as('li-ming', phone);
    await page.waitForURL(/\/data$/);
    await page.getByRole('heading', { name: '应报数据' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: '地区生产总值（亿元）' })
      .filter({ hasText: '2026年' });
    await row.getByText('进行中，可报快报').waitFor();
    await page.screenshot({ path: `${shots}/reporting-phone-list.png`, fullPage: true });
    await row.getByRole('button', { name: '填报 地区生产总值 2026' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('本期尚未结束，只能填报快报/预计数').waitFor();
    assert.equal(await dialog.getByRole('checkbox').isChecked(), true);
    await dialog.getByLabel(/数值/).fill('18500000');
    await dialog.getByLabel('来源').fill('区统计局快报');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText(/是否把万元和亿元弄混了.*可能应为1850亿元/).waitFor();
    await page.screenshot({ path: `${shots}/reporting-phone-warning.png` });
    await dialog.getByRole('button', { name: '修改' }).click();
    await dialog.getByLabel(/数值/).fill('1850');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已提交：地区生产总值 2026年 1850亿元（快报/预计）').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('全部', { exact: true }).click();
    await page
      .getByRole('row')
      .filter({ hasText: '地区生产总值（亿元）' })
      .filter({ hasText: '2026年' })
      .getByText('已提交')
      .waitFor();
    await page.screenshot({ path: `${shots}/reporting-phone-submitted.png`, fullPage: true });
    await page.context().close();
  });

  it('the head is told, asked to confirm, and approving says what was approved', async () => {
    const page = await as('zhang-hua');
    await page.waitForURL(/\/data\/review$/);
    await page.getByRole('button', { name: /消息/ }).click();
    await page.getByText('李明提交了地区生产总值 2026年 1850亿元（快报/预计），待您审核').waitFor();
    await page.screenshot({ path: `${shots}/reporting-head-message.png` });
    await page.keyboard.press('Escape');
    const item = page.getByRole('row').filter({ hasText: '地区生产总值' }).filter({ hasText: '1850亿元' });
    await item.getByText('李明').waitFor();
    await item.getByText('区统计局', { exact: true }).waitFor();
    await item.getByRole('button', { name: '审核通过' }).click();
    const confirm = page
      .getByRole('dialog')
      .filter({ hasText: '审核通过 地区生产总值 2026年 1850亿元（快报/预计）？' });
    await confirm.waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: `${shots}/reporting-head-confirm.png` });
    await confirm.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过：地区生产总值 2026年 1850亿元（快报/预计）').waitFor();
    await page.context().close();
  });

  it('the supervisor returns it with a reason, and the reporter reads the reason in the form', async () => {
    const sup = await as('wang-jun');
    await sup.goto(`${server.url}/data/review`);
    const item = sup.getByRole('row').filter({ hasText: '1850亿元' });
    await item.getByRole('button', { name: '退回' }).click();
    await sup.getByLabel('退回原因').fill('请按快报口径核对，与市统计局数据一致');
    await sup.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await sup.getByText('已退回：地区生产总值 2026年 1850亿元（快报/预计）').waitFor();
    await sup.context().close();

    const page = await as('li-ming', phone);
    const row = page
      .getByRole('row')
      .filter({ hasText: '地区生产总值（亿元）' })
      .filter({ hasText: '2026年' });
    await row.getByRole('button', { name: '修改 地区生产总值 2026' }).click();
    await page.getByRole('dialog').getByText('王军退回：请按快报口径核对，与市统计局数据一致').waitFor();
    await page.screenshot({ path: `${shots}/reporting-phone-returned.png` });
    await page.context().close();
  });

  it('the supervisor filters the district to late departments and 催报 reaches the department', async () => {
    const page = await as('wang-jun');
    await page.goto(`${server.url}/data/district`);
    await page.getByRole('heading', { name: '全区数据报送情况' }).waitFor();
    await page.getByText('有迟报').click();
    const tjj = page.getByRole('row').filter({ hasText: '区统计局' });
    await tjj.waitFor();
    assert.equal(
      await page.getByRole('row').filter({ hasText: '区发展改革委' }).count(),
      0,
      'fgw reported nothing late',
    );
    await tjj.getByRole('button', { name: '催报 区统计局' }).click();
    await page.getByLabel('附言（可不填）').fill('请于12月5日前补报');
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: `${shots}/reporting-district.png`, fullPage: true });
    await page.getByRole('dialog').getByRole('button', { name: '催报' }).click();
    await page.getByText(/已向区统计局催报（\d+项未报）/).waitFor();
    await page.context().close();

    const rep = await as('li-ming', phone);
    await rep.getByRole('button', { name: /消息/ }).click();
    await rep.getByText(/王军催报：区统计局有\d+项数据逾期未报：请于12月5日前补报/).waitFor();
    await rep.screenshot({ path: `${shots}/reporting-phone-urged.png` });
    await rep.context().close();
    const other = await as('zhao-li');
    await other.getByRole('button', { name: /消息/ }).click();
    assert.equal(await other.getByText(/催报/).count(), 0, 'another department is not told');
    await other.context().close();
  });

  it('in English the reporter reads names, units and the 万元 warning in English', async () => {
    const page = await as('li-ming', phone, 'en');
    await page.getByRole('heading', { name: 'What we owe' }).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Gross domestic product (GDP)' })
      .filter({ hasText: '2026' });
    await row.getByRole('button', { name: /Edit Gross domestic product \(GDP\) 2026/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Returned by 王军: 请按快报口径核对，与市统计局数据一致').waitFor();
    await dialog.getByLabel(/^Value/).fill('18500000');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await dialog.getByText(/were 万元 and 亿元 mixed up\? It may be 185 billion yuan/).waitFor();
    await page.screenshot({ path: `${shots}/reporting-phone-en.png` });
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /应报数据|提交|请核对/, 'no Chinese interface words in English mode');
    await page.context().close();
  });

  it('the audit page finds the return by the indicator name and reads it as a sentence with a link', async () => {
    const page = await newPage(browser);
    await loginByForm(page, server.url, 'admin', testAdminPassword);
    await page.goto(`${server.url}/admin/audit`);
    await page.getByLabel('查找（人员、指标、操作）').fill('地区生产总值');
    const link = page.getByRole('link', { name: 'wang-jun 退回：地区生产总值 2026年 1850亿元' });
    await link.waitFor();
    assert.equal(
      await page.getByRole('row').filter({ hasText: '登录' }).count(),
      0,
      'only entries about the indicator',
    );
    await page.screenshot({ path: `${shots}/reporting-audit.png`, fullPage: true });
    await link.click();
    await page.getByRole('heading', { name: '历史版本：地区生产总值 · 2026年' }).waitFor();
    await page.getByRole('cell', { name: '退回', exact: true }).first().waitFor();
    await page.screenshot({ path: `${shots}/reporting-history.png`, fullPage: true });
    await page.context().close();
  });
});
