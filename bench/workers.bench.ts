/**
 * `serve --workers 2` beside `serve --workers 1` (the baseline, same run): the authenticated GET
 * of the demo plan's statuses under wrk (`-t2 -c32`, 10 s after a 2 s warm-up), each server its
 * own `shixiao serve` process on its own SQLite copy of the demo. Whether node:cluster pays on
 * this machine's cores.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { login } from '../test/server';
import { startServeProcess } from '../test/helpers/serve-process';
import type { BenchResult } from './types';

const exec = promisify(execFile);
const password = 'benchmark password for the workers';
const path = '/api/plans/yuzhong-2023/status?as_of=2026-06-30';

async function wrk(url: string, cookie: string, seconds: number) {
  const { stdout } = await exec('wrk', [
    '-t2',
    '-c32',
    `-d${seconds}s`,
    '--latency',
    '-H',
    `Cookie: ${cookie}`,
    url,
  ]);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const factor = p99?.[2] === 'us' ? 0.001 : p99?.[2] === 's' ? 1000 : 1;
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
    p99ms: Number(p99?.[1] ?? NaN) * factor,
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

async function measure(workers: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-bench-workers-'));
  const server = await startServeProcess(['--db', join(dir, 'bench.db'), '--workers', String(workers)], {
    SHIXIAO_ADMIN_PASSWORD: password,
    SHIXIAO_LOG_LEVEL: 'silent',
  });
  try {
    const admin = await login(server.url, 'admin', password);
    await wrk(server.url + path, admin.cookie, 2);
    return await wrk(server.url + path, admin.cookie, seconds);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWorkers(seconds = 10): Promise<BenchResult[]> {
  const one = await measure(1, seconds);
  const two = await measure(2, seconds);
  return [
    {
      name: 'serve --workers 2: authenticated GET plan statuses (wrk -t2 -c32)',
      value: Math.round(two.rps),
      unit: 'req/s',
      baseline: Math.round(one.rps),
      note: `baseline --workers 1; ratio ${(two.rps / one.rps).toFixed(2)}; p99 ${two.p99ms.toFixed(1)} ms vs ${one.p99ms.toFixed(1)} ms; non-2xx ${two.non2xx + one.non2xx}`,
    },
  ];
}
