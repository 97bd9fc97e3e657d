/** Tasks and task reports in the plan file (CONTRACT.md "Tasks in the plan file"). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPlanFile, formatProblem, parsePlanFile } from '.';

const withTasks = `plan: {id: p1, title: 测试规划, start: 2023, end: 2027, baseline_year: 2022, settings: {tasks: {soon_days: 10}}}
departments:
  - {id: zjw, name: 区住房城乡建委}
  - {id: czj, name: 区财政局}
indicators:
  - {id: gdp, name: 地区生产总值, unit: 亿元, direction: up, frequency: annual, measure: flow}
targets:
  - {id: t-gdp, indicator: gdp, kind: level, value: 2100, qualifier: at_least, year: 2027}
programmes:
  - id: p5
    number: 5
    name: 城市更新行动
    actions:
      - {id: p5-a1, name: 老旧小区改造, lead_department: zjw}
tasks:
  - {id: p5-a1-t1, action: p5-a1, title: 完成老旧小区改造100万平方米, lead_department: zjw, co_departments: [czj], leader: 分管副区长, start: 2026-01-01, due: 2026-12-31, cycle: monthly, milestones: [{title: 完成改造方案, due: 2026-03-31, done: 2026-03-28}], targets: [t-gdp]}
  - {id: p5-a1-t2, action: p5-a1, title: 加装电梯, start: 2026-03-01, due: 2026-08-31, cycle: quarterly, priority: high, indicators: [gdp], state: accepted}
task_reports:
  - {task: p5-a1-t1, period: 2026-05, submitted: 2026-06-03, percent: 40, progress: 已完成改造42万平方米, problems: 资金拨付滞后, next_steps: 6月底前完成二期招标, status: accepted}
  - {task: p5-a1-t2, period: 2026-Q1, submitted: 2026-04-02, percent: 10}
`;

function problemsOf(text: string): string[] {
  const result = parsePlanFile(text);
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? [] : result.problems.map((p) => formatProblem('plan.yaml', p));
}

void describe('plan file tasks', () => {
  void it('reads the CONTRACT.md example with rule settings and their defaults', () => {
    const result = parsePlanFile(withTasks);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
    assert.equal(result.plan.tasks.length, 2);
    assert.deepEqual(result.plan.tasks[0]?.milestones, [
      { title: '完成改造方案', due: '2026-03-31', done: '2026-03-28' },
    ]);
    assert.equal(result.plan.task_reports[1]?.status, 'submitted');
    assert.deepEqual(result.plan.plan.settings?.tasks, {
      report_grace_days: 5,
      soon_days: 10,
      reminder_days: 3,
      notice_after_days: 7,
      lag_points: 15,
    });
  });

  void it('round-trips tasks through the canonical export', () => {
    const first = parsePlanFile(withTasks);
    assert.ok(first.ok);
    const text = formatPlanFile(first.plan);
    assert.match(text, /^tasks:\n {2}- \{id: p5-a1-t1, action: p5-a1,/m);
    assert.match(text, /^task_reports:\n/m);
    const second = parsePlanFile(text);
    assert.ok(second.ok);
    assert.deepEqual(second.plan, first.plan);
    assert.equal(formatPlanFile(second.plan), text);
  });

  void it('leaves the sections out of a plan without tasks', () => {
    const result = parsePlanFile('plan: {id: p, title: t, start: 2023, end: 2027, baseline_year: 2022}\n');
    assert.ok(result.ok);
    assert.doesNotMatch(formatPlanFile(result.plan), /tasks/);
  });

  void it('does not check departments when the plan lists none', () => {
    const noDepartments = withTasks
      .replace(/departments:\n(  - .*\n)+/, '')
      .replace(', lead_department: zjw}', '}');
    const result = parsePlanFile(noDepartments);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  });

  const bad: [string, string, RegExp][] = [
    [
      'a task under an unknown action',
      withTasks.replace('action: p5-a1, title: 完成', 'action: p9-a1, title: 完成'),
      /^plan\.yaml:16: tasks\[0\]\.action: unknown action 'p9-a1'$/,
    ],
    [
      'an unknown lead department',
      withTasks.replace('lead_department: zjw, co_departments', 'lead_department: fgw, co_departments'),
      /^plan\.yaml:16: tasks\[0\]\.lead_department: unknown department 'fgw'$/,
    ],
    [
      'an unknown co-operating department',
      withTasks.replace('co_departments: [czj]', 'co_departments: [czj, sjj]'),
      /^plan\.yaml:16: tasks\[0\]\.co_departments\[1\]: unknown department 'sjj'$/,
    ],
    [
      'an unknown target',
      withTasks.replace('targets: [t-gdp]}', 'targets: [t-rd]}'),
      /^plan\.yaml:16: tasks\[0\]\.targets\[0\]: unknown target 't-rd'$/,
    ],
    [
      'an unknown indicator',
      withTasks.replace('indicators: [gdp]', 'indicators: [rd]'),
      /^plan\.yaml:17: tasks\[1\]\.indicators\[0\]: unknown indicator 'rd'$/,
    ],
    [
      'a duplicate task id',
      withTasks.replace('id: p5-a1-t2', 'id: p5-a1-t1'),
      /^plan\.yaml:17: tasks\[1\]\.id: duplicate task id 'p5-a1-t1'$/,
    ],
    [
      'a due date before the start',
      withTasks.replace('due: 2026-08-31', 'due: 2026-02-28'),
      /^plan\.yaml:17: tasks\[1\]\.due: due 2026-02-28 is before start 2026-03-01$/,
    ],
    [
      'a milestone outside the task',
      withTasks.replace('due: 2026-03-31, done', 'due: 2027-03-31, done'),
      /^plan\.yaml:16: tasks\[0\]\.milestones\[0\]\.due: milestone due 2027-03-31 lies outside the task's span 2026-01-01 to 2026-12-31$/,
    ],
    [
      'a day that does not exist',
      withTasks.replace('start: 2026-03-01', 'start: 2026-02-30'),
      /^plan\.yaml:17: tasks\[1\]\.start: date must be a real day written YYYY-MM-DD$/,
    ],
    [
      'an unknown cycle',
      withTasks.replace('cycle: quarterly', 'cycle: daily'),
      /^plan\.yaml:17: tasks\[1\]\.cycle: /,
    ],
    [
      'an unknown state',
      withTasks.replace('state: accepted', 'state: done'),
      /^plan\.yaml:17: tasks\[1\]\.state: /,
    ],
    [
      'a percent above 100',
      withTasks.replace('percent: 40', 'percent: 140'),
      /^plan\.yaml:19: task_reports\[0\]\.percent: percent must be 0–100$/,
    ],
    [
      'a negative percent',
      withTasks.replace('percent: 10', 'percent: -5'),
      /^plan\.yaml:20: task_reports\[1\]\.percent: percent must be 0–100$/,
    ],
    [
      'a report of an unknown task',
      withTasks.replace('task: p5-a1-t2, period', 'task: p5-a1-t3, period'),
      /^plan\.yaml:20: task_reports\[1\]\.task: unknown task 'p5-a1-t3'$/,
    ],
    [
      'a report period of another cycle',
      withTasks.replace('period: 2026-Q1', 'period: 2026-03'),
      /^plan\.yaml:20: task_reports\[1\]\.period: period 2026-03 does not match task 'p5-a1-t2', which reports quarterly \(YYYY-Qn\)$/,
    ],
    [
      'a report period outside the task',
      withTasks.replace('period: 2026-05', 'period: 2025-12'),
      /^plan\.yaml:19: task_reports\[0\]\.period: period 2025-12 lies outside task 'p5-a1-t1' \(2026-01-01 to 2026-12-31\)$/,
    ],
    [
      'a week the ISO year lacks',
      withTasks.replace('cycle: monthly', 'cycle: weekly').replace('period: 2026-05', 'period: 2027-W53'),
      /^plan\.yaml:19: task_reports\[0\]\.period: 2027-W53: ISO year 2027 has weeks 01 to 52$/,
    ],
    [
      'a report period that does not parse',
      withTasks.replace('period: 2026-05', 'period: 2026-5'),
      /^plan\.yaml:19: task_reports\[0\]\.period: report period must be YYYY-Www \(ISO week\), YYYY-MM or YYYY-Qn$/,
    ],
    [
      'an unknown report status',
      withTasks.replace('status: accepted}', 'status: approved}'),
      /^plan\.yaml:19: task_reports\[0\]\.status: /,
    ],
    [
      'a negative rule setting',
      withTasks.replace('soon_days: 10', 'soon_days: -1'),
      /^plan\.yaml:1: plan\.settings\.tasks\.soon_days: /,
    ],
    [
      'an unknown rule setting',
      withTasks.replace('soon_days: 10', 'soon_dayz: 10'),
      /^plan\.yaml:1: plan\.settings\.tasks\.soon_dayz: unknown field soon_dayz$/,
    ],
  ];
  for (const [name, text, expected] of bad) {
    void it(`refuses ${name} with file:line: field: reason`, () => {
      const problems = problemsOf(text);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `got:\n${problems.join('\n')}`,
      );
    });
  }

  void it('accepts a weekly task across 2026-W53 with its reports', () => {
    const weekly = withTasks
      .replace('cycle: monthly', 'cycle: weekly')
      .replace('start: 2026-01-01, due: 2026-12-31', 'start: 2026-12-30, due: 2027-01-15')
      .replace('due: 2026-03-31, done: 2026-03-28', 'due: 2027-01-10')
      .replace('period: 2026-05, submitted: 2026-06-03', 'period: 2026-W53, submitted: 2027-01-04');
    const result = parsePlanFile(weekly);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.problems));
  });
});
