/**
 * `npm run bench`: every speed goal, each printed beside a baseline measured in the same run, and
 * written with the ratio to `bench/results.json` (with what the machine was doing: load average,
 * cores, Node). Pass names to run some: `npm run bench -- targets http`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchBulletin } from './bulletin.bench';
import { benchCity } from './city.bench';
import { benchCockpit } from './cockpit.bench';
import { benchExtract } from './extract.bench';
import { benchHttp } from './http.bench';
import { benchImport } from './import.bench';
import { benchPortal } from './portal.bench';
import { benchStartup } from './startup.bench';
import { benchTargets } from './targets.bench';
import { benchTasks } from './tasks.bench';
import type { BenchResult } from './types';
import { benchWorkers } from './workers.bench';

const suites: Record<string, () => Promise<BenchResult[]>> = {
  targets: benchTargets,
  extract: benchExtract,
  import: benchImport,
  http: () => benchHttp(),
  startup: benchStartup,
  bulletin: benchBulletin,
  portal: benchPortal,
  city: benchCity,
  tasks: benchTasks,
  cockpit: benchCockpit,
  workers: () => benchWorkers(),
};

const resultsFile = fileURLToPath(new URL('./results.json', import.meta.url));

/** What the machine was doing: figures from a loaded machine are read against their baseline. */
const machine = () => ({
  load_average: loadavg().map((x) => Math.round(x * 100) / 100),
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
});

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length ? wanted : Object.keys(suites);
const figures: (BenchResult & { suite: string; ratio: number; load_average: number[] })[] = [];
const failures: { suite: string; error: string }[] = [];
const started = new Date().toISOString();
const before = machine();
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    process.stderr.write(`unknown benchmark '${name}' (have: ${Object.keys(suites).join(', ')})\n`);
    process.exitCode = 1;
    continue;
  }
  let results: BenchResult[];
  try {
    results = await suite();
  } catch (error) {
    // One suite's failure (say, no PostgreSQL) is recorded; the others still run.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name}: failed: ${message}\n`);
    failures.push({ suite: name, error: message.slice(0, 2000) });
    process.exitCode = 1;
    continue;
  }
  const load = loadavg().map((x) => Math.round(x * 100) / 100);
  for (const r of results) {
    const ratio = r.baseline ? Math.round((r.value / r.baseline) * 1000) / 1000 : NaN;
    figures.push({ suite: name, ...r, ratio, load_average: load });
    process.stdout.write(
      `${name.padEnd(8)} ${r.name}\n         ${r.value} ${r.unit}   baseline ${r.baseline} ${r.unit}   ratio ${ratio}   ${r.note}\n`,
    );
  }
}
// A partial run (`npm run bench -- http`) replaces its suites' figures and keeps the others'.
const earlier = existsSync(resultsFile)
  ? ((JSON.parse(readFileSync(resultsFile, 'utf8')) as { figures?: typeof figures }).figures ?? [])
  : [];
figures.unshift(...earlier.filter((f) => !names.includes(f.suite)));
writeFileSync(
  resultsFile,
  JSON.stringify(
    {
      started,
      finished: new Date().toISOString(),
      machine: { at_start: before, at_end: machine() },
      ratio: 'value ÷ baseline (for rows/s and req/s higher is better; for ms, s and MB lower is better)',
      figures,
      failures,
    },
    null,
    2,
  ) + '\n',
);
process.stdout.write(`wrote ${resultsFile}\n`);
