/**
 * Shared set-up of the browser tests: Debian's headless Chromium, a fresh zh-CN page, logging in
 * through the API or the /login form, and the screenshot folder (test-results/).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';

export const executablePath = '/usr/bin/chromium';
/** Where the browser tests write their screenshots. */
export const shots = 'test-results';

/**
 * Checks that Chromium and the built web app (`npm run build:web`) are there, makes the screenshot
 * folder, and launches headless Chromium.
 */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(
    existsSync(executablePath),
    `${executablePath} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests`,
  );
  assert.ok(existsSync('dist/web/index.html'), 'dist/web is missing: run `npm run build:web` first');
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context (its own cookies): zh-CN, 15 s timeouts, 1280×900 unless told. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Logs in through the API in the page's context: the session cookie is the page's. */
export async function loginByApi(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  const res = await page
    .context()
    .request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  assert.equal(res.status(), 200);
}

/** Logs in through the /login form and waits for the page it lands on (home, or a reporter's work). */
export async function loginByForm(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(
    (url) => url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/login'),
  );
}

/** axe-core on the page as it stands: no serious or critical WCAG 2.1 AA violation. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${what}: axe violations`,
  );
}
