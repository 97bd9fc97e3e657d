/**
 * The server-rendered public portal in Chromium (SQLite, demo plan), as a resident reads it, with
 * nobody signed in: every page type — the portal's front page, the plan page with its goal-area
 * sections, a target, an annual and a monthly indicator, a programme, the open data index and the
 * change log — in Chinese and in English, at desktop width and on a 375 px phone. Each view passes
 * axe-core (no serious or critical WCAG 2.1 AA violation), says its language on <html>, has one
 * h1, and does not scroll sideways on the phone. Screenshots in test-results/portal-*.png.
 * Every step has its own timeout; the browser and the server are closed whatever happens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type RunningTestServer } from '../server';
import { expectNoAxeViolations, launchBrowser, newPage, shots } from './browser';

const plan = 'plans/yuzhong-2023';
const step = { timeout: 240_000 };

/** Each page type: its path below /portal/ (and /portal/en/) and text its Chinese page shows. */
const pages: { name: string; path: string; zh: RegExp; en: RegExp }[] = [
  { name: 'home', path: '', zh: /公开进展|渝中区/, en: /progress|Yuzhong/i },
  { name: 'plan', path: `${plan}/`, zh: /渝中区未来五年发展目标/, en: /Yuzhong/ },
  { name: 'target', path: `${plan}/targets/t-gdp/`, zh: /地区生产总值/, en: /GDP|gross domestic/i },
  { name: 'indicator', path: `${plan}/indicators/gdp/`, zh: /地区生产总值/, en: /GDP|gross domestic/i },
  { name: 'monthly', path: `${plan}/indicators/good_air_days/`, zh: /累计/, en: /so far|year to date|Jan/i },
  { name: 'programme', path: `${plan}/programmes/p1/`, zh: /双城经济圈/, en: /./ },
  { name: 'data', path: 'data/', zh: /开放数据|数据/, en: /open data/i },
  { name: 'changes', path: `${plan}/changes/`, zh: /发布|更新/, en: /publish|change/i },
];

describe('public portal in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let desktop: Page;
  let phone: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite');
    desktop = await newPage(browser, { width: 1280, height: 900 });
    phone = await newPage(browser, { width: 375, height: 800 });
  }, step);

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function check(page: Page, url: string, lang: 'zh' | 'en', text: RegExp, shot: string) {
    const res = await page.goto(url, { timeout: 60_000 });
    assert.equal(res?.status(), 200, url);
    assert.equal(await page.locator('html').getAttribute('lang'), lang === 'zh' ? 'zh-CN' : 'en', url);
    assert.equal(await page.locator('h1').count(), 1, `${url}: one h1`);
    assert.match(await page.locator('main').innerText({ timeout: 30_000 }), text, url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const viewport = page.viewportSize()?.width ?? 0;
    assert.ok(width <= viewport, `${url}: ${width} px wide in a ${viewport} px window`);
    await page.screenshot({ path: `${shots}/portal-${shot}.png`, fullPage: false, timeout: 30_000 });
    await expectNoAxeViolations(page, url);
  }

  for (const p of pages)
    it(`${p.name}: zh and en, desktop and 375 px, pass axe`, step, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const url = `${server.url}/portal/${lang === 'en' ? 'en/' : ''}${p.path}`;
        const text = lang === 'zh' ? p.zh : p.en;
        await check(desktop, url, lang, text, `${p.name}-${lang}-desktop`);
        await check(phone, url, lang, text, `${p.name}-${lang}-375`);
      }
    });

  it('plan page: each goal area is a labelled section that links to its targets', step, async () => {
    await desktop.goto(`${server.url}/portal/${plan}/#area-ecology`, { timeout: 60_000 });
    const area = desktop.getByRole('region', { name: await desktop.locator('#area-ecology').innerText() });
    const heading = await area.locator('h2').first().innerText();
    assert.match(heading, /生态|绿色|环境/);
    const links = await area.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(links.length > 0);
    for (const href of links)
      assert.ok(new URL(href).pathname.startsWith('/portal/'), `${href} stays in the portal`);
    await desktop.screenshot({ path: `${shots}/portal-goal-area-zh-desktop.png`, timeout: 30_000 });
  });
});
