/**
 * The renderers on edge months: no data at all, only red items, a department with nothing — each
 * still a valid .docx (read back) and .xlsx (read back with exceljs) — and text cells that look
 * like formulas stay text in the data book.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { BulletinInput, TaskLine } from '../../../domain/reports';
import { renderBulletin } from '../reports.render';

/** Not used: these tests write .docx and .xlsx only. */
const pdf = { chromiumPath: '/usr/bin/chromium' };

const dir = mkdtempSync(join(tmpdir(), 'shixiao-render-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const empty: BulletinInput = {
  month: '2026-03',
  asOf: '2026-03-31',
  issued: '2026-04-01',
  office: '区政府督查室',
  plan: { id: 'p', title: '测试规划' },
  headlines: [],
  goalAreas: [],
  programmes: [],
  tasks: [],
  overdueReports: [],
  departments: [],
  nextSteps: [],
  indicators: [],
};

const redTask = (id: string, title: string): TaskLine => ({
  id,
  title,
  programme: null,
  department: { code: 'zjw', name: '区住房城乡建委' },
  light: 'red',
  state: 'in_progress',
  percent: 10,
  expected: 60,
  escalation: 'notice',
  due: '2026-03-01',
  reasons: ['已逾期30天'],
});

const onlyRed: BulletinInput = {
  ...empty,
  tasks: [redTask('a', '=HYPERLINK("http://evil","点我")'), redTask('b', '+1+1')],
  departments: [
    { code: 'zjw', name: '区住房城乡建委' },
    { code: 'wb', name: '区政府外办' },
  ],
  overdueReports: [
    {
      department: { code: 'zjw', name: '区住房城乡建委' },
      count: 2,
      oldestDue: '2026-02-05',
      items: [{ name: '@SUM(A1)', period: '2026-01', due: '2026-02-05' }],
    },
  ],
};

function docxText(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

async function book(bytes: Buffer) {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(bytes as unknown as ArrayBuffer);
  return b;
}

describe('bulletin renderers on edge months', () => {
  it('a month with no data is a whole document saying so', async () => {
    const text = docxText(await renderBulletin(empty, 'docx', pdf), 'empty.docx');
    assert.match(text, /主要指标暂无可用数据/);
    assert.match(text, /本月无逾期未办结任务/);
    assert.match(text, /六、下一步工作/);
    const b = await book(await renderBulletin(empty, 'xlsx', pdf));
    assert.equal(b.getWorksheet('任务')?.rowCount, 1, 'the header only');
  });

  it('a month with only red items lists them, and an empty department is unranked', async () => {
    const text = docxText(await renderBulletin(onlyRed, 'docx', pdf), 'red.docx');
    assert.match(text, /逾期未办结任务2项，督办事项2项，逾期未报数据2期/);
    assert.match(text, /区政府外办—本月无督查事项/);
    const b = await book(await renderBulletin(onlyRed, 'xlsx', pdf));
    const ranking = b.getWorksheet('部门排名')!;
    assert.deepEqual((ranking.getRow(2).values as unknown[]).slice(1), [
      1,
      '区住房城乡建委',
      76,
      2,
      0,
      2,
      2,
      0,
      2,
      '牵头任务2项，完成0项（完成率0%）；逾期2项（其中督办2项）；逾期未报数据2期',
    ]);
    assert.equal(ranking.getRow(3).getCell(1).value, null, 'no rank');
  });

  it('keeps formula-looking text as text in the data book', async () => {
    const b = await book(await renderBulletin(onlyRed, 'xlsx', pdf));
    const tasks = b.getWorksheet('任务')!;
    assert.equal(tasks.getRow(2).getCell(2).value, `'=HYPERLINK("http://evil","点我")`);
    assert.equal(tasks.getRow(3).getCell(2).value, `'+1+1`);
    assert.equal(b.getWorksheet('逾期未报')!.getRow(2).getCell(2).value, `'@SUM(A1)`);
    assert.equal(tasks.getRow(2).getCell(7).value, 10, 'numbers stay numbers');
  });
});
