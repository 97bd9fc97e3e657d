/**
 * `npm run bench`: every speed goal, each printed beside a baseline measured in the same run.
 * Pass names to run some: `npm run bench -- targets http`.
 */
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

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length ? wanted : Object.keys(suites);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    process.stderr.write(`unknown benchmark '${name}' (have: ${Object.keys(suites).join(', ')})\n`);
    process.exitCode = 1;
    continue;
  }
  for (const r of await suite()) {
    process.stdout.write(
      `${name.padEnd(8)} ${r.name}\n         ${r.value} ${r.unit}   baseline ${r.baseline} ${r.unit}   ${r.note}\n`,
    );
  }
}
