/**
 * The supervisor's review queue (待我审核) in Chromium, in Chinese at 1440 px, over the production
 * build (SQLite, demo plan, the clock on 2026-12-01): a liaison of the housing commission (王芳)
 * files the report owed on 完成老旧小区改造100万平方米 and asks for an extension; the supervisor
 * reaches the queue from the supervision tabs, sees both by name, approves the report after a
 * confirmation, reads what was done in words, and the report leaves the queue while the
 * extension request stays. axe-core on the page. Screenshots in test-results/tasks-review-*.png.
 * Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';
import { expectNoAxeViolations, launchBrowser, loginByForm, newPage, shots } from './browser';

const password = 'tasks review e2e 待我审核 2026!';
const plan = '/api/plans/yuzhong-2023/tasks';
const task = 'p5-a1-t1'; // 完成老旧小区改造100万平方米, led by zjw: 2026-Q4 owed on 2026-12-01
const title = '完成老旧小区改造100万平方米';

describe('the supervisor’s review queue in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let liaison: Client;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => new Date('2026-12-01T08:00:00Z') });
    const admin = await login(server.url, 'admin', testAdminPassword);
    for (const [username, display_name, roles, departments] of [
      ['wang-fang', '王芳', ['reporter'], ['zjw']],
      ['duchashi', '督查室张三', ['supervisor'], []],
    ] as const) {
      const res = await admin.send('POST', '/api/users', {
        username,
        display_name,
        password,
        roles,
        departments,
      });
      assert.equal(res.status, 201, await res.text());
    }
    liaison = await login(server.url, 'wang-fang', password);
    await login(server.url, 'duchashi', password);
    const filed = await liaison.send('POST', `${plan}/${task}/reports`, {
      period: '2026-Q4',
      progress: '第四季度完成改造面积12万平方米',
      percent: 85,
    });
    const body = await filed.text();
    assert.equal(filed.status, 201, body);
    const detail = JSON.parse(body) as { version: number };
    const asked = await liaison.send('POST', `${plan}/${task}/request-extension`, {
      if_version: detail.version,
      new_due: '2027-12-31',
      reason: '冬季停工，部分楼栋需延至次年',
    });
    assert.equal(asked.status, 200, await asked.text());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the report and the extension by name; approving the report removes it, in words', async () => {
    const page = await newPage(browser, { width: 1440, height: 1000 });
    await loginByForm(page, server.url, 'duchashi', password);
    await page.goto(`${server.url}/tasks`);
    await page.getByRole('navigation', { name: '督查督办' }).getByRole('link', { name: '待我审核' }).click();
    await page.waitForURL(/\/tasks\/review$/);
    await page.getByRole('heading', { level: 1, name: '待我审核' }).waitFor();
    const rows = page.locator('tbody tr').filter({ hasText: title });
    const report = rows.filter({ hasText: '进展报告' });
    const extension = rows.filter({ hasText: '延期申请' });
    await report.waitFor();
    assert.equal(await rows.count(), 2);
    const reportText = await report.innerText();
    assert.match(reportText, /王芳/);
    assert.match(reportText, /区住房城乡建委|住房/);
    assert.match(reportText, /85%/);
    assert.match(await extension.innerText(), /2027-12-31/);
    assert.doesNotMatch(reportText, /wang-fang|zjw/);
    await page.mouse.move(0, 999); // not hovering the tab just clicked
    await expectNoAxeViolations(page, '/tasks/review');
    await page.screenshot({ path: `${shots}/tasks-review-queue.png`, fullPage: true });

    await report.getByRole('button', { name: '通过' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('不能撤回').waitFor();
    assert.match(await dialog.innerText(), new RegExp(`确认通过：${title}`));
    await page.screenshot({ path: `${shots}/tasks-review-confirm.png` });
    await dialog.getByRole('button', { name: '通过' }).click();

    const said = page.locator('.sx-tk-rq-done');
    await said.waitFor();
    assert.match(await said.innerText(), new RegExp(`已通过：${title} 2026年第四季度进展报告`));
    await report.waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1, 'the extension request stays');
    await extension.waitFor();
    await page.screenshot({ path: `${shots}/tasks-review-done.png`, fullPage: true });
    await page.close();
  });
});
