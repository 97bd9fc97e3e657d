/**
 * The monthly bulletin of the demo plan (37 tasks with reports) on a fresh SQLite file: gathering
 * its numbers and writing all three formats (.docx, .xlsx, .pdf through Chromium), goal < 5 s.
 * Baseline in the same run: gathering the numbers alone (what any format must read).
 *
 * Run: npm run bench -- bulletin
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '../src/db';
import { importPlanText, resolveTenant } from '../src/modules/plans';
import { gatherBulletinInput, renderBulletin } from '../src/modules/reports';
import { demoPlanPath } from '../src/server/bootstrap';
import { median } from './measure';
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

export async function benchBulletin(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-bench-bulletin-'));
  const db = await openDatabase(join(dir, 'bench.db'));
  try {
    await migrateToLatest(db);
    const loaded = await importPlanText(db, {
      tenantSlug: 'yuzhong',
      text: readFileSync(demoPlanPath, 'utf8'),
    });
    if (!loaded.ok) throw new Error('the demo plan did not load');
    const tenant = await resolveTenant(db, 'yuzhong');
    const req = { tenantId: tenant.id, plan: 'yuzhong-2023', month: '2026-11', issued: '2026-12-01' };
    const gather = () => gatherBulletinInput(db, req);
    await renderBulletin(await gather(), 'docx'); // warm-up: modules, JIT, caches
    const baseline = await timeAsync(gather, 3);
    const per: Record<string, number> = {};
    for (const format of ['docx', 'xlsx', 'pdf'] as const)
      per[format] = await timeAsync(async () => renderBulletin(await gather(), format), 3);
    const all = await timeAsync(async () => {
      const input = await gather();
      await Promise.all([
        renderBulletin(input, 'docx'),
        renderBulletin(input, 'xlsx'),
        renderBulletin(input, 'pdf'),
      ]);
    }, 3);
    const ms = (v: number) => Math.round(v);
    return [
      {
        name: 'demo bulletin, all three formats (goal < 5000 ms)',
        value: ms(all),
        unit: 'ms',
        baseline: ms(baseline),
        note: `baseline: gathering the numbers only; docx ${ms(per.docx ?? 0)} ms, xlsx ${ms(per.xlsx ?? 0)} ms, pdf ${ms(per.pdf ?? 0)} ms (each with gathering)`,
      },
    ];
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
