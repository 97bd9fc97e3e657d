/**
 * Start-up of the `shixiao` process: the compiled CLI (`npm run build`, dist/server/shixiao.mjs)
 * beside the same sources run through tsx, measured in the same run, interleaved. Two figures:
 * `--help` (load every module, parse, print) and `serve` on an existing database until the
 * "is serving" line (load, open, migrate check, listen). Bare `node -e 0` is in the note.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure';
import type { BenchResult } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 5;

/** Milliseconds from spawn until `done` says the output is complete (or the process exits). */
function timeProcess(args: string[], done: (stdout: string) => boolean = () => false): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, SHIXIAO_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve(performance.now() - started);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (done(out)) {
        finish();
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (!finished && code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      finish();
    });
  });
}

export async function benchStartup(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shixiao-startup-'));
  // Inside the repository, so the bundle finds node_modules.
  const outdir = join(root, 'dist', `startup-bench-${process.pid}`);
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--server-only', '--outdir', outdir], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    const compiled = [join(outdir, 'shixiao.mjs')];
    const source = ['--import', 'tsx', 'src/cli/main.ts'];
    const db = join(dir, 'startup.db');
    const serving = (out: string) => out.includes(' is serving ');
    const serve = ['serve', '--db', db, '--port', '0'];
    await timeProcess([...compiled, ...serve], serving); // creates and migrates the database
    const times = { bare: [] as number[], help: [[], []] as number[][], serve: [[], []] as number[][] };
    for (let i = 0; i < RUNS; i++) {
      times.bare.push(await timeProcess(['-e', '0']));
      times.help[0].push(await timeProcess([...compiled, '--help']));
      times.help[1].push(await timeProcess([...source, '--help']));
      times.serve[0].push(await timeProcess([...compiled, ...serve], serving));
      times.serve[1].push(await timeProcess([...source, ...serve], serving));
    }
    const ms = (xs: number[]) => Math.round(median(xs));
    const bare = ms(times.bare);
    const result = (name: string, [built, tsx]: number[][]): BenchResult => ({
      name,
      value: ms(built),
      unit: 'ms',
      baseline: ms(tsx),
      note: `compiled vs tsx: ${(ms(built) / ms(tsx)).toFixed(2)}× (bare node -e 0: ${bare} ms; median of ${RUNS})`,
    });
    return [
      result('shixiao --help, compiled (baseline: tsx)', times.help),
      result('shixiao serve until listening, compiled (baseline: tsx)', times.serve),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}
