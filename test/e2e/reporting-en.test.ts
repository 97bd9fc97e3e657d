/**
 * Reporting without training (issue 18) in English, in a real browser, on 2026-12-01: the English
 * counterparts of reporting.test.ts. The head of the statistics bureau (张华) reads in Messages that
 * 李明 submitted the preliminary 2026 GDP and approves it after a worded confirmation; the
 * supervisor (王军) filters the district to late departments and urges the bureau, whose reporter
 * reads the message; the administrator finds the approval on the audit page by the indicator's
 * English name. People's names are data and stay as entered; the interface and the departments'
 * and indicators' names are English. Screenshots in test-results/reporting-en-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { expectJson } from '../helpers/data-users';
import { startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots } from './browser';
import { data, password, seedReportingPeople } from './reporting-people';

const phone = { width: 375, height: 812 };
/**
 * What stays Chinese in English mode: people's display names and a value's source (data), the
 * brand 实效 and the language switch 中文.
 */
const dataWords = /区统计局快报|李明|张华|王军|赵丽|系统管理员|实效|^中文$/gm;

/** The page's text with plan data taken out: what is left must hold no Chinese. */
async function chineseOutsideData(page: Page): Promise<string[]> {
  const text = (await page.locator('body').innerText()).replace(dataWords, '');
  return [...new Set(text.match(/[\u4e00-\u9fff]+/g) ?? [])];
}

describe('reporting without training in a browser, in English', () => {
  let server: RunningTestServer;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => new Date('2026-12-01T08:00:00Z') });
    const { li } = await seedReportingPeople(server);
    // The running year's preliminary GDP, submitted: the head is told.
    await expectJson(
      li.send('POST', `${data}/values`, {
        indicator: 'gdp',
        period: '2026',
        value: 1850,
        preliminary: true,
        source: '区统计局快报',
      }),
      201,
    );
    await expectJson(li.send('POST', `${data}/values/gdp/2026/submit`, { if_version: 1 }), 200);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(
    username: string,
    viewport?: { width: number; height: number },
    secret = password,
  ): Promise<Page> {
    const page = await newPage(browser, viewport);
    await loginByForm(page, server.url, username, secret);
    await page.evaluate(() => window.localStorage.setItem('shixiao.lang', 'en'));
    await page.reload();
    return page;
  }

  it('the head reads the submission in Messages and approving says in English what was approved', async () => {
    const page = await as('zhang-hua');
    await page.waitForURL(/\/data\/review$/);
    await page.getByRole('button', { name: /Messages/ }).click();
    await page
      .getByText(
        /李明 submitted Gross domestic product \(GDP\) 2026 185 billion yuan \(preliminary\) for your review/,
      )
      .waitFor();
    await page.screenshot({ path: `${shots}/reporting-en-head-message.png` });
    assert.deepEqual(await chineseOutsideData(page), [], 'Messages in English');
    await page.keyboard.press('Escape');
    const item = page
      .getByRole('row')
      .filter({ hasText: 'Gross domestic product (GDP)' })
      .filter({ hasText: '185 billion yuan' });
    await item.getByText('李明').waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    const confirm = page
      .getByRole('dialog')
      .filter({ hasText: 'Approve Gross domestic product (GDP), 2026, 185 billion yuan (preliminary)?' });
    await confirm.getByText('Once approved, the value goes to the supervisor for acceptance.').waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: `${shots}/reporting-en-head-confirm.png` });
    assert.deepEqual(await chineseOutsideData(page), [], 'the review queue and its confirmation in English');
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByText('Approved: Gross domestic product (GDP), 2026, 185 billion yuan (preliminary)')
      .waitFor();
    await page.context().close();
  });

  it('the supervisor filters the district to late departments and the urge reaches the department', async () => {
    const page = await as('wang-jun');
    await page.goto(`${server.url}/data/district`);
    await page.getByRole('heading', { name: 'Reporting across the district' }).waitFor();
    await page.getByText('With late values', { exact: true }).click();
    const tjj = page.getByRole('row').filter({ hasText: 'District Statistics Bureau' });
    await tjj.waitFor();
    assert.equal(
      await page
        .getByRole('row')
        .filter({ hasText: /Development and Reform/ })
        .count(),
      0,
      'fgw reported nothing late',
    );
    assert.deepEqual(await chineseOutsideData(page), [], 'the district view in English');
    await tjj.getByRole('button', { name: 'Urge District Statistics Bureau' }).click();
    await page.getByLabel('Note (optional)').fill('please report by 5 December');
    await page.getByRole('dialog').getByText('Urge District Statistics Bureau').waitFor();
    await page.waitForTimeout(500); // the dialog's opening animation, for the screenshot only
    await page.screenshot({ path: `${shots}/reporting-en-district.png`, fullPage: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Urge' }).click();
    await page.getByText(/District Statistics Bureau urged \(\d+ values missing\)/).waitFor();
    await page.context().close();

    const rep = await as('li-ming', phone);
    await rep.getByRole('button', { name: /Messages/ }).click();
    await rep
      .getByText(/王军 urges: District Statistics Bureau has \d+ values overdue.*please report by 5 December/)
      .waitFor();
    await rep.screenshot({ path: `${shots}/reporting-en-phone-urged.png` });
    assert.deepEqual(await chineseOutsideData(rep), [], 'the reporter’s messages in English');
    await rep.context().close();
    const other = await as('zhao-li');
    await other.getByRole('button', { name: /Messages/ }).click();
    await other.getByText('No messages').waitFor();
    assert.equal(await other.getByText(/urges/).count(), 0, 'another department is not told');
    await other.context().close();
  });

  it('the audit page finds the approval by the indicator’s English name and reads it as a sentence', async () => {
    const page = await as('admin', undefined, testAdminPassword);
    await page.goto(`${server.url}/admin/audit`);
    await page.getByLabel('Find (person, indicator, action)').fill('Gross domestic product');
    const link = page.getByRole('link', {
      name: /^zhang-hua — Approved: Gross domestic product \(GDP\) 2026 185 billion yuan/,
    });
    await link.waitFor();
    assert.equal(
      await page.getByRole('row').filter({ hasText: 'Logged in' }).count(),
      0,
      'only entries about the indicator',
    );
    await page.screenshot({ path: `${shots}/reporting-en-audit.png`, fullPage: true });
    assert.deepEqual(await chineseOutsideData(page), [], 'the audit page in English');
    await link.click();
    await page.getByRole('heading', { name: 'History: Gross domestic product (GDP) · 2026' }).waitFor();
    await page.getByRole('cell', { name: 'Approved', exact: true }).first().waitFor();
    await page.screenshot({ path: `${shots}/reporting-en-history.png`, fullPage: true });
    assert.deepEqual(await chineseOutsideData(page), [], 'the history page in English');
    await page.context().close();
  });
});
