// The task-division part of `npm run eval:extract`: each set in test/extract-sets/tasks is drafted
// as `extract --plan` drafts it (with the set's departments), once from its text and once from a
// .docx holding the same lines and its Markdown tables as Word tables; each labelled row is scored
// on its lead department and due date (the goal: ≥ 0.9 of the rows right).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { draftPlanFromText } from '../src/domain/extract/draft';
import {
  emptyTaskScore,
  scoreTaskRows,
  type DraftedTaskRow,
  type GoldTaskRow,
  type TaskScore,
} from '../src/domain/extract/score-tasks';
import type { DepartmentName } from '../src/domain/extract/tasks';
import { decodeDocument } from '../src/modules/extract/decode';

interface TaskLabels {
  source: string;
  year: number;
  departments: DepartmentName[];
  rows: GoldTaskRow[];
}

/** A .docx of the text: a run of `| … |` lines becomes a Word table (rule lines dropped). */
async function asDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    children.push(
      new Table({
        rows: rows.map(
          (r) =>
            new TableRow({
              children: Array.from(
                { length: width },
                (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] }),
              ),
            }),
        ),
      }),
    );
    rows = [];
  };
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('|')) {
      const cells = t
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
      if (!cells.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(cells);
      continue;
    }
    flush();
    if (t !== '') children.push(new Paragraph(t));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** The drafted tasks of a text, their departments as names, as the scorer reads them. */
function drafted(text: string, name: string, labels: TaskLabels): DraftedTaskRow[] {
  const r = draftPlanFromText(text, {
    documentName: name,
    year: labels.year,
    departments: labels.departments,
  });
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  const { plan, warnings } = r.draft;
  const nameOf = (id: string | undefined): string | null =>
    id === undefined ? null : (plan.departments.find((d) => d.id === id)?.name ?? id);
  return plan.tasks.map((t, i) => ({
    title: t.title,
    lead: nameOf(t.lead_department),
    co: (t.co_departments ?? []).map((c) => nameOf(c) ?? c),
    due: t.due,
    dueFlagged: warnings.some((w) => w.row === i + 1 && w.message.startsWith('完成时限')),
  }));
}

const add = (a: TaskScore, b: TaskScore): TaskScore => ({
  total: a.total + b.total,
  found: a.found + b.found,
  leadAndDue: a.leadAndDue + b.leadAndDue,
  lead: a.lead + b.lead,
  due: a.due + b.due,
  co: a.co + b.co,
  spurious: a.spurious + b.spurious,
  problems: [],
});

const zero: TaskScore = emptyTaskScore();

const line = (s: TaskScore): string =>
  `rows ${s.found}/${s.total} found | lead+due ${s.leadAndDue}/${s.total} (${((s.total ? s.leadAndDue / s.total : 1) * 100).toFixed(1)}%) | lead ${s.lead} due ${s.due} co ${s.co} | spurious ${s.spurious}`;

/**
 * Scores every task set in `dir`, printing one line per set and form; returns the overall
 * lead+due accuracy over both forms, or null when there are no sets.
 */
export async function evalTaskSets(dir: string, verbose: boolean): Promise<number | null> {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !/^[A-Z_-]+\.md$/.test(f))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
  let total = zero;
  for (const name of names) {
    const labelsFile = join(dir, `${name}.tasks.json`);
    if (!existsSync(labelsFile)) throw new Error(`missing: ${labelsFile}`);
    const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as TaskLabels;
    const text = readFileSync(join(dir, `${name}.md`), 'utf8');
    const decoded = await decodeDocument(await asDocx(text), `${name}.docx`);
    if (!decoded.ok) throw new Error(`${name}.docx: ${decoded.reason}`);
    for (const [form, body, file] of [
      ['text', text, `${name}.md`],
      ['docx', decoded.text, `${name}.docx`],
    ] as const) {
      const s = scoreTaskRows(drafted(body, file, labels), labels.rows);
      total = add(total, s);
      console.log(`${`tasks ${name} (${form})`.padEnd(44)} ${line(s)}`);
      if (verbose) for (const p of s.problems) console.log(`  ${p}`);
    }
  }
  console.log(`${'tasks OVERALL (text + docx)'.padEnd(44)} ${line(total)}`);
  return total.total === 0 ? null : total.leadAndDue / total.total;
}
