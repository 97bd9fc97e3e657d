/**
 * The demo plan's bulletin of 2026-11 as real files, opened and checked: the .docx's XML (A4, the
 * GB/T 9704 margins and 22-line grid, fonts and sizes, section titles, page numbers, numbers equal
 * to what the status and tasks services read from the database), the .xlsx read back with exceljs,
 * on SQLite and PostgreSQL; the PDF's text (pdftotext), page size and page 1 rendered (pdftoppm).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../src/server/config';
import ExcelJS from 'exceljs';
import type { Db } from '../../src/db';
import { bulletinFile } from '../../src/modules/reports';
import { getTargetStatus } from '../../src/modules/status';
import { listTasks } from '../../src/modules/tasks';
import { dialects } from '../databases';
import type { TestDatabase } from '../databases';
import { demoDatabase, docxText, zipPart } from './demo';

const month = '2026-11';
const asOf = '2026-11-30';
const dir = mkdtempSync(join(tmpdir(), 'shixiao-bulletin-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const reader = (tenantId: number) => ({
  actor: {
    kind: 'token' as const,
    tokenId: 0,
    tenantId,
    permissions: new Set(['plan:read', 'task:read', 'task:supervise'] as const),
    departmentIds: [],
    scopedPermissions: new Set<never>(),
  },
  now: new Date(`${asOf}T23:59:59Z`),
  sourceIp: null,
});

for (const dialect of dialects) {
  describe(`the bulletin's files [${dialect}]`, () => {
    let test: TestDatabase;
    let db: Db;
    let tenantId: number;
    const req = () => ({ tenantId, plan: 'yuzhong-2023', month, issued: '2026-12-01' });
    before(async () => {
      ({ test, db, tenantId } = await demoDatabase(dialect));
    });
    after(async () => {
      await db?.close();
      await test?.drop();
    });

    it('writes the .docx in the official layout with the database’s numbers', async () => {
      const file = join(dir, `${dialect}.docx`);
      writeFileSync(file, await bulletinFile(db, req(), 'docx', defaultConfig.settings));
      const xml = zipPart(file, 'word/document.xml');
      assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/, 'A4');
      assert.match(
        xml,
        /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/,
        '37/26/35/28 mm',
      );
      assert.match(
        xml,
        /<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"\/>/,
        '22 × 28',
      );
      assert.match(
        xml,
        /w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?关于2026年11月/,
        'title 2号 小标宋',
      );
      assert.match(xml, /w:eastAsia="黑体"[^]*?<w:sz w:val="32"\/>[^]*?一、总体情况/, 'heading 黑体 三号');
      assert.match(xml, /w:eastAsia="楷体_GB2312"[^]*?<w:sz w:val="32"\/>[^]*?（一）/, 'subheading 楷体');
      assert.match(
        xml,
        /w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>[^]*?截至2026年11月底/,
        'body 仿宋 三号',
      );
      const text = docxText(xml);
      for (const h of [
        '一、总体情况',
        '二、目标进展情况',
        '三、重点任务推进情况',
        '四、红灯事项',
        '五、部门排名',
        '六、下一步工作',
      ])
        assert.ok(text.split('\n').includes(h), h);
      assert.match(text, /区政府督查室\n2026年12月1日/);
      // Numbers equal to the database's, read through the services.
      const tasks = await listTasks(db, reader(tenantId), 'yuzhong-2023', { as_of: asOf, page_size: 200 });
      const red = tasks.tasks.filter((t) => t.light === 'red').length;
      const done = tasks.tasks.filter((t) => t.light === 'blue').length;
      assert.ok(red > 0 && done > 0, 'the demo has red and completed tasks in 2026-11');
      assert.match(text, new RegExp(`纳入督查的${tasks.total}项重点任务中，已完成${done}项`));
      assert.match(text, new RegExp(`逾期（红灯）${red}项`));
      const gdp = await getTargetStatus(db, tenantId, 'yuzhong-2023', 't-gdp', asOf);
      assert.equal(gdp.latest?.period, '2025');
      assert.match(
        text,
        new RegExp(
          `2025年，全区地区生产总值完成${gdp.latest?.value}亿元，完成2027年目标的${Math.round(((gdp.latest?.value ?? 0) / 2100) * 1000) / 10}%`,
        ),
      );
      assert.match(
        text,
        /1—\d+月，全区空气质量优良天数完成\d+天，同比(增长|下降)[\d.]+%，完成年度目标的[\d.]+%。/,
      );
      assert.match(text, /表\d+ 部门排名\n单位：分/);
      assert.match(text, /资料来源：督查督办系统任务台账/);
      const footers = zipPart(file, 'word/footer1.xml') + zipPart(file, 'word/footer2.xml');
      assert.match(footers, /PAGE/);
      assert.match(
        footers,
        /<w:jc w:val="right"\/>[^]*<w:jc w:val="left"\/>|<w:jc w:val="left"\/>[^]*<w:jc w:val="right"\/>/,
        'outer corners',
      );
      assert.match(footers, /<w:sz w:val="28"\/>/, '4号');
      assert.match(footers, /— /);
      assert.match(zipPart(file, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);
    });

    it('writes the .xlsx data book, read back with exceljs', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        (await bulletinFile(db, req(), 'xlsx', defaultConfig.settings)) as unknown as ArrayBuffer,
      );
      assert.deepEqual(
        book.worksheets.map((w) => w.name),
        ['说明', '目标', '指标数值', '任务', '部门排名', '逾期未报'],
      );
      const targets = book.getWorksheet('目标')!;
      assert.deepEqual(targets.views[0]?.state, 'frozen');
      const header = targets.getRow(1).values as unknown[];
      assert.ok(header.includes('最新值（按单位列）') && header.includes('单位'));
      const gdpRow = targets.getRows(2, targets.rowCount - 1)!.find((r) => r.getCell(2).value === 't-gdp');
      assert.equal(gdpRow?.getCell(7).value, 1781.8);
      assert.equal(gdpRow?.getCell(5).value, '亿元');
      const tasks = book.getWorksheet('任务')!;
      assert.ok((tasks.getRow(1).values as unknown[]).includes('进度（%）'));
      assert.equal(tasks.rowCount - 1, 37, 'every task of the demo plan');
      const values = book.getWorksheet('指标数值')!;
      const air = values
        .getRows(2, values.rowCount - 1)!
        .filter((r) => r.getCell(1).value === 'good_air_days');
      assert.ok(air.some((r) => r.getCell(6).value === '2026-09' && typeof r.getCell(7).value === 'number'));
      assert.ok(!air.some((r) => r.getCell(6).value === '2026-12'), 'nothing after the month');
    });

    if (dialect === 'sqlite') {
      it('prints the same bulletin to an A4 PDF that reads and renders', async () => {
        const file = join(dir, 'bulletin.pdf');
        writeFileSync(file, await bulletinFile(db, req(), 'pdf', defaultConfig.settings));
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        for (const s of ['一、总体情况', '五、部门排名', '六、下一步工作', '区政府督查室', '— 1 —', '— 2 —'])
          assert.ok(text.replace(/—\s*(\d+)\s*—/g, '— $1 —').includes(s), s);
        assert.match(text, /1781\.8亿元/);
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
        mkdirSync('test-results', { recursive: true });
        execFileSync('pdftoppm', [
          '-r',
          '50',
          '-png',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          file,
          'test-results/bulletin-page1',
        ]);
        assert.ok(statSync('test-results/bulletin-page1.png').size > 10_000, 'page 1 has ink');
      });
    }
  });
}
