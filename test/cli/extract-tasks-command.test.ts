/** `shixiao extract --plan` drafts the tasks of a task-division table (issue 17). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { parsePlanFile } from '../../src/domain/plan-file';
import { runCli } from './run-cli';

const doc = fileURLToPath(new URL('../fixtures/task-division-2026.md', import.meta.url));
const departments = fileURLToPath(new URL('../fixtures/task-division-departments.yaml', import.meta.url));

describe('shixiao extract --plan with a task-division table', () => {
  it('drafts every row under an action with its lead department and due date, and flags what it cannot match', async () => {
    const r = await runCli(['extract', doc, '--plan', '--departments', departments], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
    const parsed = parsePlanFile(r.stdout);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    const tasks = parsed.plan.tasks.map((t) => [t.title, t.action, t.lead_department, t.due]);
    assert.deepEqual(tasks, [
      ['实施老旧小区改造提升工程', 'p-01-a1', 'zjw', '2026-06-30'],
      ['建设智慧城管平台', 'p-01-a2', 'cgj', '2026-12-31'],
      ['抓好重大项目建设，新开工项目30个', 'p-02-a1', 'fgw', '2026-09-30'],
      ['出台促进消费十条措施', 'p-03-a1', 'swj', '2026-03-31'],
      ['持续优化营商环境', 'p-01-a2', 'fgw', '2030-12-31'],
    ]);
    // An office no department matches stays in the draft, as a proposed department, and is named.
    assert.deepEqual(
      parsed.plan.departments.map((d) => d.id),
      ['czj', 'fgw', 'zjw', 'cgj', 'swj', 'dept-01'],
    );
    assert.equal(parsed.plan.departments.at(-1)?.name, '区公安分局');
    assert.match(r.stderr, /任务表第4行: 未匹配的单位“区公安分局”/);
    assert.match(r.stderr, /任务表第5行: 完成时限“长期坚持”不是日期/);
  });

  it('reads a .docx table whose lead cell is merged down two rows and a section row merged across', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'shixiao-extract-merged-'));
    after(() => rmSync(scratch, { recursive: true, force: true }));
    const cell = (text: string, opts: { merge?: 'restart' | 'continue'; span?: number } = {}) =>
      new TableCell({
        children: [new Paragraph(text)],
        ...(opts.merge
          ? {
              verticalMerge:
                opts.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
            }
          : {}),
        ...(opts.span ? { columnSpan: opts.span } : {}),
      });
    const table = new Table({
      rows: [
        new TableRow({
          children: ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'].map((t) => cell(t)),
        }),
        new TableRow({ children: [cell('一、城市更新', { span: 5 })] }),
        new TableRow({
          children: [
            cell('1'),
            cell('改造背街小巷40条'),
            cell('区住房城乡建委', { merge: 'restart' }),
            cell('区财政局'),
            cell('2026年10月底前'),
          ],
        }),
        new TableRow({
          children: [
            cell('2'),
            cell('新增公共停车位800个'),
            cell('', { merge: 'continue' }),
            cell('区城市管理局'),
            cell('2026年8月底前'),
          ],
        }),
      ],
    });
    const docx = join(scratch, 'merged-2026.docx');
    const title = new Paragraph('2026年城市更新重点任务分解表');
    writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children: [title, table] }] })));
    const r = await runCli(['extract', docx, '--plan', '--departments', departments], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
    const parsed = parsePlanFile(r.stdout);
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
    assert.deepEqual(
      parsed.plan.tasks.map((t) => [t.title, t.lead_department, t.co_departments, t.due]),
      [
        ['改造背街小巷40条', 'zjw', ['czj'], '2026-10-31'],
        ['新增公共停车位800个', 'zjw', ['cgj'], '2026-08-31'],
      ],
    );
  });

  it('refuses --departments without --plan with one line', async () => {
    const r = await runCli(['extract', doc, '--departments', departments], { timeoutMs: 120_000 });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.trim(), /--departments goes with --plan$/);
  });
});
