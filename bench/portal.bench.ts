/**
 * The public portal (issue 13): the plan page rendered on the server, for the demo plan and for a
 * 300-target plan, each beside its baseline measured in the same run — the same data served as
 * JSON by the open-data route; and `export-site` of the 300-target plan in a child process
 * beside `export-plan` of the same plan (the same start-up and database, a single small output).
 * Short caches are emptied before every request: each figure loads the plan from the database
 * and renders it (the evaluation stays cached by plan revision, as it does on a server).
 *
 * Run: npm run bench -- portal
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearShortCaches } from '../src/modules/short-cache';
import { startServer } from '../src/server/main';
import { median } from './measure';
import { createPlan300Db, PLAN300 } from './plan300';
import type { BenchResult } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;
const password = 'benchmark password for admin';

/** Median milliseconds of a GET, every cache emptied first. */
async function timeGet(url: string, runs = RUNS): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    clearShortCaches();
    const start = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i > 0) out.push(performance.now() - start); // the first warms up
  }
  return median(out);
}

async function planPage(db: string, plan: string, label: string, goalMs: number): Promise<BenchResult> {
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
    // Interleaved, so that the load of a shared machine falls on both alike.
    const page: number[] = [];
    const json: number[] = [];
    for (let round = 0; round < 3; round++) {
      page.push(await timeGet(`${base}/portal/plans/${plan}/`));
      json.push(await timeGet(`${base}/api/public/plans/${plan}/portal`));
    }
    const value = median(page);
    const baseline = median(json);
    return {
      name: `portal plan page, server-rendered HTML (${label})`,
      value: Math.round(value * 10) / 10,
      unit: 'ms',
      baseline: Math.round(baseline * 10) / 10,
      note: `goal < ${goalMs} ms; baseline: the same plan as JSON (/api/public/…/portal); ratio ${(value / baseline).toFixed(2)}`,
    };
  } finally {
    await running.stop();
  }
}

function cliSeconds(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/shixiao.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SHIXIAO_LOG_LEVEL: 'silent' },
  });
  if (r.status !== 0) throw new Error(`shixiao ${args.join(' ')}: ${r.stderr}`);
  return (performance.now() - start) / 1000;
}

export async function benchPortal(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-portal-bench-'));
  try {
    const demo = join(dir, 'demo.db');
    const big = join(dir, 'plan300.db');
    await createPlan300Db(big);
    const results = [
      await planPage(demo, 'yuzhong-2023', 'demo plan', 50),
      await planPage(big, PLAN300, '300 targets', 200),
    ];
    const exports: number[] = [];
    const baselines: number[] = [];
    let files = 0;
    for (let run = 0; run < 3; run++) {
      const out = join(dir, `site-${run}`);
      exports.push(cliSeconds(['export-site', out, '--db', big, '--as-of', '2026-06-30']));
      baselines.push(cliSeconds(['export-plan', PLAN300, '--db', big]));
      files = readdirSync(out, { recursive: true }).length;
      rmSync(out, { recursive: true, force: true });
    }
    const value = median(exports);
    results.push({
      name: 'export-site of a 300-target plan (whole process)',
      value: Math.round(value * 100) / 100,
      unit: 's',
      baseline: Math.round(median(baselines) * 100) / 100,
      note: `goal < 10 s; ${files} files and folders; baseline: export-plan of the same plan (start-up, database, one small output)`,
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
