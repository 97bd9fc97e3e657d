/**
 * Extraction of a 200,000-character document: the seed and the labelled extract sets,
 * concatenated and repeated. Beside it a baseline measured in the same run: one pass over the
 * same text counting digits, the least any extractor must do. Also drafting a plan from it.
 *
 * Run: node --import tsx -e "import('./bench/extract.bench.ts').then(m=>m.benchExtract()).then(r=>console.log(r))"
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStatements } from '../src/domain/extract';
import { draftPlan } from '../src/domain/extract/draft';
import { seedFile } from '../test/fixtures';
import { time } from './measure';
import type { BenchResult } from './types';

const LENGTH = 200_000;
const RUNS = 7;
const setsDir = fileURLToPath(new URL('../test/extract-sets', import.meta.url));

/** The seed and every labelled set, repeated until the text is exactly LENGTH characters. */
function bigDocument(): string {
  const parts = [
    readFileSync(seedFile, 'utf8'),
    ...readdirSync(setsDir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => readFileSync(join(setsDir, f), 'utf8')),
  ];
  const block = parts.join('\n\n');
  return block.repeat(Math.ceil(LENGTH / block.length)).slice(0, LENGTH);
}

/** Measures extraction and plan drafting of a 200,000-character document, with the baseline. */
export async function benchExtract(): Promise<BenchResult[]> {
  await Promise.resolve();
  const text = bigDocument();
  let sink = 0;
  const countDigits = () => {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) n++;
    }
    sink += n;
  };
  let statements = extractStatements(text, { year: 2024 }); // warm-up: JIT
  const extractMs = time(() => {
    statements = extractStatements(text, { year: 2024 });
    sink += statements.length;
  }, RUNS);
  const baselineMs = time(countDigits, RUNS);
  // A whole 政府工作报告 or 五年规划 (issue 17): 60,000 characters, statements and draft plan.
  const report = text.slice(0, 60_000);
  const reportMs = time(() => {
    const found = extractStatements(report, { year: 2024 });
    sink += draftPlan({ text: report, statements: found, documentName: 'report.md', year: 2024 }).links
      .length;
  }, RUNS);
  const draftMs = time(() => {
    sink += draftPlan({ text, statements, documentName: 'bench.md', year: 2024 }).links.length;
  }, RUNS);
  if (sink === 42) console.log('');
  const round = (x: number, k: number) => Math.round(x * 10 ** k) / 10 ** k;
  return [
    {
      name: 'extract statements (200,000 characters)',
      value: round(extractMs, 1),
      unit: 'ms',
      baseline: round(baselineMs, 3),
      note: `${statements.length} statements; seed + test/extract-sets repeated; median of ${RUNS} after a warm-up; goal < 1000 ms. Baseline: one pass counting digits.`,
    },
    {
      name: 'a 60,000-character report: statements and draft plan',
      value: round(reportMs, 1),
      unit: 'ms',
      baseline: round(baselineMs, 3),
      note: `the first 60,000 characters of the same text; median of ${RUNS}; goal < 300 ms.`,
    },
    {
      name: 'draft plan from those statements',
      value: round(draftMs, 1),
      unit: 'ms',
      baseline: round(baselineMs, 3),
      note: `outline + indicators/targets/observations from ${statements.length} statements; median of ${RUNS}. Baseline: one pass counting digits.`,
    },
  ];
}
