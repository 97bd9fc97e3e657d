/**
 * The supervisor in a browser: the department scorecards of a month (ranking, points per part,
 * the reasons when a row is opened), and the 任务分解表 upload — a bad table shows each problem
 * by row and column with 确认导入 disabled, a good one is imported. Screenshots in test-results/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '../../src/db';
import { jobKinds, runJobsOnce } from '../../src/jobs';
import { seedTaskUsers, taskPassword } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type RunningTestServer } from '../server';
import { launchBrowser, loginByApi, newPage, shots } from './browser';

const tasks = '/api/plans/yuzhong-2023/tasks';

describe('scorecards and the task breakdown upload in a browser', () => {
  const clock = { now: new Date('2026-02-03T08:00:00Z') };
  let server: RunningTestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startTestServer('sqlite', { now: () => clock.now });
    const u = await seedTaskUsers(server.url, await login(server.url, 'admin', testAdminPassword));
    for (const [id, lead, due] of [
      ['s1', 'fgw', '2026-02-20'],
      ['s2', 'czj', '2026-02-10'],
    ] as const) {
      const res = await u.sup.send('POST', tasks, {
        id,
        action: 'p1-a1',
        title: `示例任务${id}`,
        lead_department: lead,
        start: '2026-01-02',
        due,
        cycle: 'monthly',
      });
      assert.equal(res.status, 201);
    }
    await u.repLead.send('POST', `${tasks}/s1/reports`, {
      period: '2026-01',
      progress: '按计划推进',
      percent: 30,
    });
    await u.sup.send('POST', `${tasks}/s1/reports/2026-01/review`, { if_version: 1, decision: 'accept' });
    const db = await openDatabase(server.location);
    await runJobsOnce(db, {
      now: new Date('2026-02-20T08:00:00Z'),
      jobs: jobKinds,
      channels: { config: { smtp: null, publicUrl: 'http://x' }, mailer: null },
    });
    await db.close();
    clock.now = new Date('2026-02-27T08:00:00Z');
    page = await newPage(browser);
    await loginByApi(page, server.url, 'sup-1', taskPassword);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ranks the departments of the month and shows the reason for every point', async () => {
    await page.goto(`${server.url}/scorecards`);
    await page.getByRole('heading', { name: '部门考核排名' }).waitFor();
    const fgw = page.locator('.ant-table-row', { hasText: '区发展改革委' });
    await fgw.waitFor();
    const czj = page.locator('.ant-table-row', { hasText: '区财政局' });
    assert.match(await czj.innerText(), /−2/, 'the 督办 deduction');
    await fgw.click();
    await page.getByText('得分依据').waitFor();
    assert.ok(await page.getByText(/进展按时报送1\/1（100%）× 权重/).isVisible());
    await page.screenshot({ path: `${shots}/scorecards-zh.png`, fullPage: true });
  });

  it('shows a bad table’s problems by row and column, then imports a good one', async () => {
    const sup = await login(server.url, 'sup-1', taskPassword);
    const template = await (await sup.get(`${tasks}/breakdown/template`)).arrayBuffer();
    const write = async (name: string, rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template);
      const ws = wb.getWorksheet('任务分解表')!;
      rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(3 + i, j + 1).value = v)));
      const file = `${shots}/${name}`;
      await wb.xlsx.writeFile(file);
      return file;
    };
    const good = [
      '',
      'p1-a1',
      '编制年度任务清单',
      '',
      '区发展改革委',
      '区商务委',
      '',
      '',
      '',
      '2026-03-01',
      '2026-06-30',
      '每月',
      '高',
      '',
      '2026-03-31 形成初稿',
      '',
    ];
    const bad = [
      '',
      '',
      '开展专项督查',
      '',
      '区宇宙局',
      '',
      '',
      '',
      '',
      '2026-05-01',
      '2026-04-30',
      '每季度',
      '',
      '150',
      '',
      '',
    ];
    await page.goto(`${server.url}/tasks/upload`);
    await page.getByRole('heading', { name: '任务分解表导入' }).waitFor();
    await page.setInputFiles('input[type=file]', await write('breakdown-bad.xlsx', [good, bad]));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('未知部门“区宇宙局”').waitFor();
    assert.ok(await page.getByText(/第4行“截止日期”：截止日期2026-04-30早于开始日期2026-05-01/).isVisible());
    assert.ok(await page.getByText(/进度须在0至100之间（收到150）/).isVisible());
    assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled());
    await page.screenshot({ path: `${shots}/task-upload-errors-zh.png`, fullPage: true });

    await page.setInputFiles('input[type=file]', await write('breakdown-good.xlsx', [good]));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('待导入任务（1项）').waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('已导入1项任务。').first().waitFor();
    const created = (await (await sup.get(`${tasks}?department=fgw&page_size=200`)).json()) as {
      tasks: { title: string }[];
    };
    assert.ok(created.tasks.some((t) => t.title === '编制年度任务清单'));
  });
});
