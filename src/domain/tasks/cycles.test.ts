import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays } from '../periods';
import { isoWeekOf, isoWeeksInYear, parseReportPeriod, periodOf, reportSchedule } from './index';
import { eachCase, table, words } from '../test-support';

void describe('ISO weeks', () => {
  const cases: [string, string][] = [
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2025-12-29', '2026-W01'], // Monday of 2026-W01, still in calendar 2025
    ['2025-12-28', '2025-W52'],
    ['2026-12-28', '2026-W53'],
    ['2027-01-03', '2026-W53'], // Sunday: the last day of 2026-W53
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2024-02-29', '2024-W09'],
  ];
  for (const [date, label] of cases) {
    void it(`${date} is in ${label}`, () => assert.equal(periodOf(date, 'weekly').period, label));
  }

  void it('knows which years have 53 weeks', () => {
    assert.equal(isoWeeksInYear(2026), 53);
    assert.equal(isoWeeksInYear(2020), 53);
    assert.equal(isoWeeksInYear(2027), 52);
    assert.equal(isoWeeksInYear(2025), 52);
  });

  void it('parses weeks to Monday…Sunday and refuses a week the year lacks', () => {
    const w53 = parseReportPeriod('2026-W53');
    assert.ok(w53.ok);
    assert.deepEqual([w53.period.start, w53.period.end], ['2026-12-28', '2027-01-03']);
    const w01 = parseReportPeriod('2027-W01');
    assert.ok(w01.ok);
    assert.deepEqual([w01.period.start, w01.period.end], ['2027-01-04', '2027-01-10']);
    const bad = parseReportPeriod('2027-W53');
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /weeks 01 to 52/);
  });
});

void describe('parseReportPeriod', () => {
  const good = table`
    2026-05  | monthly   | 2026-05-01 | 2026-05-31
    2028-02  | monthly   | 2028-02-01 | 2028-02-29
    2026-Q1  | quarterly | 2026-01-01 | 2026-03-31
    2026-Q4  | quarterly | 2026-10-01 | 2026-12-31
    2026-W01 | weekly    | 2025-12-29 | 2026-01-04
  `;
  eachCase(
    good,
    ([text, cycle, start, end]) => `${text}: ${cycle} ${start}..${end}`,
    ([text, cycle, start, end]) => {
      const r = parseReportPeriod(text);
      assert.ok(r.ok);
      assert.deepEqual([r.period.cycle, r.period.start, r.period.end], [cycle, start, end]);
    },
  );
  const bad = words('2026 2026-13 2026-Q5 2026-W00 2026-W54 2026-W1 2026-5 x');
  eachCase(
    bad,
    (text) => `refuses ${JSON.stringify(text)}`,
    (text) => assert.equal(parseReportPeriod(text).ok, false),
  );
});

void describe('reportSchedule', () => {
  type Cycle = 'weekly' | 'monthly' | 'quarterly';
  const labels = (start: string, due: string, cycle: Cycle) =>
    reportSchedule(start, due, cycle, 5).map((p) => `${p.period}@${p.due}`);

  void it('monthly: one report per month, each due 5 days after the month', () => {
    const s = labels('2026-01-01', '2026-12-31', 'monthly');
    assert.equal(s.length, 12);
    assert.equal(s[0], '2026-01@2026-02-05');
    assert.equal(s[1], '2026-02@2026-03-05');
    assert.equal(s[11], '2026-12@2027-01-05');
  });

  // One case a line: the task's span and cycle, then each report it owes as period@due.
  const schedules = table`
    a partial first and last cycle still owe a report  | 2026-03-20 | 2026-05-02 | monthly   | 2026-03@2026-04-05 2026-04@2026-05-05 2026-05@2026-06-05
    quarterly                                          | 2026-02-15 | 2026-08-10 | quarterly | 2026-Q1@2026-04-05 2026-Q2@2026-07-05 2026-Q3@2026-10-05
    weekly across the ISO year boundary 2026-W53 → 2027-W01 | 2026-12-30 | 2027-01-15 | weekly | 2026-W53@2027-01-08 2027-W01@2027-01-15 2027-W02@2027-01-22
    a one-day task owes the report of its cycle        | 2026-06-30 | 2026-06-30 | quarterly | 2026-Q2@2026-07-05
  `;
  eachCase(
    schedules,
    ([name]) => name,
    ([_, start, due, c, owed]) => assert.deepEqual(labels(start, due, c as Cycle), words(owed)),
  );

  void it('the grace days are a setting', () => {
    assert.equal(reportSchedule('2026-01-01', '2026-01-31', 'monthly', 0)[0]?.due, '2026-01-31');
    assert.equal(reportSchedule('2026-01-01', '2026-01-31', 'monthly', 10)[0]?.due, '2026-02-10');
  });
});

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
const cycle = fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const);

void describe('cycle properties', () => {
  void it('a day lies in its period, and the label parses back to the same period', () => {
    fc.assert(
      fc.property(day, cycle, (d, c) => {
        const p = periodOf(d, c);
        assert.ok(p.start <= d && d <= p.end);
        const back = parseReportPeriod(p.period);
        assert.ok(back.ok);
        assert.deepEqual(back.period, p);
      }),
    );
  });

  void it('weeks run Monday to Sunday, seven days, and the week-year holds the Thursday', () => {
    fc.assert(
      fc.property(day, (d) => {
        const p = periodOf(d, 'weekly');
        assert.equal(new Date(`${p.start}T00:00:00Z`).getUTCDay(), 1);
        assert.equal(addDays(p.start, 6), p.end);
        assert.equal(isoWeekOf(d).year, Number(addDays(p.start, 3).slice(0, 4)));
      }),
    );
  });

  void it('the schedule tiles the span: contiguous periods from the one holding start to the one holding due', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 800 }),
        cycle,
        fc.integer({ min: 0, max: 30 }),
        (start, len, c, grace) => {
          const due = addDays(start, len);
          const s = reportSchedule(start, due, c, grace);
          assert.ok(s.length > 0);
          assert.equal(s[0]?.period, periodOf(start, c).period);
          assert.equal(s.at(-1)?.period, periodOf(due, c).period);
          s.forEach((p, i) => {
            assert.equal(p.due, addDays(p.end, grace));
            if (i > 0) assert.equal(addDays(s[i - 1]?.end ?? '', 1), p.start);
          });
        },
      ),
    );
  });
});
