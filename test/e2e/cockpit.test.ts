/**
 * The leader's path in Chromium over the production build (SQLite, demo plan): log in, read the
 * cockpit, filter by a status count, drill down to GDP, read its forecast and try a what-if,
 * open the big screen and watch it survive the server going away. axe-core on each page (no
 * serious or critical violation), an anonymous home page without failed requests, and the
 * folded navigation at 375 px. Screenshots in test-results/. Needs `npm run build:web`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByForm, newPage, shots, expectNoAxeViolations } from './browser';

const leader = { username: 'leader-e2e', password: 'a leader password that is long 领导' };

describe('leaders’ cockpit in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    const admin = await login(server.url, 'admin', testAdminPassword);
    const created = await admin.send('POST', '/api/users', {
      ...leader,
      display_name: '区长',
      roles: ['leader'],
      departments: [],
    });
    assert.equal(created.status, 201, await created.clone().text());
    // The administrator set the password: its first login replaces it (here with the same one).
    await login(server.url, leader.username, leader.password);
    page = await newPage(browser, { width: 1440, height: 1000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('greets an anonymous visitor of / without a failed request', async () => {
    const anon = await newPage(browser);
    const failed: string[] = [];
    anon.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    anon.on('console', (m) => {
      if (m.type() === 'error') failed.push(m.text());
    });
    await anon.goto(`${server.url}/`);
    await anon.getByRole('heading', { level: 1, name: '渝中区未来五年发展目标' }).waitFor();
    await anon.getByText('地区生产总值迈上2100亿元台阶').first().waitFor();
    assert.deepEqual(failed, []);
    const nav = anon.getByRole('navigation', { name: '主导航' }).first();
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['规划总览', '公开进展']);
    await expectNoAxeViolations(anon, '/ (anonymous)');
    await anon.context().close();
  });

  it('logs a leader in and shows the entries a leader can use', async () => {
    await loginByForm(page, server.url, leader.username, leader.password);
    const nav = page.getByRole('navigation', { name: '主导航' }).first();
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), [
      '规划总览',
      '领导驾驶舱',
      '数据报送',
      '督查督办',
      '目标任务树',
      '督查通报',
      '部门考核',
      '公开进展',
    ]);
    await nav.getByRole('link', { name: '领导驾驶舱' }).click();
    await page.waitForURL(`${server.url}/cockpit`);
  });

  it('reads the cockpit: counts, the most urgent first, key numbers of each target', async () => {
    await page.goto(`${server.url}/cockpit?as_of=2026-06-30`);
    await page.getByRole('heading', { level: 1, name: /领导驾驶舱/ }).waitFor();
    const urgent = page.getByRole('region', { name: '最需关注' });
    const gdp = urgent.locator('[data-target="t-gdp"]');
    await gdp.waitFor();
    const text = await gdp.innerText();
    assert.match(text, /预警/);
    assert.match(text, /最新值\s*1781\.8亿元（2025）/);
    assert.match(text, /目标\s*2100亿元/);
    assert.match(text, /预计2027年\s*\d{4}(\.\d)?亿元 · 达成概率\d+%/);
    assert.match(text, /年均增长4\.5%/, 'the one-sentence explanation');
    assert.equal(await page.getByRole('region', { name: '六大目标领域' }).locator('h3').count(), 6);
    await page.getByRole('region', { name: /数据逾期/ }).waitFor();
    // The task lights of the programmes and the tasks overdue by lead department, in the same read.
    const lights = page.getByRole('region', { name: '工作举措任务灯' });
    assert.match(await lights.innerText(), /(红|黄|绿|已完成) \d+/);
    await page.getByRole('region', { name: /任务与报告逾期/ }).waitFor();
    await lights.locator('summary').first().click();
    await page.screenshot({ path: `${shots}/cockpit.png`, fullPage: true });
    await expectNoAxeViolations(page, '/cockpit');
    // Each task clicks through to its page (its timeline).
    const task = lights.getByRole('link').first();
    const href = (await task.getAttribute('href')) ?? '';
    assert.match(href, /^\/tasks\/p1-a\d-t1$/);
    await task.click();
    await page.waitForURL(`${server.url}${href}`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /领导驾驶舱/ }).waitFor();
  });

  it('filters the view when a status count is clicked', async () => {
    const atRisk = page.getByRole('button', { name: /预警/ });
    const n = Number((await atRisk.locator('strong').innerText()).trim());
    assert.ok(n > 0);
    await atRisk.click();
    assert.equal(await atRisk.getAttribute('aria-pressed'), 'true');
    await page.getByText(`显示${n}项目标`).waitFor();
    const rows = page.getByRole('region', { name: '六大目标领域' }).locator('.sx-ck-row');
    assert.equal(await rows.count(), n);
    for (const light of await rows.locator('.sx-ck-light').allInnerTexts()) assert.match(light, /预警/);
    await page.screenshot({ path: `${shots}/cockpit-at-risk.png`, fullPage: true });
    await page.getByRole('button', { name: /全部/ }).click();
    await page.getByText(/显示\d+项目标/).waitFor();
  });

  it('drills down to GDP, writes the forecast beside the status and answers a what-if', async () => {
    await page.getByRole('region', { name: '最需关注' }).locator('[data-target="t-gdp"]').click();
    await page.waitForURL(/\/indicators\/gdp/);
    await page.getByRole('heading', { level: 1, name: '地区生产总值' }).waitFor();
    const forecast = page.getByTestId('forecast');
    assert.match(await forecast.innerText(), /预计2027年达到\d+(\.\d)?亿元（80%区间.*），达成目标的概率\d+%/);
    // The chart draws the same projection: the point's tooltip carries the forecast's number.
    const forecastValue = /预计2027年达到(\d+(?:\.\d)?)亿元/.exec(await forecast.innerText())?.[1] ?? '';
    const mark = await page.getByTestId('chart-projection').locator('title').textContent();
    assert.ok(
      mark?.includes(forecastValue.split('.')[0] ?? ''),
      `chart ${mark} vs forecast ${forecastValue}`,
    );
    await page.getByLabel('假设年均增速（%）').fill('12');
    await page.getByRole('button', { name: '假设推演' }).click();
    const result = page.getByTestId('whatif-result');
    await result.waitFor();
    assert.match(await result.innerText(), /2027年约\d+(\.\d)?亿元：(正常|预警|滞后|已实现)，达成概率\d+%/);
    await page.screenshot({ path: `${shots}/indicator-whatif.png`, fullPage: true });
    await expectNoAxeViolations(page, '/indicators/gdp');
  });

  it('opens the big screen, which keeps its data while the server is away and then recovers', async () => {
    const screen = await newPage(browser, { width: 1920, height: 1080 });
    await screen.context().addCookies(await page.context().cookies());
    await screen.goto(`${server.url}/cockpit/screen?refresh=5&as_of=2026-06-30`);
    const board = screen.getByTestId('big-screen');
    await board.getByText('地区生产总值迈上2100亿元台阶').first().waitFor();
    await screen.screenshot({ path: `${shots}/cockpit-screen.png` });
    await expectNoAxeViolations(screen, '/cockpit/screen');
    // The server goes away: every API call fails at the network level.
    await screen.route('**/api/**', (route) => route.abort('connectionrefused'));
    await screen.getByTestId('screen-offline').waitFor({ timeout: 20_000 });
    assert.ok(
      await board.getByText('地区生产总值迈上2100亿元台阶').first().isVisible(),
      'the last data stays',
    );
    await screen.screenshot({ path: `${shots}/cockpit-screen-offline.png` });
    await screen.unroute('**/api/**');
    await screen.getByTestId('screen-offline').waitFor({ state: 'detached', timeout: 30_000 });
    await screen.context().close();
  });

  it('folds the navigation into a menu button on a 375 px phone', async () => {
    const phone = await newPage(browser, { width: 375, height: 800 });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`${server.url}/cockpit`);
    await phone.getByRole('heading', { level: 1, name: /领导驾驶舱/ }).waitFor();
    const wide = phone.locator('.sx-nav-wide');
    assert.equal(await wide.isVisible(), false);
    const menu = phone.getByRole('button', { name: '菜单', exact: true });
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await phone.locator('.sx-nav-narrow').getByRole('link', { name: '数据报送' }).waitFor();
    await phone.screenshot({ path: `${shots}/cockpit-phone-menu.png` });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await phone.context().close();
  });
});
