/**
 * `shixiao extract FILE [--json] [--year YYYY] [--plan [-o FILE]]`: the quantitative statements
 * of a policy document (.txt, .md, .docx; UTF-8, GB18030/GBK or UTF-16 with BOM), or a draft plan
 * file built from it.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { extractStatements, type Statement } from '../../domain/extract';
import { documentYear, draftPlanFromText } from '../../domain/extract/draft';
import { formatPlanFile } from '../../domain/plan-file';
import { formatChinese } from '../../domain/units';
import { decodeDocument, MAX_DOCUMENT_BYTES } from '../../modules/extract';
import { action, CliError } from '../errors';
import { jsonList, pick } from '../json';
import { readPlanFile } from './plan-files';

interface ExtractOptions {
  json?: boolean;
  year?: string;
  plan?: boolean;
  output?: string;
  departments?: string;
}

/** The departments of a plan file, to match the names of a task-division table against. */
function departmentsOf(file: string | undefined): { id: string; name: string }[] {
  if (file === undefined) return [];
  return readPlanFile(file, 'omitted').departments.map((d) => ({ id: d.id, name: d.name }));
}

/** The CONTRACT.md object, in its field order, then the fields that locate it (horizon only when known). */
const toJson = (s: Statement) =>
  pick(s, [
    'text',
    'subject',
    'value',
    'unit',
    'kind',
    'qualifier',
    'period',
    'target_year',
    'horizon',
    'start',
    'end',
  ]);

/** Reads and decodes a document, or fails with one line naming the file. */
async function readDocument(file: string): Promise<string> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file}: is a directory, not a document`);
    size = st.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
  // Refuse before reading: a wrong multi-gigabyte file should not be loaded to be refused.
  if (size > MAX_DOCUMENT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new CliError(`${file}: file is too large (${mb(size)}; the limit is ${mb(MAX_DOCUMENT_BYTES)})`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const decoded = await decodeDocument(bytes, file);
  if (!decoded.ok) throw new CliError(`${file}: ${decoded.reason}`);
  return decoded.text;
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1900 || year > 2200) {
    throw new CliError(`--year ${value}: not a year (use YYYY)`);
  }
  return year;
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const padTo = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

const qualifierZh: Record<Statement['qualifier'], string> = {
  exact: '',
  approx: '约',
  near: '近',
  at_least: '≥',
  exceeded: '>',
  at_most: '≤',
};

/** One line per statement: period, year, subject, value, kind, source span. */
function table(statements: readonly Statement[]): string {
  if (statements.length === 0) return '(no quantitative statements found)\n';
  const rows = statements.map((s) => [
    s.period === 'target' ? '目标' : '成果',
    s.target_year === null ? '' : String(s.target_year),
    s.subject,
    qualifierZh[s.qualifier] + formatChinese(s.value, s.unit),
    s.kind,
    s.text.replace(/\*\*/g, ''),
  ]);
  const header = ['period', 'year', 'subject', 'value', 'kind', 'text'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.min(40, Math.max(...all.map((r) => width(r[c] ?? '')))));
  return all
    .map(
      (r) =>
        r
          .map((cell, c) => (c === r.length - 1 ? cell : padTo(cell, widths[c] ?? 0)))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

/** Registers `shixiao extract`. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract <file>')
    .description('print the quantitative statements of a policy document (.txt, .md, .docx)')
    .option('--json', 'a JSON array of statements on stdout, nothing else')
    .option('--year <year>', 'the document year ("今年"); read from the text when omitted')
    .option('--plan', 'print a draft plan file (YAML; with --json: {plan, links}) instead')
    .option('-o, --output <file>', 'with --plan: write the draft plan file here instead of stdout')
    .option('--departments <planFile>', "with --plan: match task-table departments to this plan file's")
    .action(
      action(async (file: string, opts: ExtractOptions) => {
        const year = parseYear(opts.year);
        if (opts.output !== undefined && !opts.plan) throw new CliError('--output goes with --plan');
        if (opts.departments !== undefined && !opts.plan)
          throw new CliError('--departments goes with --plan');
        const departments = departmentsOf(opts.departments);
        const text = await readDocument(file);
        if (!opts.plan) {
          // Without --year, a year in the headings or the file name (…-2023.md) dates 今年/未来五年.
          const docYear = documentYear(text, basename(file), year);
          const statements = extractStatements(text, docYear === null ? {} : { year: docYear });
          process.stdout.write(opts.json ? jsonList(statements, toJson) : table(statements));
          return;
        }
        const drafted = draftPlanFromText(text, {
          documentName: basename(file),
          departments,
          ...(year ? { year } : {}),
        });
        if (!drafted.ok) throw new CliError(`${file}: ${drafted.reason}`);
        // Rows the reviewer must check go to stderr, so stdout stays a plan file.
        for (const w of drafted.draft.warnings)
          process.stderr.write(`${file}: 任务表第${w.row}行: ${w.message}\n`);
        const out = opts.json
          ? JSON.stringify(drafted.draft, null, 2) + '\n'
          : formatPlanFile(drafted.draft.plan);
        if (opts.output === undefined) {
          process.stdout.write(out);
          return;
        }
        try {
          writeFileSync(opts.output, out);
        } catch (error) {
          throw new CliError(
            `${opts.output}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
          );
        }
        const p = drafted.draft.plan;
        process.stderr.write(
          `${opts.output}: draft plan '${p.plan.id}' with ${p.goal_areas.length} goal areas, ${p.programmes.length} programmes, ` +
            `${p.indicators.length} indicators, ${p.targets.length} targets, ${p.observations.length} observations, ` +
            `${p.tasks.length} tasks\n`,
        );
      }),
    );
}
