/** `shixiao tasks PLAN_FILE --as-of D --json` as CONTRACT.md fixes it. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { demoPlanFile } from '../fixtures';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-tasks-'));

/** CONTRACT.md's example task with accepted reports for 2026-01 to 2026-05, and two more tasks. */
const planText = (
  settings = '',
) => `plan: {id: c, title: c, start: 2023, end: 2027, baseline_year: 2022${settings}}
departments:
  - {id: zjw, name: 区住房城乡建委}
  - {id: czj, name: 区财政局}
indicators:
  - {id: gdp, name: 地区生产总值, unit: 亿元, direction: up, frequency: annual, measure: flow}
targets:
  - {id: t-gdp, indicator: gdp, kind: level, value: 2100, year: 2027}
programmes:
  - {id: p5, number: 5, name: 城市更新, actions: [{id: p5-a1, name: 老旧小区改造}]}
tasks:
  - {id: p5-a1-t1, action: p5-a1, title: 完成老旧小区改造100万平方米, lead_department: zjw, co_departments: [czj], leader: 分管副区长, start: 2026-01-01, due: 2026-12-31, cycle: monthly, milestones: [{title: 完成改造方案, due: 2026-03-31, done: 2026-03-28}], targets: [t-gdp]}
  - {id: p5-a1-t2, action: p5-a1, title: 加装电梯, start: 2026-01-01, due: 2026-06-30, cycle: quarterly}
  - {id: p5-a1-t3, action: p5-a1, title: 完成验收, start: 2026-01-01, due: 2026-03-31, cycle: quarterly}
task_reports:
${[1, 2, 3, 4, 5]
  .map(
    (m) =>
      `  - {task: p5-a1-t1, period: 2026-0${m}, submitted: 2026-0${m + 1}-03, percent: ${m * 8}, progress: 进展, status: accepted}`,
  )
  .join('\n')}
  - {task: p5-a1-t3, period: 2026-Q1, submitted: 2026-03-30, percent: 100, status: accepted}
`;

function writePlan(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('shixiao tasks', () => {
  it('prints the CONTRACT.md object for each task and nothing else', async () => {
    const file = writePlan('plan.yaml', planText());
    const result = await runCli(['tasks', file, '--as-of', '2026-07-02', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.deepEqual(rows[0], {
      task: 'p5-a1-t1',
      as_of: '2026-07-02',
      state: 'in_progress',
      light: 'yellow',
      escalation: 'reminder',
      due: '2026-12-31',
      percent: 40,
      expected_percent: 50,
      reasons: ['2026年6月进展报告将于2026-07-05到期'],
    });
    // No report at all: the Q1 report was due on 2026-04-05, 88 days ago, so red and 督办.
    assert.equal(rows[1]?.light, 'red');
    assert.equal(rows[1]?.escalation, 'notice');
    assert.equal(rows[1]?.state, 'assigned');
    assert.deepEqual(
      [rows[2]?.state, rows[2]?.light, rows[2]?.escalation, rows[2]?.reasons],
      ['completed', 'blue', 'none', ['已办结']],
    );
  });

  it('reads the rule settings from plan.settings.tasks', async () => {
    const file = writePlan(
      'settings.yaml',
      planText(', settings: {tasks: {reminder_days: 2, soon_days: 2}}'),
    );
    const result = await runCli(['tasks', file, '--as-of', '2026-07-02', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.deepEqual([rows[0]?.light, rows[0]?.escalation, rows[0]?.reasons], ['green', 'none', []]);
  });

  it('ignores what happens after the as-of day', async () => {
    const file = writePlan('early.yaml', planText());
    const result = await runCli(['tasks', file, '--as-of', '2026-03-29', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.equal(rows[2]?.state, 'assigned'); // its 100% report comes on 2026-03-30
    assert.equal(rows[2]?.light, 'yellow'); // due on 2026-03-31
    assert.equal(rows[0]?.percent, 16); // the March report is filed on 2026-04-03
  });

  it('prints a line per task with state, light, escalation and reasons', async () => {
    const file = writePlan('text.yaml', planText());
    const result = await runCli(['tasks', file, '--as-of', '2026-07-13']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[0] ?? '',
      /^p5-a1-t1 .*推进中 in progress.*红 red.*督办 notice.*2026年6月进展报告已于2026-07-05到期，逾期8天/,
    );
    assert.match(lines[2] ?? '', /^p5-a1-t3 .*办结 completed.*蓝 blue/);
  });

  it('prints an empty array for a plan without tasks', async () => {
    const result = await runCli(['tasks', demoPlanFile, '--as-of', '2026-06-30', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Array.isArray(JSON.parse(result.stdout)));
  });

  it('refuses a bad plan file with one line naming the place', async () => {
    const file = writePlan(
      'bad.yaml',
      planText()
        .replace('percent: 40', 'percent: 140')
        .replace('due: 2026-06-30, cycle: quarterly', 'due: 2026-06-30, cycle: daily'),
    );
    const result = await runCli(['tasks', file, '--json']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    // Problems come in file order: the task's cycle first, the report's percent second.
    assert.match(lines[0] ?? '', /bad\.yaml:\d+: tasks\[1\]\.cycle: .*\(and 1 more problem\)$/);
  });

  it('refuses a missing file and a date that is not a date', async () => {
    const missing = await runCli(['tasks', join(dir, 'nope.yaml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.yaml: no such file/);
    const date = await runCli(['tasks', demoPlanFile, '--as-of', '2026-02-30']);
    assert.equal(date.code, 1);
    assert.match(date.stderr, /--as-of 2026-02-30: not a date/);
  });
});
