/**
 * Task supervision in Chromium over the production build (SQLite, demo plan, the clock on
 * 2026-12-01): the supervisor's board filtered to red through its counts (the filter stays in
 * the URL) and shown as a kanban; a liaison of the housing commission (zjw) finds the report it
 * owes on "my tasks" and files it with an evidence file; the co-operating department adds its
 * part; the supervisor accepts it with a comment and the timeline says so; an extension asked
 * for with a date and a reason is approved; a qualitative target is assessed. axe-core on each
 * page, the pages on a 375 px phone (zh and en) without sideways scrolling. Screenshots in
 * test-results/tasks-*.png. Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots, expectNoAxeViolations } from './browser';

const password = 'tasks e2e 督查督办 password 2026!';
const liaison = { username: 'liaison-zjw', roles: ['reporter'], departments: ['zjw'] };
const supervisor = { username: 'duchashi', roles: ['supervisor'], departments: [] };
const partner = { username: 'liaison-ghzyj', roles: ['reporter'], departments: ['ghzyj'] }; // 配合单位 of p5-a1-t1
const task = 'p5-a1-t1'; // 完成老旧小区改造100万平方米, led by zjw: 2026-Q4 owed on 2026-12-01
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const { overflow, culprits } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
  }));
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the phone: ${culprits.join(', ')}`);
}

describe('task supervision in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => new Date('2026-12-01T08:00:00Z') });
    const admin = await login(server.url, 'admin', testAdminPassword);
    for (const u of [liaison, supervisor, partner]) {
      const res = await admin.send('POST', '/api/users', { ...u, display_name: u.username, password });
      assert.equal(res.status, 201, await res.text());
      // The administrator set the password: the first login replaces it (with the same one).
      await login(server.url, u.username, password);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(browser, viewport);
    await loginByForm(page, server.url, username, password);
    return page;
  }

  it('the supervisor’s board filters to red through its counts, kept in the URL, and shows a kanban', async () => {
    const page = await as(supervisor.username, { width: 1440, height: 1000 });
    await page
      .getByRole('navigation', { name: '主导航' })
      .first()
      .getByRole('link', { name: '督查督办' })
      .click();
    await page.getByRole('heading', { level: 1, name: '任务看板' }).waitFor();
    const counts = page.getByRole('group', { name: '按灯色筛选任务' });
    const red = counts.getByRole('button', { name: /红灯/ });
    assert.equal((await red.locator('strong').innerText()).trim(), '9');
    assert.equal(
      (await counts.getByRole('button', { name: /全部/ }).locator('strong').innerText()).trim(),
      '37',
    );
    await expectNoAxeViolations(page, '/tasks');
    await page.screenshot({ path: `${shots}/tasks-board.png`, fullPage: true });

    await red.click();
    await page.waitForURL(/\/tasks\?light=red$/);
    assert.equal(await red.getAttribute('aria-pressed'), 'true');
    await page.getByText('共9项任务').waitFor();
    const rows = page.locator('.sx-tk-wide tbody tr');
    assert.equal(await rows.count(), 9);
    for (const text of await rows.allInnerTexts()) assert.match(text, /红灯/);
    assert.match(await rows.filter({ hasText: '完成老旧小区改造100万平方米' }).innerText(), /催办/);
    assert.equal(
      await page.getByLabel('灯色', { exact: true }).inputValue(),
      'red',
      'the filter form shows the URL’s filter',
    );
    await page.screenshot({ path: `${shots}/tasks-board-red.png`, fullPage: true });

    // Reloading the address gives the same board; the kanban keeps the filter.
    await page.reload();
    await page.getByText('共9项任务').waitFor();
    await page.getByRole('button', { name: '看板' }).click();
    await page.waitForURL(/light=red&view=kanban/);
    const cards = page.locator('.sx-tk-kanban .sx-tk-card');
    assert.equal(await cards.count(), 9);
    await page.getByRole('button', { name: '按灯色' }).click();
    assert.equal(await page.locator('[data-column="red"] .sx-tk-card').count(), 9);
    await page.screenshot({ path: `${shots}/tasks-kanban.png`, fullPage: true });

    await page.goto(`${server.url}/tasks/red`);
    await page.getByRole('heading', { level: 2, name: /督办事项/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /逾期未报/ }).waitFor();
    const notices = page.getByRole('region', { name: /督办事项/ });
    assert.equal(await notices.locator('tbody tr').count(), 5);
    assert.match(await notices.innerText(), /深化与四川有关市州合作项目落地[\s\S]*逾期57天/);
    await expectNoAxeViolations(page, '/tasks/red');
    await page.screenshot({ path: `${shots}/tasks-red.png`, fullPage: true });
    await page.context().close();
  });

  it('a liaison finds the report it owes on “my tasks” and files it with evidence', async () => {
    const page = await as(liaison.username, { width: 1280, height: 900 });
    await page.goto(`${server.url}/tasks/mine`);
    await page.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    const due = page.getByRole('region', { name: /本期应报/ });
    const row = due.getByRole('row').filter({ hasText: '完成老旧小区改造100万平方米' });
    assert.match(await row.innerText(), /2026年第四季度[\s\S]*2027-01-05/);
    await expectNoAxeViolations(page, '/tasks/mine');
    await page.screenshot({ path: `${shots}/tasks-mine.png`, fullPage: true });
    await row.getByRole('link', { name: /填报/ }).click();
    await page.waitForURL(new RegExp(`/tasks/${task}\\?report=2026-Q4$`));
    await page.getByRole('heading', { level: 1, name: '完成老旧小区改造100万平方米' }).waitFor();

    const form = page.getByRole('region', { name: '报送进展' });
    assert.equal(await form.getByLabel('期次').inputValue(), '2026-Q4');
    await form.getByLabel('进展情况').fill('二期招标已完成，累计改造68万平方米');
    await form.getByLabel('存在问题').fill('冬季施工工期紧');
    await form.getByLabel('下步打算').fill('12月底前完成三期设计');
    await form.getByLabel('完成进度（%）').fill('68');
    await form
      .getByLabel('佐证材料')
      .setInputFiles({ name: '招标结果公示.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: '提交报告' }).click();
    await page.getByText('已报送2026年第四季度进展，等待督查室审核').waitFor();
    const report = page.locator('[data-period="2026-Q4"]');
    await report.getByText('待审核').waitFor();
    await report.getByRole('link', { name: /招标结果公示\.pdf/ }).waitFor();
    assert.match(await report.innerText(), /68%/);
    assert.match(await page.getByRole('region', { name: '办理过程' }).innerText(), /报送进展/);
    await expectNoAxeViolations(page, `/tasks/${task}`);
    await page.screenshot({ path: `${shots}/tasks-filed.png`, fullPage: true });
    await page.context().close();
  });

  it('the co-operating department adds its part to the report', async () => {
    const page = await as(partner.username);
    await page.goto(`${server.url}/tasks/${task}`);
    const report = page.locator('[data-period="2026-Q4"]');
    await report.getByLabel('补充本单位配合情况').fill('完成二期规划方案审查');
    await report.getByRole('button', { name: '补充本单位配合情况' }).click();
    await page.getByText('已补充配合情况').waitFor();
    assert.match(await report.innerText(), /区规划自然资源局\s*完成二期规划方案审查/);
    // A co-operating department files no report and takes no step of the lead department.
    assert.equal(await page.getByRole('region', { name: '报送进展' }).count(), 0);
    await page.getByText('您在此任务当前状态下没有可办理的事项。').waitFor();
    await page.context().close();
  });

  it('the supervisor accepts the report with a comment, after confirming', async () => {
    const page = await as(supervisor.username, { width: 1280, height: 900 });
    await page.goto(`${server.url}/tasks/${task}`);
    const report = page.locator('[data-period="2026-Q4"]');
    await report.getByText('待审核').waitFor();
    await report.getByLabel(/审核意见/).fill('进展属实，佐证齐全');
    await report.getByRole('button', { name: '采纳' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('确认采纳 2026年第四季度？').waitFor();
    await confirm.getByRole('button', { name: '采纳' }).click();
    await page.getByText('已采纳2026年第四季度报告').waitFor();
    await report.getByText('已采纳').waitFor();
    assert.match(await report.innerText(), /审核意见：进展属实，佐证齐全/);
    assert.match(await page.getByRole('region', { name: '办理过程' }).innerText(), /采纳进展报告/);
    await page.screenshot({ path: `${shots}/tasks-accepted.png`, fullPage: true });
    await page.context().close();
  });

  it('the liaison asks for an extension with a date and a reason; the supervisor approves it', async () => {
    const rep = await as(liaison.username);
    await rep.goto(`${server.url}/tasks/${task}`);
    await rep.getByRole('button', { name: '申请延期' }).click();
    const dialog = rep.getByRole('dialog');
    await dialog.getByText('确认申请延期？').waitFor();
    await dialog.getByLabel('申请延期至').fill('2027-09-30');
    await dialog.getByLabel(/延期理由/).fill('三期工程受雨季影响');
    await dialog.getByRole('button', { name: '申请延期' }).click();
    await rep.getByText('已申请延期：“完成老旧小区改造100万平方米”现为“申请延期”').waitFor();
    await rep.context().close();

    const sup = await as(supervisor.username);
    await sup.goto(`${server.url}/tasks/${task}`);
    await sup.getByText('2027-06-30 → 2027-09-30：三期工程受雨季影响').first().waitFor();
    await sup.getByRole('button', { name: '同意延期', exact: true }).click();
    await sup.getByRole('dialog').getByRole('button', { name: '同意延期', exact: true }).click();
    await sup.getByText(/已同意延期：.*现为“推进中”/).waitFor();
    await sup.getByRole('dialog').waitFor({ state: 'hidden' });
    const facts = sup.getByRole('region', { name: '任务信息' });
    assert.match(await facts.innerText(), /截止日期\s*2027-09-30/);
    assert.match(await sup.getByRole('region', { name: '延期申请' }).innerText(), /已同意/);
    await expectNoAxeViolations(sup, `/tasks/${task} after the extension`);
    await sup.screenshot({ path: `${shots}/tasks-extension.png`, fullPage: true });
    await sup.context().close();
  });

  it('the supervisor assesses a qualitative target beside its linked task’s progress', async () => {
    const page = await as(supervisor.username, { width: 1280, height: 900 });
    await page.goto(`${server.url}/tasks/assessments`);
    await page.getByRole('heading', { level: 1, name: '定性目标评估' }).waitFor();
    const card = page.locator('article#t-rule-of-law');
    // The task of the rule-of-law target stands beside it with its progress.
    assert.match(await card.innerText(), /创建全国法治政府建设示范区[\s\S]*推进中[\s\S]*\d+%/);
    await card.getByRole('button', { name: '评估' }).click();
    await card.getByLabel('评估期').fill('2026');
    await card.getByRole('radio', { name: '基本达成' }).check();
    await card.getByLabel(/理由/).fill('示范区创建按计划推进，年度评估指标基本完成');
    await card.getByLabel(/佐证材料/).fill('区司法局年度自评报告');
    await card.getByRole('button', { name: '记录评估' }).click();
    await page.getByText('已记录2026评估：基本达成').waitFor();
    assert.match(await card.innerText(), /2026 · 基本达成[\s\S]*年度评估指标基本完成/);
    await expectNoAxeViolations(page, '/tasks/assessments');
    await page.screenshot({ path: `${shots}/tasks-assessments.png`, fullPage: true });
    await page.context().close();
  });

  it('reads well on a 375 px phone: board cards, my tasks and the task page', async () => {
    const sup = await as(supervisor.username, { width: 375, height: 800 });
    await sup.goto(`${server.url}/tasks?light=red`);
    await sup.getByText('共9项任务').waitFor();
    assert.equal(await sup.locator('.sx-tk-narrow .sx-tk-card').count(), 9);
    await noSidewaysScroll(sup, '/tasks?light=red');
    await expectNoAxeViolations(sup, '/tasks on a phone');
    await sup.screenshot({ path: `${shots}/tasks-board-phone.png`, fullPage: true });
    // English is the second language: the board speaks it after the switch.
    await sup.getByRole('button', { name: 'Switch to English' }).click();
    await sup.getByRole('heading', { level: 1, name: 'Task board' }).waitFor();
    await sup.getByText('9 tasks').first().waitFor();
    await sup.screenshot({ path: `${shots}/tasks-board-phone-en.png`, fullPage: true });
    await noSidewaysScroll(sup, '/tasks in English');
    await sup.getByRole('button', { name: '切换到中文' }).click();
    await sup.goto(`${server.url}/tasks/${task}`);
    await sup.locator('[data-period="2026-Q4"]').getByText('已采纳').waitFor();
    await noSidewaysScroll(sup, `/tasks/${task}`);
    await sup.screenshot({ path: `${shots}/tasks-task-phone.png`, fullPage: true });
    await sup.context().close();

    const rep = await as(liaison.username, { width: 375, height: 800 });
    await rep.goto(`${server.url}/tasks/mine`);
    await rep.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    await rep
      .getByRole('region', { name: /全部任务/ })
      .locator('.sx-tk-card')
      .first()
      .waitFor();
    await rep.screenshot({ path: `${shots}/tasks-mine-phone.png`, fullPage: true });
    await noSidewaysScroll(rep, '/tasks/mine');
    await rep.context().close();
  });
});
