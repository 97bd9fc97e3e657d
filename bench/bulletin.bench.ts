/**
 * The monthly bulletin of the demo plan (37 tasks with reports) on a fresh SQLite file: gathering
 * its numbers and writing all three formats (.docx, .xlsx, .pdf through Chromium), goal < 5 s.
 * Baseline in the same run: gathering the numbers alone (what any format must read).
 * Then a city-sized plan (issue 14): the 300-target plan of bench/plan300.ts with 5,000 more tasks
 * and 60,000 monthly reports (test/helpers/many-tasks.ts), all three formats, goal < 60 s.
 *
 * Run: npm run bench -- bulletin
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db';
import { importPlanText, resolveTenant } from '../src/modules/plans';
import { gatherBulletinInput, renderBulletin } from '../src/modules/reports';
import { defaultConfig } from '../src/server/config';
import { demoPlanPath } from '../src/server/bootstrap';
import { seedManyTasks } from '../test/helpers/many-tasks';
import { median } from './measure';
import { PLAN300, plan300 } from './plan300';
import type { BenchResult } from './types';

async function timeAsync(f: () => Promise<unknown>, runs: number): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    out.push(performance.now() - start);
  }
  return median(out);
}

type Gather = () => Promise<Awaited<ReturnType<typeof gatherBulletinInput>>>;

/** Each format with its gathering, then all three from one gathering, beside gathering alone. */
async function measure(gather: Gather, runs: number, name: string): Promise<BenchResult> {
  await renderBulletin(await gather(), 'docx', defaultConfig.settings); // warm-up: modules, JIT, caches
  const baseline = await timeAsync(gather, runs);
  const per: Record<string, number> = {};
  for (const format of ['docx', 'xlsx', 'pdf'] as const)
    per[format] = await timeAsync(
      async () => renderBulletin(await gather(), format, defaultConfig.settings),
      runs,
    );
  const all = await timeAsync(async () => {
    const input = await gather();
    await Promise.all([
      renderBulletin(input, 'docx', defaultConfig.settings),
      renderBulletin(input, 'xlsx', defaultConfig.settings),
      renderBulletin(input, 'pdf', defaultConfig.settings),
    ]);
  }, runs);
  const ms = (v: number) => Math.round(v);
  return {
    name,
    value: ms(all),
    unit: 'ms',
    baseline: ms(baseline),
    note: `baseline: gathering the numbers only; docx ${ms(per.docx ?? 0)} ms, xlsx ${ms(per.xlsx ?? 0)} ms, pdf ${ms(per.pdf ?? 0)} ms (each with gathering)`,
  };
}

/** The city-sized plan: 300 targets, 5,036 tasks, 60,000 monthly reports, June 2026's bulletin. */
async function benchCityBulletin(dir: string): Promise<BenchResult> {
  const db = await openDatabase(join(dir, 'city.db'));
  try {
    await migrateToLatest(db);
    const loaded = await importPlanText(db, { tenantSlug: 'yuzhong', text: plan300(), now: new Date() });
    if (!loaded.ok) throw new Error('the 300-target plan did not load');
    const seeded = await seedManyTasks(db, { planCode: PLAN300, count: 5000, reportsPerTask: 12 });
    const req = { tenantId: seeded.tenantId, plan: PLAN300, month: '2026-06', issued: '2026-07-01' };
    return await measure(
      () => gatherBulletinInput(db, req),
      1,
      'city-sized bulletin: 300 targets, 5,000 tasks, all three formats (goal < 60000 ms)',
    );
  } finally {
    await db.close();
  }
}

export async function benchBulletin(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-bench-bulletin-'));
  const db = await openDatabase(join(dir, 'bench.db'));
  try {
    await migrateToLatest(db);
    const loaded = await importPlanText(db, {
      now: new Date(),
      tenantSlug: 'yuzhong',
      text: readFileSync(demoPlanPath, 'utf8'),
    });
    if (!loaded.ok) throw new Error('the demo plan did not load');
    const tenant = await resolveTenant(db, 'yuzhong');
    const req = { tenantId: tenant.id, plan: 'yuzhong-2023', month: '2026-11', issued: '2026-12-01' };
    const demo = await measure(
      () => gatherBulletinInput(db, req),
      3,
      'demo bulletin, all three formats (goal < 5000 ms)',
    );
    return [demo, await benchCityBulletin(dir)];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
