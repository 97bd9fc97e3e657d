/**
 * The leaders' cockpit (issue 12), on the demo plan and on a 300-target district plan:
 * - its API (`/cockpit`: every target, overdue data, task lights) beside the plan-status route
 *   measured in the same run, short caches emptied before each request;
 * - interactive in headless Chromium over the production build (`npm run build:web`): from
 *   navigation until the task lights are on screen, beside the server-rendered portal page of the
 *   same plan loaded in the same browser.
 *
 * The city-sized case (issue 12: "under 3 s with a city-sized plan, 38 districts × 300 targets"):
 * one database holding 38 districts, each with the 300-target plan and its tasks; the cockpit of
 * one district is measured while the other 37 districts' rows share its tables.
 *
 * Run: npm run bench -- cockpit
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { clearShortCaches } from '../src/modules/short-cache';
import { startServer } from '../src/server/main';
import { median } from './measure';
import { migrateToLatest, openDatabase } from '../src/db';
import { saveTenant } from '../src/modules/city';
import { importPlanText } from '../src/modules/plans';
import { createPlan300Db, plan300, PLAN300 } from './plan300';
import type { BenchResult } from './types';

const RUNS = 15;
const password = 'benchmark password for admin';
const asOf = '2026-06-30';

async function timeGet(url: string, cookie: string): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    clearShortCaches();
    const start = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i > 0) out.push(performance.now() - start);
  }
  return median(out);
}

async function onePlan(db: string, plan: string, label: string, goalMs: number): Promise<BenchResult[]> {
  const running = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    adminPassword: password,
    logLevel: 'silent',
  });
  const address = running.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const api: number[] = [];
    const status: number[] = [];
    for (let round = 0; round < 3; round++) {
      api.push(await timeGet(`${base}/api/plans/${plan}/cockpit?as_of=${asOf}`, cookie));
      status.push(await timeGet(`${base}/api/plans/${plan}/status?as_of=${asOf}`, cookie));
    }
    const results: BenchResult[] = [
      {
        name: `cockpit API (${label})`,
        value: Math.round(median(api) * 10) / 10,
        unit: 'ms',
        baseline: Math.round(median(status) * 10) / 10,
        note: `baseline: the plan-status route of the same plan; ratio ${(median(api) / median(status)).toFixed(2)}`,
      },
    ];
    if (existsSync('dist/web/index.html') && existsSync('/usr/bin/chromium'))
      results.push(await interactive(base, plan, label, goalMs));
    return results;
  } finally {
    await running.stop();
  }
}

async function interactive(base: string, plan: string, label: string, goalMs: number): Promise<BenchResult> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const cockpit: number[] = [];
    const portal: number[] = [];
    for (let i = 0; i <= 5; i++) {
      // A fresh context each time: a first visit, nothing cached in the browser.
      const context = await browser.newContext({ locale: 'zh-CN' });
      const login = await context.request.post(`${base}/api/auth/login`, {
        data: { username: 'admin', password },
      });
      if (login.status() !== 200) throw new Error(`login ${login.status()}`);
      const page = await context.newPage();
      let start = performance.now();
      await page.goto(`${base}/cockpit?plan=${plan}&as_of=${asOf}`);
      await page.getByTestId('programme-lights').locator('li').first().waitFor({ timeout: 60_000 });
      const a = performance.now() - start;
      start = performance.now();
      await page.goto(`${base}/portal/plans/${plan}/`);
      await page.locator('h1').waitFor();
      const b = performance.now() - start;
      if (i > 0) {
        cockpit.push(a);
        portal.push(b);
      }
      await context.close();
    }
    return {
      name: `cockpit interactive in Chromium, first visit (${label})`,
      value: Math.round(median(cockpit)),
      unit: 'ms',
      baseline: Math.round(median(portal)),
      note: `goal < ${goalMs} ms; from navigation until the task lights show; baseline: the server-rendered portal page of the plan`,
    };
  } finally {
    await browser.close();
  }
}

const DISTRICTS = 38;

/**
 * A city of 38 districts in one SQLite file, each with the 300-target plan: `yuzhong` (the tenant
 * `serve` opens, so the demo is not loaded) and 37 more under the same city.
 */
async function createCityDb(file: string): Promise<void> {
  const db = await openDatabase(file);
  try {
    await migrateToLatest(db);
    const by = { actor: { kind: 'system' as const }, at: new Date() };
    const text = plan300();
    const first = await importPlanText(db, { tenantSlug: 'yuzhong', text, now: by.at });
    if (!first.ok) throw new Error(`the 300-target plan is invalid: ${JSON.stringify(first.problems[0])}`);
    const { tenant: city } = await saveTenant(db, { slug: 'bench-city', name: '基准市' }, by);
    for (let d = 1; d < DISTRICTS; d++) {
      await saveTenant(db, { slug: `d${d}`, name: `区县${d}`, parent: city.slug }, by);
      const r = await importPlanText(db, { tenantSlug: `d${d}`, text, now: by.at });
      if (!r.ok) throw new Error(`district ${d}: ${JSON.stringify(r.problems[0])}`);
    }
  } finally {
    await db.close();
  }
}

export async function benchCockpit(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-cockpit-bench-'));
  try {
    const big = join(dir, 'plan300.db');
    await createPlan300Db(big);
    const results = [
      ...(await onePlan(join(dir, 'demo.db'), 'yuzhong-2023', 'demo plan', 1500)),
      ...(await onePlan(big, PLAN300, '300 targets', 3000)),
    ];
    const city = join(dir, 'city.db');
    await createCityDb(city);
    results.push(...(await onePlan(city, PLAN300, `city-sized: ${DISTRICTS} districts × 300 targets`, 3000)));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
