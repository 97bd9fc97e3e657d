/** Properties the light and escalation rules must hold for any task, reports and as-of day. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, daysBetween } from '../periods';
import {
  defaultTaskRuleSettings,
  evaluateTask,
  periodOf,
  reportStatuses,
  reportSchedule,
  type TaskFacts,
  type TaskReportFacts,
  type TaskRuleSettings,
  taskStates,
} from './index';

const base = '2026-01-01';
const cycle = fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const);

/** A valid task (milestones inside its span), reports for its periods, an as-of day around it. */
const scenario = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 400 }),
    length: fc.integer({ min: 0, max: 500 }),
    cycle,
    state: fc.option(fc.constantFrom(...taskStates), { nil: undefined }),
    milestones: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        doneAfter: fc.option(fc.integer({ min: -30, max: 60 })),
      }),
      { maxLength: 3 },
    ),
    reports: fc.array(
      fc.record({
        which: fc.nat(),
        lateBy: fc.integer({ min: -10, max: 40 }),
        percent: fc.integer({ min: 0, max: 100 }),
        status: fc.constantFrom(...reportStatuses),
      }),
      { maxLength: 8 },
    ),
    asOfOffset: fc.integer({ min: -60, max: 600 }),
    settings: fc.record({
      report_grace_days: fc.integer({ min: 0, max: 15 }),
      soon_days: fc.integer({ min: 0, max: 14 }),
      reminder_days: fc.integer({ min: 0, max: 14 }),
      notice_after_days: fc.integer({ min: 0, max: 20 }),
      lag_points: fc.integer({ min: 0, max: 50 }),
    }),
  })
  .map((s) => {
    const start = addDays(base, s.startOffset);
    const due = addDays(start, s.length);
    const schedule = reportSchedule(start, due, s.cycle, s.settings.report_grace_days);
    const task: TaskFacts = {
      id: 't',
      start,
      due,
      cycle: s.cycle,
      state: s.state,
      milestones: s.milestones.map((m, i) => {
        const at = addDays(start, Math.floor(m.at * s.length));
        return { title: `m${i}`, due: at, done: m.doneAfter === null ? null : addDays(at, m.doneAfter) };
      }),
    };
    const reports: TaskReportFacts[] = s.reports.map((r) => {
      const p = schedule[r.which % schedule.length] ?? schedule[0];
      return {
        period: p?.period ?? periodOf(start, s.cycle).period,
        submitted: addDays(p?.due ?? start, r.lateBy),
        percent: r.percent,
        status: r.status,
      };
    });
    const settings: TaskRuleSettings = { ...s.settings };
    return { task, reports, asOf: addDays(start, s.asOfOffset), settings };
  });

void describe('task rule properties', () => {
  void it('blue iff completed; red iff overdue when not completed; escalation follows the light', () => {
    fc.assert(
      fc.property(scenario, ({ task, reports, asOf, settings }) => {
        const e = evaluateTask(task, reports, asOf, settings);
        const completed = e.state === 'completed';
        assert.equal(e.light === 'blue', completed);
        if (!completed) assert.equal(e.light === 'red', e.overdue_days > 0);
        if (e.escalation === 'urge' || e.escalation === 'notice') assert.equal(e.light, 'red');
        assert.equal(e.escalation === 'notice', !completed && e.overdue_days > settings.notice_after_days);
        if (e.escalation === 'reminder' && settings.reminder_days <= settings.soon_days) {
          assert.equal(e.light, 'yellow');
        }
        if (asOf < task.start) {
          assert.equal(e.light, completed ? 'blue' : 'green');
          assert.equal(e.escalation, 'none');
        }
      }),
      { numRuns: 500 },
    );
  });

  void it('a completed task owes nothing and has no unmet date', () => {
    fc.assert(
      fc.property(scenario, ({ task, reports, asOf, settings }) => {
        const e = evaluateTask(task, reports, asOf, settings);
        if (e.state === 'completed') {
          assert.deepEqual([e.owed.length, e.unmet.length, e.escalation], [0, 0, 'none']);
        }
      }),
    );
  });

  void it('what is dated after the as-of day changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ task, reports, asOf, settings }) => {
        const known = reports.filter((r) => r.submitted === null || r.submitted <= asOf);
        const milestones = task.milestones.map((m) => (m.done && m.done > asOf ? { ...m, done: null } : m));
        assert.deepEqual(
          evaluateTask({ ...task, milestones }, known, asOf, settings),
          evaluateTask(task, reports, asOf, settings),
        );
      }),
    );
  });

  void it('expected_percent stays in 0–100 and never falls as time passes', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 200 }), ({ task, reports, asOf, settings }, later) => {
        const a = evaluateTask(task, reports, asOf, settings).expected_percent;
        const b = evaluateTask(task, reports, addDays(asOf, later), settings).expected_percent;
        assert.ok(a >= 0 && a <= 100 && b >= a);
      }),
    );
  });

  void it('overdue_days counts from the oldest unmet date, and next_due is the first unmet date from today', () => {
    fc.assert(
      fc.property(scenario, ({ task, reports, asOf, settings }) => {
        const e = evaluateTask(task, reports, asOf, settings);
        const past = e.unmet.filter((u) => u.date < asOf);
        assert.equal(e.overdue_days, past[0] ? daysBetween(past[0].date, asOf) : 0);
        assert.equal(e.next_due, e.unmet.find((u) => u.date >= asOf)?.date ?? null);
        assert.ok(
          e.owed.every(
            (p) =>
              !reports.some(
                (r) =>
                  r.period === p.period &&
                  r.status !== 'returned' &&
                  r.submitted !== null &&
                  r.submitted <= asOf,
              ),
          ),
        );
      }),
    );
  });

  void it('defaults are the CONTRACT.md numbers', () => {
    assert.deepEqual(defaultTaskRuleSettings, {
      report_grace_days: 5,
      soon_days: 7,
      reminder_days: 3,
      notice_after_days: 7,
      lag_points: 15,
    });
  });
});
