/**
 * A task-division table pasted at /api/extract: tasks drafted with their lead and co-operating
 * departments matched to the caller's own departments (an unknown unit is proposed and warned
 * about, never dropped), then created with the plan. On both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ExtractResult } from '../../src/contracts/extract';
import { dialects } from '../databases';
import { login, startTestServer, testAdminPassword, type Client, type RunningTestServer } from '../server';

const text = [
  '2026年重点工作任务分解方案',
  '一、推进城市更新',
  '| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
  '| --- | --- | --- | --- | --- |',
  '| 1 | 完成老旧小区改造100万平方米 | 区住房和城乡建设委员会 | 区财政局、区未来城市局 | 2026年12月底前 |',
  '| 2 | 出台促进消费十条措施 | 区商务委员会 | — | 2026年3月底前 |',
  '| 3 | 持续优化营商环境 | 区发展改革委 | 各有关单位 | 长期坚持 |',
].join('\n');

type Task = { id: string; title: string; lead_department?: string; co_departments?: string[]; due: string };

for (const dialect of dialects) {
  describe(`extraction of task tables over HTTP [${dialect}]`, () => {
    let server: RunningTestServer;
    let admin: Client;
    before(async () => {
      server = await startTestServer(dialect);
      admin = await login(server.url, 'admin', testAdminPassword);
    });
    after(() => server.stop());

    it('matches units to the caller’s departments and keeps an unknown one with a warning', async () => {
      const res = await admin.send('POST', '/api/extract', { text, year: 2026, document_name: 'tasks.md' });
      assert.equal(res.status, 200);
      const body = (await res.json()) as ExtractResult;
      assert.ok(body.draft);
      const plan = body.draft.plan as { tasks: Task[]; departments: { id: string; name: string }[] };
      assert.deepEqual(
        plan.tasks.map((t) => [t.title, t.lead_department, t.co_departments ?? [], t.due]),
        [
          ['完成老旧小区改造100万平方米', 'zjw', ['czj', 'dept-01'], '2026-12-31'],
          ['出台促进消费十条措施', 'swj', [], '2026-03-31'],
          ['持续优化营商环境', 'fgw', [], '2026-12-31'],
        ],
      );
      assert.deepEqual(
        plan.departments.find((d) => d.id === 'dept-01'),
        { id: 'dept-01', name: '区未来城市局' },
      );
      assert.ok(body.draft.warnings.some((w) => w.row === 1 && w.message.includes('区未来城市局')));
      assert.ok(body.draft.warnings.some((w) => w.row === 3 && w.message.includes('长期坚持')));
      assert.ok(body.departments?.some((d) => d.id === 'zjw' && d.name === '区住房城乡建委'));
      const linked = body.draft.links.filter((l) => l.kind === 'task');
      assert.equal(linked.length, 3);
      assert.match(body.text.slice(linked[0]?.start, linked[0]?.end), /老旧小区/);
    });
  });
}
