/**
 * `npm run build`'s server bundle: built into a scratch folder inside the repository (the bundle
 * finds its packages in node_modules), it serves the demo like the TypeScript does, every file it
 * reads at run time resolves to the same place as from the sources, and bin/shixiao.mjs's
 * freshness rule notices a changed or missing input.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverBuildIsFresh } from '../../scripts/freshness.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist', `build-test-${process.pid}`);
const bundle = join(outdir, 'shixiao.mjs');
const assetUrl = /new URL\((['"])([^'"]+)\1,\s*import\.meta\.url\)/g;

/** Absolute paths of every `new URL('…', import.meta.url)` in the given files. */
function assetPaths(files: string[]): string[] {
  return files
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(assetUrl)].map((m) => resolve(dirname(file), m[2])),
    )
    .sort();
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((done) => s.close(() => done()));
  return port;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the compiled server and CLI', () => {
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--server-only', '--outdir', outdir], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, /^server: \d+ files → /);
  });
  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('reads its run-time files from where the sources read them', () => {
    const inputs = JSON.parse(readFileSync(join(outdir, 'inputs.json'), 'utf8')) as string[];
    const fromSources = assetPaths(
      sourceFiles(join(root, 'src')).filter((f) => inputs.includes(f.slice(root.length))),
    );
    assert.ok(fromSources.some((p) => p.endsWith('examples/yuzhong-2023/plan.yaml')));
    assert.deepEqual(assetPaths([bundle]), fromSources);
  });

  it('serves the demo on a new database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-build-'));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [bundle, 'serve', '--db', join(dir, 'x.db'), '--port', String(port)],
      {
        cwd: root,
        env: { ...process.env, SHIXIAO_LOG_LEVEL: 'silent' },
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 600 && !out.includes('admin /') && child.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.match(out, /Loaded the demo plan yuzhong-2023/);
      assert.match(out, new RegExp(`on http://127\\.0\\.0\\.1:${port}/\n`));
      const url = `http://127.0.0.1:${port}`;
      assert.deepEqual(await (await fetch(`${url}/api/health`)).json(), { status: 'ok' });
      const openapi = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string };
      assert.equal(openapi.openapi, '3.1.0');
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs import-data with its import thread bundled beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-build-'));
    try {
      const db = join(dir, 'x.db');
      const run = (args: string[]) =>
        spawnSync(process.execPath, [bundle, ...args, '--db', db], {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, SHIXIAO_IMPORT_THREAD_FROM: '0' },
        });
      assert.equal(run(['import-plan', 'examples/yuzhong-2023/plan.yaml']).status, 0);
      const csv = join(dir, 'data.csv');
      writeFileSync(csv, 'indicator,period,value\ngood_air_days,1990-01,25\ngood_air_days,1990-02,26\n');
      const r = run(['import-data', csv, '--as-of', '2027-06-30']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /2 rows read; 2 added/);
      const bad = run(['import-data', join(dir, 'none.csv')]);
      assert.match(bad.stderr, /no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is fresh until an input changes or goes missing', () => {
    const inputsFile = join(outdir, 'inputs.json');
    assert.equal(serverBuildIsFresh(bundle, inputsFile), true);
    const built = statSync(bundle).mtime;
    utimesSync(bundle, new Date(0), new Date(0)); // as if every source changed after the build
    assert.equal(serverBuildIsFresh(bundle, inputsFile), false);
    utimesSync(bundle, built, built);
    const inputs = readFileSync(inputsFile, 'utf8');
    writeFileSync(inputsFile, JSON.stringify(['src/no-such-file.ts']));
    assert.equal(serverBuildIsFresh(bundle, inputsFile), false);
    writeFileSync(inputsFile, inputs);
    assert.equal(serverBuildIsFresh(bundle, join(outdir, 'missing.json')), false);
  });
});
