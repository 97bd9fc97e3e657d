/**
 * The fact sheet and the plan summary over HTTP on both databases: a leader downloads them as
 * .xlsx (read back with exceljs) and .docx (its XML checked), the month defaults to last month,
 * a reporter is refused and an unknown indicator is answered with the problem.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { dialects } from '../databases';
import { seedDepartmentsAndUsers, type SeededUsers } from '../helpers/seed-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';

const plan = '/api/plans/yuzhong-2023';

async function cellsOf(bytes: Buffer): Promise<{ sheets: string[]; texts: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(c.text))));
  return { sheets: book.worksheets.map((w) => w.name), texts };
}

for (const dialect of dialects) {
  describe(`fact sheet and plan summary downloads [${dialect}]`, () => {
    let server: RunningTestServer;
    let seeded: SeededUsers;
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-docs-'));
    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date('2026-11-03T09:00:00Z') });
      const admin = await login(server.url, 'admin', testAdminPassword);
      seeded = await seedDepartmentsAndUsers(server.url, admin);
    });
    after(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives a leader the fact sheet as .xlsx and .docx, last month by default', async () => {
      const res = await seeded.clients.leader.a.get(`${plan}/factsheets/good_air_days/xlsx`);
      assert.equal(res.status, 200, await res.clone().text());
      assert.match(res.headers.get('content-disposition') ?? '', /factsheet-2026-10\.xlsx/);
      const book = await cellsOf(Buffer.from(await res.arrayBuffer()));
      assert.equal(book.sheets[0], '说明');
      assert.ok(
        book.texts.some((t) => /空气质量优良天数指标情况/.test(t)),
        book.texts.join(' | '),
      );
      const docx = await seeded.clients.leader.a.get(`${plan}/factsheets/good_air_days/docx?month=2026-09`);
      assert.equal(docx.status, 200);
      const file = join(dir, `f-${dialect}.docx`);
      writeFileSync(file, Buffer.from(await docx.arrayBuffer()));
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
      assert.match(xml, /空气质量优良天数指标情况/);
      assert.match(xml, /2026年9月/);
    });

    it('gives a supervisor the plan summary as .xlsx with its three headings', async () => {
      const res = await seeded.clients.supervisor.a.get(`${plan}/summary/xlsx?month=2026-10`);
      assert.equal(res.status, 200, await res.clone().text());
      const book = await cellsOf(Buffer.from(await res.arrayBuffer()));
      for (const heading of ['一、总体情况', '二、需要关注的事项', '三、部门排名'])
        assert.ok(book.texts.includes(heading), `${heading} in ${book.texts.join(' | ')}`);
    });

    it('refuses a reporter, an unknown indicator, a bad month and an unknown format', async () => {
      assert.equal((await seeded.clients.reporter.a.get(`${plan}/summary/docx`)).status, 403);
      const sup = seeded.clients.supervisor.a;
      const unknown = await sup.get(`${plan}/factsheets/nope/docx`);
      assert.equal(unknown.status, 422);
      assert.match(await unknown.text(), /nope: no such indicator/);
      assert.equal((await sup.get(`${plan}/summary/docx?month=2026-13`)).status, 400);
      assert.equal((await sup.get(`${plan}/summary/txt`)).status, 400);
    });
  });
}
