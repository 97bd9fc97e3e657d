// Runs every *.test.ts under the given folders (default: src and test) in one node:test run, so
// the run closes with one summary line that CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const result = spawnSync(
  process.execPath,
  [
    // A deprecated Node.js API fails the test that reached it, here and in every process a test
    // starts (NODE_OPTIONS below): nothing should tie the code to one Node.js release.
    '--throw-deprecation',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/summary-reporter.mjs',
    '--test-reporter-destination=stdout',
    ...files,
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
process.exit(result.status ?? 1);
