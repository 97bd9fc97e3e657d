/**
 * The Excel 任务分解表 over HTTP on SQLite and PostgreSQL: the template opens in Excel with its
 * headers, a hidden code row and drop-downs of the plan's departments; a filled-in template is
 * previewed (nothing written) and committed as assigned tasks; a bad table names the row and the
 * column of each problem and writes nothing; the commit is all or nothing; only the supervisor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { dialects } from '../databases';
import { expectJson } from '../helpers/data-users';
import { seedTaskUsers, type TaskBody, type TaskUsers } from '../helpers/task-users';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const base = '/api/plans/yuzhong-2023/tasks';
const breakdown = `${base}/breakdown`;

interface Preview {
  rows: {
    row: number;
    id: string | null;
    title: string;
    lead_department: string;
    co_departments: string[];
  }[];
  errors: { row: number; field: string; message: string }[];
  token: string | null;
}

function upload(server: RunningTestServer, client: Client, bytes: Uint8Array, name = '任务分解表.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${server.url}${breakdown}/preview`, {
    method: 'POST',
    headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf },
    body: form,
  });
}

/** The downloaded template with rows written from the third on, by column code. */
async function filled(template: Uint8Array, rows: Record<string, unknown>[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('任务分解表')!;
  const codes = (ws.getRow(2).values as (string | undefined)[]).map((v) => v ?? '');
  rows.forEach((values, i) => {
    for (const [key, v] of Object.entries(values))
      ws.getCell(3 + i, codes.indexOf(key)).value = v as ExcelJS.CellValue;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const count = async (client: Client) =>
  (await expectJson<{ total: number }>(client.get(`${base}?page_size=1`), 200)).total;

for (const dialect of dialects) {
  describe(`task breakdown table [${dialect}]`, () => {
    let server: RunningTestServer;
    let u: TaskUsers;
    let template: Uint8Array;

    before(async () => {
      server = await startTestServer(dialect, { now: () => new Date('2026-01-05T08:00:00Z') });
      u = await seedTaskUsers(server.url, await login(server.url, 'admin', testAdminPassword));
    });
    after(() => server?.stop());

    it('downloads a template with Chinese headers, a hidden code row and department drop-downs', async () => {
      const res = await u.sup.get(`${breakdown}/template`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
      template = new Uint8Array(await res.arrayBuffer());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('任务分解表')!;
      const headers = (ws.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(headers.slice(0, 5), [
        '任务编号（可空）',
        '所属举措',
        '任务名称',
        '任务描述',
        '牵头单位',
      ]);
      assert.equal(ws.getRow(2).hidden, true);
      assert.equal(ws.getRow(2).getCell(5).value, 'lead_department');
      const lead = ws.getCell('E3').dataValidation;
      assert.equal(lead.type, 'list');
      assert.match(String(lead.formulae?.[0]), /选项'!\$A\$2:\$A\$\d+/);
      assert.equal(ws.getCell('F3').dataValidation.type, 'list', '配合单位 too');
      const lists = wb.getWorksheet('选项')!;
      assert.equal(lists.state, 'hidden');
      const names = (lists.getColumn(1).values as unknown[]).slice(2);
      assert.ok(names.includes('区发展改革委') && names.includes('区财政局'), names.join());
    });

    it('previews a filled-in table without writing, then commits every row as an assigned task', async () => {
      const before = await count(u.sup);
      const bytes = await filled(template, [
        {
          id: 'xl-t1',
          action: 'p1-a1',
          title: '编制年度任务清单',
          lead_department: '区发展改革委',
          co_department_1: '区商务委',
          leader: '分管副区长',
          start: new Date(Date.UTC(2026, 0, 10)),
          due: '2026-06-30',
          cycle: '每月',
          priority: '高',
          percent: 10,
          milestones: '2026-03-31 形成初稿；2026-05-31 征求意见',
          targets: 't-gdp',
        },
        {
          action: 'p1-a1',
          title: '开展专项督查',
          lead_department: 'czj',
          start: '2026/2/1',
          due: '2026-12-31',
          cycle: '每季度',
        },
      ]);
      const preview = await expectJson<Preview>(upload(server, u.sup, bytes), 200);
      assert.deepEqual(preview.errors, []);
      assert.ok(preview.token);
      assert.deepEqual(
        preview.rows.map((r) => [r.row, r.title, r.lead_department, r.co_departments]),
        [
          [3, '编制年度任务清单', 'fgw', ['swj']],
          [4, '开展专项督查', 'czj', []],
        ],
      );
      assert.equal(await count(u.sup), before, 'a preview writes nothing');
      const done = await expectJson<{ created: string[] }>(
        u.sup.send('POST', `${breakdown}/commit`, { token: preview.token }),
        201,
      );
      assert.equal(done.created.length, 2);
      assert.equal(done.created[0], 'xl-t1');
      assert.match(done.created[1] ?? '', /^p1-a1-t\d+$/);
      const t = await expectJson<TaskBody & { leader: string; start: string; priority: string }>(
        u.sup.get(`${base}/xl-t1`),
        200,
      );
      assert.deepEqual(
        [t.state, t.start, t.due, t.priority, t.leader, t.targets],
        ['assigned', '2026-01-10', '2026-06-30', 'high', '分管副区长', ['t-gdp']],
      );
      assert.deepEqual(
        t.milestones.map((m) => [m.title, m.due]),
        [
          ['形成初稿', '2026-03-31'],
          ['征求意见', '2026-05-31'],
        ],
      );
      assert.ok(t.timeline.some((e) => e.kind === 'upload'));
      const again = await u.sup.send('POST', `${breakdown}/commit`, { token: preview.token });
      assert.equal(again.status, 404, 'a token is used once');
    });

    it('names the row and the column of every problem, gives no token, and writes nothing', async () => {
      const before = await count(u.sup);
      const bytes = await filled(template, [
        { title: '未知部门', lead_department: '区宇宙局', start: '2026-01-01', due: '2026-03-31' },
        { title: '截止早于开始', lead_department: 'fgw', start: '2026-05-01', due: '2026-04-30' },
        {
          title: '节点越界',
          lead_department: 'fgw',
          start: '2026-01-01',
          due: '2026-06-30',
          milestones: '2026-07-15 验收',
        },
        { title: '进度越界', lead_department: 'fgw', start: '2026-01-01', due: '2026-06-30', percent: 150 },
        { id: 'xl-t1', title: '编号已存在', lead_department: 'fgw', start: '2026-01-01', due: '2026-06-30' },
      ]);
      const preview = await expectJson<Preview>(upload(server, u.sup, bytes), 200);
      assert.equal(preview.token, null);
      assert.deepEqual(
        preview.errors.map((e) => [e.row, e.field]),
        [
          [3, 'lead_department'],
          [4, 'due'],
          [5, 'milestones'],
          [6, 'percent'],
          [7, 'id'],
        ],
      );
      assert.match(
        preview.errors[0]?.message ?? '',
        /^第3行“牵头单位”：未知部门“区宇宙局”。 Row 3, lead_department: unknown department/,
      );
      assert.match(preview.errors[1]?.message ?? '', /截止日期2026-04-30早于开始日期2026-05-01/);
      assert.match(preview.errors[2]?.message ?? '', /节点“验收”的日期2026-07-15不在任务起止日期/);
      assert.match(preview.errors[3]?.message ?? '', /进度须在0至100之间（收到150）/);
      assert.equal(await count(u.sup), before);
      const forged = await u.sup.send('POST', `${breakdown}/commit`, { token: 'not-a-token' });
      assert.equal(forged.status, 404);
    });

    it('commits all or nothing: a row that became wrong since the preview writes no row', async () => {
      const bytes = await filled(template, [
        { id: 'xl-a', title: '甲', lead_department: 'fgw', start: '2026-01-01', due: '2026-06-30' },
        { id: 'xl-b', title: '乙', lead_department: 'fgw', start: '2026-01-01', due: '2026-06-30' },
      ]);
      const preview = await expectJson<Preview>(upload(server, u.sup, bytes), 200);
      assert.ok(preview.token);
      await expectJson(
        u.sup.send('POST', base, {
          id: 'xl-b',
          action: 'p1-a1',
          title: '抢先创建',
          lead_department: 'fgw',
          start: '2026-01-01',
          due: '2026-06-30',
          cycle: 'monthly',
        }),
        201,
      );
      const before = await count(u.sup);
      const res = await u.sup.send('POST', `${breakdown}/commit`, { token: preview.token });
      assert.equal(res.status, 409);
      assert.equal(await count(u.sup), before);
      assert.equal((await u.sup.get(`${base}/xl-a`)).status, 404, 'the first row was rolled back');
    });

    it('is the supervisor’s: a department gets 403; a file that is not .xlsx gets 415', async () => {
      assert.equal((await u.repLead.get(`${breakdown}/template`)).status, 403);
      assert.equal((await upload(server, u.repLead, template)).status, 403);
      const text = await upload(server, u.sup, new TextEncoder().encode('id,title\n1,x\n'), 'tasks.csv');
      assert.equal(text.status, 415);
    });
  });
}
