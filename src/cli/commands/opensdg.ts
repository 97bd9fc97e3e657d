// `shixiao opensdg DATA_DIR`: Open SDG's automatic progress status and score for every indicator
// of an Open SDG data folder (DATA_DIR/data/indicator_*.csv, DATA_DIR/meta/*.md), as Open SDG
// computes them. The files are read here; the measure itself is src/domain/opensdg.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  compareIndicatorIds,
  computeIndicatorProgress,
  indicatorIdOfDataFile,
  indicatorIdOfMetaFile,
  parseIndicatorCsv,
  parseMetaMarkdown,
  type IndicatorProgress,
  type IndicatorTable,
} from '../../domain/opensdg';

/** One line of the `--json` output. */
interface ResultLine {
  readonly indicator: string;
  readonly status: string;
  readonly score: number | null;
}

/** Input that could not be read: the path and what is wrong with it. */
class InputError extends Error {}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Read and parse every data and metadata file, keyed by indicator id. */
async function readFolder(
  dataDir: string,
): Promise<{ tables: Map<string, IndicatorTable>; metas: Map<string, unknown> }> {
  if (!(await isDirectory(dataDir))) throw new InputError(`${dataDir}: no such directory`);
  const tables = new Map<string, IndicatorTable>();
  const metas = new Map<string, unknown>();
  for (const folder of ['data', 'meta'] as const) {
    const path = join(dataDir, folder);
    if (!(await isDirectory(path))) throw new InputError(`${path}: no ${folder} folder`);
    for (const name of (await readdir(path)).sort()) {
      const file = join(path, name);
      if (folder === 'data') {
        const id = indicatorIdOfDataFile(name);
        if (id === null) continue;
        const parsed = parseIndicatorCsv(await readText(file));
        if (!parsed.ok) throw new InputError(`${file}: ${parsed.reason}`);
        tables.set(id, parsed);
      } else {
        const id = indicatorIdOfMetaFile(name);
        if (id === null) continue;
        const parsed = parseMetaMarkdown(await readText(file));
        if (!parsed.ok) throw new InputError(`${file}: ${parsed.reason}`);
        metas.set(id, parsed.meta);
      }
    }
  }
  return { tables, metas };
}

/** Compute every indicator; problems that do not stop Open SDG's output are written to stderr. */
function computeAll(tables: Map<string, IndicatorTable>, metas: Map<string, unknown>): IndicatorProgress[] {
  const ids = [...new Set([...tables.keys(), ...metas.keys()])].sort(compareIndicatorIds);
  const results: IndicatorProgress[] = [];
  for (const id of ids) {
    const table = tables.get(id) ?? null;
    const computed = computeIndicatorProgress(id, table, metas.get(id) ?? {});
    if (!computed.ok) {
      // Open SDG's build stops on such data; we report the indicator as not available instead.
      process.stderr.write(`opensdg: ${id}: ${computed.reason}\n`);
      results.push({ indicator: id, auto: true, status: 'not_available', score: null, series: [] });
      continue;
    }
    if (computed.progress.auto && table === null) {
      process.stderr.write(`opensdg: ${id}: progress is on but there is no data file\n`);
    }
    results.push(computed.progress);
  }
  return results;
}

function formatTable(results: readonly IndicatorProgress[]): string {
  const auto = results.filter((r) => r.auto);
  const manual = results.filter((r) => !r.auto);
  const rows = auto.map((r) => [r.indicator, r.status, r.score === null ? '—' : r.score.toFixed(4)]);
  const header = ['Indicator', 'Status', 'Score'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...rows.map(line), '', `${auto.length} indicators with automatic progress.`];
  if (manual.length > 0) {
    const list = manual.map((r) => `${r.indicator} (${r.status === '' ? 'no status' : r.status})`).join(', ');
    lines.push(`${manual.length} without automatic progress: ${list}.`);
  }
  return lines.join('\n') + '\n';
}

/** Run the command: print the results, or one line on stderr and exit code 1 for unreadable input. */
export async function runOpensdg(dataDir: string, options: { readonly json?: boolean }): Promise<void> {
  let results: IndicatorProgress[];
  try {
    const { tables, metas } = await readFolder(dataDir);
    results = computeAll(tables, metas);
  } catch (error) {
    // Unreadable input is the user's to fix: one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `opensdg: ${error instanceof InputError ? message : `unexpected error: ${message}`}\n`,
    );
    process.exitCode = 1;
    return;
  }
  if (options.json === true) {
    const lines: ResultLine[] = results
      .filter((r) => r.auto)
      .map((r) => ({ indicator: r.indicator, status: r.status, score: r.score }));
    process.stdout.write(JSON.stringify(lines, null, 2) + '\n');
  } else {
    process.stdout.write(formatTable(results));
  }
}

/** Add `opensdg <dataDir> [--json]` to the program. */
export function registerOpensdgCommand(program: Command): void {
  program
    .command('opensdg')
    .description(
      "Compute Open SDG's progress status and score (−5…5) for each indicator of an Open SDG data folder",
    )
    .argument('<dataDir>', 'folder holding data/indicator_*.csv and meta/*.md')
    .option('--json', 'print only a JSON array of {indicator, status, score}, sorted by indicator')
    .action(async (dataDir: string, options: { json?: boolean }) => {
      await runOpensdg(dataDir, options);
    });
}
