/** `shixiao extract --plan` drafts the tasks of a task-division table (issue 17). */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
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

  it('refuses --departments without --plan with one line', async () => {
    const r = await runCli(['extract', doc, '--departments', departments], { timeoutMs: 120_000 });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.trim(), /--departments goes with --plan$/);
  });
});
