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

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const FIELDS = [
  '产业',
  '科技',
  '城市',
  '乡村',
  '生态',
  '教育',
  '医疗',
  '养老',
  '交通',
  '营商',
  '文旅',
  '安全',
];
const UNITS = [
  '区发展改革委',
  '区财政局',
  '区教育局',
  '区卫生健康委',
  '区住房城乡建设委',
  '区生态环境局',
  '区商务委',
  '区科技局',
];

/**
 * A whole report with its task-division table: `programmes` × `actions` headed actions, each
 * with a paragraph of report text, then a table of `rows` tasks (序号 | 工作任务 | 牵头单位 |
 * 配合单位 | 完成时限) whose rows each belong to one action by name, padded to `length` characters.
 */
export function taskReport(length: number, rows: number, programmes = 8, actions = 10): string {
  // Report prose without headings of its own: the sentences (lines ending in 。) of the sets.
  const filler = bigDocument()
    .split('\n')
    .filter((l) => /。$/.test(l) && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(l))
    .join('\n');
  const table = [
    '三、重点任务分解表',
    '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
    '|---|---|---|---|---|',
  ];
  for (let r = 0; r < rows; r++) {
    const f = FIELDS[r % FIELDS.length] ?? '';
    const lead = UNITS[r % UNITS.length] ?? '';
    const co = UNITS[(r + 3) % UNITS.length] ?? '';
    table.push(
      `| ${r + 1} | 推进${f}第${r + 1}项重点工程，新建设施${(r % 9) + 1}个 | ${lead} | ${co} | 2026年${(r % 12) + 1}月底前 |`,
    );
  }
  const tableText = table.join('\n');
  // 二、2026年重点工作 opens the measures: （一） items are programmes, "- " lines their actions.
  const heads: string[] = ['2026年区政府工作报告', '一、2025年工作回顾', '二、2026年重点工作'];
  for (let p = 0; p < programmes; p++) {
    heads.push(`（${CN_NUM[p % 10] ?? ''}）加快${FIELDS[p % FIELDS.length] ?? ''}领域高质量发展`);
    for (let a = 0; a < actions; a++) {
      const name = `- 推进${FIELDS[(p + a) % FIELDS.length] ?? ''}第${p * actions + a + 1}项重点工程`;
      heads.push(name);
    }
  }
  const budget = Math.max(0, length - tableText.length - heads.join('\n').length - heads.length);
  const per = Math.floor(budget / heads.length);
  const sentences = filler.split('\n');
  let k = 0;
  const parts = heads.map((h) => {
    const body: string[] = [];
    let n = 0;
    while (n < per) {
      const line = sentences[k++ % sentences.length] ?? '';
      body.push(line);
      n += line.length + 1;
    }
    return `${h}\n${body.join('\n')}`;
  });
  const text = `${parts.join('\n')}\n${tableText}`;
  // Trim the prose of the last action so that the table stays whole.
  return text.length > length ? text.slice(0, length - tableText.length - 1) + '\n' + tableText : text;
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
  // The same size with a task-division table of 300 rows (issue 17: drafting compared each row
  // with every action of the plan). Baseline: the plain digit scan of that document.
  const withTasks = taskReport(60_000, 300);
  let taskRows = 0;
  let actionCount = 0;
  const tasksMs = time(() => {
    const found = extractStatements(withTasks, { year: 2026 });
    const d = draftPlan({ text: withTasks, statements: found, documentName: 'report.md', year: 2026 });
    taskRows = d.plan.tasks?.length ?? 0;
    actionCount = d.plan.programmes?.reduce((n, p) => n + p.actions.length, 0) ?? 0;
    sink += d.links.length;
  }, RUNS);
  const scan = () => {
    let n = 0;
    for (let i = 0; i < withTasks.length; i++) {
      const c = withTasks.charCodeAt(i);
      if (c >= 48 && c <= 57) n++;
    }
    sink += n;
  };
  const tasksBaselineMs = time(scan, RUNS);
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
      name: 'a 60,000-character report with 300 task rows: statements and draft plan with tasks',
      value: round(tasksMs, 1),
      unit: 'ms',
      baseline: round(tasksBaselineMs, 3),
      note: `${taskRows} tasks drafted under ${actionCount} actions; median of ${RUNS}; goal < 300 ms. Baseline: one pass counting digits over the same document.`,
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
