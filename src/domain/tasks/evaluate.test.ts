/** The default rules of CONTRACT.md, table-driven, with the as-of day as the injected clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultTaskRuleSettings,
  evaluateTask,
  formatTaskReason,
  type TaskFacts,
  type TaskReportFacts,
  type TaskRuleSettings,
} from './index';

/** CONTRACT.md's example: a monthly task over 2026 with a milestone done on 2026-03-28. */
const contractTask: TaskFacts = {
  id: 'p5-a1-t1',
  start: '2026-01-01',
  due: '2026-12-31',
  cycle: 'monthly',
  milestones: [{ title: '完成改造方案', due: '2026-03-31', done: '2026-03-28' }],
};

const report = (
  period: string,
  submitted: string | null,
  percent: number,
  status: TaskReportFacts['status'] = 'accepted',
): TaskReportFacts => ({ period, submitted, percent, status });

/** A task without milestones from `start` to `due`, reporting every `cycle`. */
const span = (start: string, due: string, cycle: TaskFacts['cycle']): Partial<TaskFacts> => ({
  start,
  due,
  cycle,
  milestones: [],
});

/** Accepted reports for 2026-01 … 2026-05, each filed on the 3rd of the next month. */
const januaryToMay: TaskReportFacts[] = [1, 2, 3, 4, 5].map((m) =>
  report(`2026-0${m}`, `2026-0${m + 1}-03`, m * 8),
);

interface Case {
  name: string;
  task?: Partial<TaskFacts>;
  reports?: TaskReportFacts[];
  asOf: string;
  settings?: Partial<TaskRuleSettings>;
  expect: {
    state?: string;
    light: string;
    escalation: string;
    percent?: number;
    expected_percent?: number;
    overdue_days?: number;
    next_due?: string | null;
    owed?: number;
    reasons?: string[];
  };
}

const cases: Case[] = [
  {
    name: 'the CONTRACT.md example: the June report falls due in 3 days',
    reports: januaryToMay,
    asOf: '2026-07-02',
    expect: {
      state: 'in_progress',
      light: 'yellow',
      escalation: 'reminder',
      percent: 40,
      expected_percent: 50,
      next_due: '2026-07-05',
      owed: 7,
      reasons: ['2026年6月进展报告将于2026-07-05到期'],
    },
  },
  {
    name: 'due today is soon, not overdue',
    reports: januaryToMay,
    asOf: '2026-07-05',
    expect: { light: 'yellow', escalation: 'reminder', overdue_days: 0 },
  },
  {
    name: 'one day after the due date: red, 催办',
    reports: januaryToMay,
    asOf: '2026-07-06',
    expect: {
      light: 'red',
      escalation: 'urge',
      overdue_days: 1,
      reasons: ['2026年6月进展报告已于2026-07-05到期，逾期1天'],
    },
  },
  {
    name: 'overdue by exactly notice_after_days (7) is still 催办',
    reports: januaryToMay,
    asOf: '2026-07-12',
    expect: { light: 'red', escalation: 'urge', overdue_days: 7 },
  },
  {
    name: 'overdue by 8 days: 督办 notice',
    reports: januaryToMay,
    asOf: '2026-07-13',
    expect: {
      light: 'red',
      escalation: 'notice',
      overdue_days: 8,
      reasons: ['2026年6月进展报告已于2026-07-05到期，逾期8天，已超过督办期限'],
    },
  },
  {
    name: 'exactly soon_days (7) ahead: yellow without a reminder',
    reports: januaryToMay,
    asOf: '2026-06-28',
    expect: { light: 'yellow', escalation: 'none', reasons: ['2026年6月进展报告将于2026-07-05到期'] },
  },
  {
    name: 'eight days ahead: green',
    reports: januaryToMay,
    asOf: '2026-06-27',
    expect: { light: 'green', escalation: 'none', reasons: [] },
  },
  {
    name: 'four days ahead: yellow, no reminder yet (reminder_days 3)',
    reports: januaryToMay,
    asOf: '2026-07-01',
    expect: { light: 'yellow', escalation: 'none' },
  },
  {
    name: 'the settings change the numbers: soon_days 2 makes three days ahead green',
    reports: januaryToMay,
    asOf: '2026-07-02',
    settings: { soon_days: 2, reminder_days: 1 },
    expect: { light: 'green', escalation: 'none' },
  },
  {
    name: 'report_grace_days 10 moves the June report to 2026-07-10',
    reports: januaryToMay,
    asOf: '2026-07-06',
    settings: { report_grace_days: 10 },
    expect: { light: 'yellow', escalation: 'none', next_due: '2026-07-10' },
  },
  {
    name: 'a returned report stays owed from its first due date',
    reports: [...januaryToMay, report('2026-06', '2026-07-03', 48, 'returned')],
    asOf: '2026-07-08',
    expect: { light: 'red', escalation: 'urge', overdue_days: 3, percent: 40 },
  },
  {
    name: 'a report submitted but not yet reviewed counts as filed',
    reports: [...januaryToMay, report('2026-06', '2026-07-03', 48, 'submitted')],
    asOf: '2026-07-08',
    expect: { light: 'green', escalation: 'none', percent: 48, next_due: '2026-08-05' },
  },
  {
    name: 'a report submitted after the as-of day is not yet known',
    reports: [...januaryToMay, report('2026-06', '2026-07-04', 48)],
    asOf: '2026-07-03',
    expect: { light: 'yellow', escalation: 'reminder', percent: 40 },
  },
  {
    name: 'the same report is known from its submission day',
    reports: [...januaryToMay, report('2026-06', '2026-07-04', 48)],
    asOf: '2026-07-04',
    expect: { light: 'green', escalation: 'none', percent: 48 },
  },
  {
    name: 'the oldest unmet date sets overdue_days; every overdue date gives a reason',
    reports: januaryToMay.slice(0, 3),
    asOf: '2026-06-10',
    expect: {
      light: 'red',
      escalation: 'notice',
      overdue_days: 36,
      reasons: [
        '2026年4月进展报告已于2026-05-05到期，逾期36天，已超过督办期限',
        '2026年5月进展报告已于2026-06-05到期，逾期5天',
        '进度滞后：按时间应完成44%，最新报告24%，相差20个百分点（超过15）',
      ],
    },
  },
  {
    name: 'no reports at all: assigned, and the January report was due on 2026-02-05',
    reports: [],
    asOf: '2026-02-06',
    expect: { state: 'assigned', light: 'red', escalation: 'urge', percent: 0, overdue_days: 1 },
  },
  {
    name: 'a milestone done after the as-of day is still open',
    task: { milestones: [{ title: '完成改造方案', due: '2026-03-31', done: '2026-04-02' }] },
    reports: januaryToMay,
    asOf: '2026-04-01',
    expect: {
      light: 'red',
      escalation: 'urge',
      reasons: ['节点“完成改造方案”已于2026-03-31到期，逾期1天', '2026年3月进展报告将于2026-04-05到期'],
    },
  },
  {
    name: 'a milestone done is never due',
    task: { milestones: [{ title: '完成改造方案', due: '2026-03-31', done: '2026-04-02' }] },
    reports: januaryToMay,
    asOf: '2026-04-02',
    expect: { light: 'yellow', escalation: 'reminder', reasons: ['2026年3月进展报告将于2026-04-05到期'] },
  },
  {
    name: 'an open milestone two days ahead: reminder',
    task: { milestones: [{ title: '完成二期招标', due: '2026-06-30' }] },
    reports: januaryToMay,
    asOf: '2026-06-28',
    expect: {
      light: 'yellow',
      escalation: 'reminder',
      reasons: ['节点“完成二期招标”将于2026-06-30到期', '2026年6月进展报告将于2026-07-05到期'],
    },
  },
  {
    name: 'an accepted report at 100% completes the task: blue, nothing owed',
    reports: [...januaryToMay, report('2026-06', '2026-06-20', 100)],
    asOf: '2026-12-01',
    expect: {
      state: 'completed',
      light: 'blue',
      escalation: 'none',
      owed: 0,
      next_due: null,
      reasons: ['已办结'],
    },
  },
  {
    name: 'a 100% report not yet accepted does not complete the task',
    reports: [...januaryToMay, report('2026-06', '2026-06-20', 100, 'submitted')],
    asOf: '2026-07-02',
    expect: { state: 'in_progress', light: 'green', escalation: 'none', percent: 100 },
  },
  {
    name: 'a stored completed state is blue whatever is owed',
    task: { state: 'completed' },
    reports: [],
    asOf: '2026-09-01',
    expect: { state: 'completed', light: 'blue', escalation: 'none', owed: 0 },
  },
  {
    name: 'completion requested is not completed: the rules still apply',
    task: { state: 'completion_requested' },
    reports: januaryToMay,
    asOf: '2026-07-06',
    expect: { state: 'completion_requested', light: 'red', escalation: 'urge' },
  },
  {
    name: 'before start: green and no escalation',
    task: { start: '2026-09-01', milestones: [] },
    reports: [],
    asOf: '2026-08-30',
    expect: {
      state: 'assigned',
      light: 'green',
      escalation: 'none',
      expected_percent: 0,
      reasons: ['尚未开始（2026-09-01开始）'],
    },
  },
  {
    name: 'the task past its due date and not completed',
    task: span('2026-01-01', '2026-03-31', 'quarterly'),
    reports: [report('2026-Q1', '2026-04-02', 90)],
    asOf: '2026-04-03',
    expect: {
      light: 'red',
      escalation: 'urge',
      overdue_days: 3,
      expected_percent: 100,
      reasons: ['任务已于2026-03-31到期，逾期3天'],
    },
  },
  {
    name: 'lag exactly lag_points (15) is not yet yellow',
    task: span('2026-01-01', '2026-01-21', 'quarterly'),
    reports: [],
    asOf: '2026-01-04',
    expect: { light: 'green', escalation: 'none', expected_percent: 15, percent: 0 },
  },
  {
    name: 'lag above lag_points is yellow, with the reason',
    task: span('2026-01-01', '2026-01-21', 'quarterly'),
    reports: [],
    asOf: '2026-01-05',
    expect: {
      light: 'yellow',
      escalation: 'none',
      expected_percent: 20,
      reasons: ['进度滞后：按时间应完成20%，最新报告0%，相差20个百分点（超过15）'],
    },
  },
  {
    name: 'lag uses the latest report not returned, by period',
    task: span('2026-01-01', '2026-01-21', 'weekly'),
    reports: [report('2026-W01', '2026-01-05', 30), report('2026-W02', '2026-01-06', 5, 'returned')],
    asOf: '2026-01-06',
    expect: { light: 'green', escalation: 'none', percent: 30, expected_percent: 25 },
  },
  {
    name: 'weekly across 2026-W53: the W53 report is due 2027-01-08',
    task: span('2026-12-30', '2027-01-15', 'weekly'),
    reports: [],
    asOf: '2027-01-09',
    expect: {
      light: 'red',
      escalation: 'urge',
      reasons: [
        '2026年第53周进展报告已于2027-01-08到期，逾期1天',
        '任务将于2027-01-15到期',
        '2027年第1周进展报告将于2027-01-15到期',
        '进度滞后：按时间应完成62.5%，最新报告0%，相差62.5个百分点（超过15）',
      ],
    },
  },
  {
    name: 'quarterly with a partial first quarter',
    task: span('2026-02-15', '2026-08-10', 'quarterly'),
    reports: [],
    asOf: '2026-04-02',
    expect: { light: 'yellow', escalation: 'reminder', next_due: '2026-04-05', owed: 3 },
  },
];

void describe('evaluateTask', () => {
  for (const c of cases) {
    void it(c.name, () => {
      const task = { ...contractTask, ...c.task };
      const settings = { ...defaultTaskRuleSettings, ...c.settings };
      const e = evaluateTask(task, c.reports ?? [], c.asOf, settings);
      const got: Record<string, unknown> = {
        state: e.state,
        light: e.light,
        escalation: e.escalation,
        percent: e.percent,
        expected_percent: e.expected_percent,
        overdue_days: e.overdue_days,
        next_due: e.next_due,
        owed: e.owed.length,
        reasons: e.reasons.map((r) => formatTaskReason(r)),
      };
      for (const [key, value] of Object.entries(c.expect)) {
        assert.deepEqual(got[key], value, `${key} (got ${JSON.stringify(got)})`);
      }
    });
  }

  void it('says the same reasons in English', () => {
    const e = evaluateTask(contractTask, januaryToMay, '2026-07-13');
    assert.deepEqual(
      e.reasons.map((r) => formatTaskReason(r, 'en')),
      ['The progress report for Jun 2026 was due on 2026-07-05, 8 days overdue, past the notice limit'],
    );
    const soon = evaluateTask(contractTask, januaryToMay, '2026-07-02');
    assert.deepEqual(
      soon.reasons.map((r) => formatTaskReason(r, 'en')),
      ['The progress report for Jun 2026 falls due on 2026-07-05'],
    );
  });

  void it('keeps reasons structured for storage and the API', () => {
    const e = evaluateTask(contractTask, januaryToMay, '2026-07-02');
    assert.deepEqual(e.reasons, [
      {
        code: 'due_soon',
        params: { item: { kind: 'report', period: '2026-06' }, date: '2026-07-05', days: 3 },
      },
    ]);
  });
});
