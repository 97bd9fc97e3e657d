/**
 * `npm run soak [-- --minutes N --readers N --out FILE]`: the real server (`shixiao serve`, its own
 * process, SQLite, demo plan) under steady load for N minutes (default 10): readers loop over the
 * status, cockpit and public portal routes while a reporter saves a value twice a second. The
 * server's RSS is sampled every 10 s. At the end a JSON summary is printed and written; the exit
 * status is 1 on any failed request or a growing memory trend. Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { login, type Client } from '../test/server';

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    readers: { type: 'string', default: '4' },
    out: { type: 'string' },
  },
});
const minutes = Number(opts.minutes);
const readers = Number(opts.readers);
const adminPassword = 'soak test administrator 实效 2026';
const plan = '/api/plans/yuzhong-2023';
const readRoutes = [
  `${plan}/status?as_of=2026-06-30`,
  `${plan}/cockpit`,
  '/api/public/plans/yuzhong-2023/portal',
  '/api/public/plans/yuzhong-2023/status',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Resident set size of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const den = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const dir = mkdtempSync(join(tmpdir(), 'shixiao-soak-'));
const port = await freePort();
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', join(dir, 'soak.db'), '--port', String(port)],
  { env: { ...process.env, SHIXIAO_ADMIN_PASSWORD: adminPassword }, stdio: ['ignore', 'pipe', 'inherit'] },
);
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const url = /is serving .* on (http:\/\/\S+?)\/?\n/.exec(out)?.[1];
    if (url) resolve(url);
  });
  server.on('exit', (code) => reject(new Error(`the server exited (${code}) before serving:\n${out}`)));
});
const pid = server.pid!;

const latencies: number[] = [];
const failures: string[] = [];
let requests = 0;
let writes = 0;
async function timed(what: string, call: () => Promise<Response>, ok: number[] = [200]) {
  const t = performance.now();
  try {
    const res = await call();
    await res.arrayBuffer();
    if (!ok.includes(res.status)) failures.push(`${what}: ${res.status}`);
  } catch (error) {
    failures.push(`${what}: ${(error as Error).message}`);
  }
  latencies.push(performance.now() - t);
  requests++;
}

const admin: Client = await login(base, 'admin', adminPassword);
const made = await admin.send('POST', '/api/users', {
  username: 'soak-reporter',
  display_name: 'soak reporter',
  password: adminPassword,
  roles: ['reporter'],
  departments: ['tjj'],
});
if (made.status !== 201) throw new Error(`creating the reporter: ${made.status} ${await made.text()}`);
const reporter = await login(base, 'soak-reporter', adminPassword);
const first = await reporter.send('POST', `${plan}/data/values`, {
  indicator: 'gdp',
  period: '2026',
  value: 2000,
});
if (first.status !== 201) throw new Error(`the first value: ${first.status} ${await first.text()}`);

const endAt = Date.now() + minutes * 60_000;
const startedAt = Date.now();
const samples: { t_s: number; rss_mb: number }[] = [];
const sample = () =>
  samples.push({ t_s: Math.round((Date.now() - startedAt) / 1000), rss_mb: round(rssMb(pid)) });
sample();
const sampler = setInterval(sample, 10_000);

async function reader(k: number) {
  for (let i = k; Date.now() < endAt; i++) {
    const route = readRoutes[i % readRoutes.length];
    await timed(`GET ${route}`, () =>
      route.startsWith('/api/public') ? fetch(base + route) : admin.get(route),
    );
  }
}
async function writer() {
  for (let version = 1; Date.now() < endAt; version++) {
    await timed(`PATCH gdp/2026 v${version}`, () =>
      reporter.send('PATCH', `${plan}/data/values/gdp/2026`, { if_version: version, value: 2000 + version }),
    );
    writes++;
    await delay(500);
  }
}
console.error(`soak: ${minutes} min, ${readers} readers and a writer against ${base} (pid ${pid})`);
await Promise.all([...Array.from({ length: readers }, (_, k) => reader(k)), writer()]);
clearInterval(sampler);
sample();

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(dir, { recursive: true, force: true });

// The trend leaves out the first minute (or fifth) of warm-up: caches, JIT, the first GCs.
const warm = Math.min(60, (minutes * 60) / 5);
const steady = samples.filter((s) => s.t_s >= warm);
const mbPerMin = slope(steady.map((s) => [s.t_s / 60, s.rss_mb]));
const third = Math.max(1, Math.floor(steady.length / 3));
const mean = (xs: typeof steady) => xs.reduce((s, x) => s + x.rss_mb, 0) / xs.length;
const growth = steady.length >= 3 ? mean(steady.slice(-third)) / mean(steady.slice(0, third)) - 1 : 0;
// Growing: a clear upward slope AND the last third of the run 10 % above the first third.
const growing = mbPerMin > 1 && growth > 0.1;
const sorted = [...latencies].sort((a, b) => a - b);
const rss = samples.map((s) => s.rss_mb);
const summary = {
  minutes,
  readers,
  requests,
  writes,
  errors: failures.length,
  first_errors: failures.slice(0, 10),
  rps: round(requests / ((Date.now() - startedAt) / 1000)),
  p50_ms: round(percentile(sorted, 50)),
  p99_ms: round(percentile(sorted, 99)),
  rss_mb: { first: rss[0], last: rss.at(-1), max: Math.max(...rss) },
  rss_slope_mb_per_min: round(mbPerMin, 2),
  rss_growth_last_vs_first_third: round(growth * 100, 1),
  memory_growing: growing,
  samples,
};
const out = opts.out ?? join(tmpdir(), `shixiao-soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify({ ...summary, samples: undefined }, null, 2));
console.log(`soak: summary written to ${out}`);
if (failures.length || growing) {
  console.error(`soak: FAILED (${failures.length} errors${growing ? ', memory growing' : ''})`);
  process.exit(1);
}
