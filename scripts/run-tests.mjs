// Runs every *.test.ts under the given folders (default: src and test) with node:test, and closes
// with the one summary line that CI reads: "N passed, N failed" (the sum of both phases below).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts')) files.push(path);
  }
}
for (const root of roots) {
  if (statSync(root).isDirectory()) walk(root);
  else files.push(root);
}
files.sort();
if (files.length === 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
// Tests start the CLI through bin/shixiao.mjs, which runs the compiled bundle when it is fresh:
// build it first (a second or two with esbuild) so that each child process skips tsx's transform.
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--server-only'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

// Two phases. Most files wait on PostgreSQL, child processes and sockets more than they compute,
// so they run two at a time (SHIXIAO_TEST_CONCURRENCY, default 2). Browser tests, the scanners and
// the reliability tests (which kill processes, fill disks and start clusters) measure or drive
// the whole machine: they run one at a time, after.
const alone = (file) => /(^|\/)test\/(e2e|reliability)\//.test(file) || file.endsWith('scanners.test.ts');
const concurrency = Number(process.env.SHIXIAO_TEST_CONCURRENCY ?? 2);
const phases = [
  { files: files.filter((f) => !alone(f)), concurrency },
  { files: files.filter(alone), concurrency: 1 },
].filter((phase) => phase.files.length > 0);

const dir = mkdtempSync(join(tmpdir(), 'shixiao-tests-'));
let passed = 0;
let failed = 0;
let status = 0;
for (const [k, phase] of phases.entries()) {
  const summary = join(dir, `summary-${k}.txt`);
  const result = spawnSync(
    process.execPath,
    [
      // A deprecated Node.js API fails the test that reached it, here and in every process a test
      // starts (NODE_OPTIONS below): nothing should tie the code to one Node.js release.
      '--throw-deprecation',
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${phase.concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/summary-reporter.mjs',
      `--test-reporter-destination=${summary}`,
      ...phase.files,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        TZ: 'UTC',
        NODE_ENV: 'test',
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --throw-deprecation`.trim(),
      },
    },
  );
  const text = existsSync(summary) ? readFileSync(summary, 'utf8') : '';
  const counts = /(\d+) passed, (\d+) failed/.exec(text);
  passed += Number(counts?.[1] ?? 0);
  failed += Number(counts?.[2] ?? 0);
  // The slowest files of the phase, for whoever wants the run shorter.
  process.stdout.write(text.replace(/\n?\d+ passed, \d+ failed\n?/, ''));
  if (result.status !== 0) status = result.status ?? 1;
}
rmSync(dir, { recursive: true, force: true });
// The line CI reads.
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status !== 0 ? status : failed > 0 ? 1 : 0);
