import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  aggregateYear,
  comparePeriods,
  comparePeriodTexts,
  containsPeriod,
  dueDate,
  isStale,
  parsePeriod,
  type Period,
  periodEnd,
  periodsOfYear,
  periodStart,
  yearToDate,
} from './index';
import { eachCase, table, words } from '../test-support';

function p(text: string): Period {
  const r = parsePeriod(text);
  assert.ok(r.ok, text);
  return r.period;
}

void describe('parsePeriod', () => {
  const good = table`
    2024    | year    | 2024-01-01 | 2024-12-31
    2024-Q1 | quarter | 2024-01-01 | 2024-03-31
    2024-Q4 | quarter | 2024-10-01 | 2024-12-31
    2024-02 | month   | 2024-02-01 | 2024-02-29
    2023-02 | month   | 2023-02-01 | 2023-02-28
    1900-02 | month   | 1900-02-01 | 1900-02-28
    2000-02 | month   | 2000-02-01 | 2000-02-29
    2024-11 | month   | 2024-11-01 | 2024-11-30
  `;
  eachCase(
    good,
    ([text, kind, start, end]) => `${text}: ${kind} ${start}..${end}`,
    ([text, kind, start, end]) => {
      const period = p(text);
      assert.equal(period.kind, kind);
      assert.equal(periodStart(period), start);
      assert.equal(periodEnd(period), end);
    },
  );
  const bad = [...words('24 2024-Q5 2024-Q0 2024-13 2024-00 2024-1 2024/05 abcd 2024-05-01'), ''];
  eachCase(
    bad,
    (text) => `rejects ${JSON.stringify(text)}`,
    (text) => assert.equal(parsePeriod(text).ok, false),
  );
});

void describe('ordering and containment', () => {
  void it('orders by first month then last month', () => {
    const sorted = ['2024-02', '2024', '2023', '2024-Q1', '2024-01'].map(p).sort(comparePeriods);
    assert.deepEqual(
      sorted.map((x) => x.text),
      ['2023', '2024-01', '2024-Q1', '2024', '2024-02'],
    );
  });
  void it('orders period texts the same way, anything else after them', () => {
    const sorted = ['2024-02', 'x', '2024', '2023', '2024-Q1', '2024-01'].sort(comparePeriodTexts);
    assert.deepEqual(sorted, ['2023', '2024-01', '2024-Q1', '2024', '2024-02', 'x']);
  });
  void it('year contains its quarters and months; a quarter contains its months', () => {
    assert.ok(containsPeriod(p('2024'), p('2024-Q2')));
    assert.ok(containsPeriod(p('2024-Q2'), p('2024-05')));
    assert.ok(!containsPeriod(p('2024-Q2'), p('2024-07')));
    assert.ok(!containsPeriod(p('2024-05'), p('2024-Q2')));
    assert.ok(containsPeriod(p('2024'), p('2024')));
  });
});

const months = (year: number, values: number[]) =>
  values.map((value, i) => ({ period: p(`${year}-${String(i + 1).padStart(2, '0')}`), value }));

void describe('aggregation', () => {
  void it('a flow year is the sum of its months; complete only with 12', () => {
    const y = aggregateYear(months(2024, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 2024, 'month', 'flow');
    assert.deepEqual([y?.value, y?.complete, y?.through.text], [78, true, '2024-12']);
    const part = aggregateYear(months(2024, [1, 2, 3]), 2024, 'month', 'flow');
    assert.deepEqual([part?.value, part?.complete, part?.count], [6, false, 3]);
  });
  void it('a stock year is its last value', () => {
    const y = aggregateYear(months(2024, [5, 7, 6]), 2024, 'month', 'stock');
    assert.equal(y?.value, 6);
  });
  void it('year to date', () => {
    const points = months(2024, [1, 2, 3, 4, 5]);
    assert.equal(yearToDate(points, p('2024-03'), 'flow')?.value, 6);
    assert.equal(yearToDate(points, p('2024-03'), 'stock')?.value, 3);
    assert.equal(yearToDate(points, p('2023-12'), 'flow'), null);
  });
  void it('yearly totals of monthly flows equal the sum of months, and of quarters (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 12, maxLength: 12 }),
        (values) => {
          const year = aggregateYear(months(2025, values), 2025, 'month', 'flow');
          assert.equal(
            year?.value,
            values.reduce((a, b) => a + b, 0),
          );
          const quarters = periodsOfYear(2025, 'quarter').map((q, i) => ({
            period: q,
            value: values.slice(i * 3, i * 3 + 3).reduce((a, b) => a + b, 0),
          }));
          assert.equal(aggregateYear(quarters, 2025, 'quarter', 'flow')?.value, year?.value);
        },
      ),
    );
  });
});

void describe('due dates and staleness', () => {
  const cases = table`
    2025    | 2026-03-31
    2025-Q4 | 2026-01-15
    2025-Q1 | 2025-04-15
    2025-12 | 2026-01-10
    2025-05 | 2025-06-10
  `;
  eachCase(
    cases,
    ([period, due]) => `${period} due ${due}`,
    ([period, due]) => assert.equal(dueDate(p(period)), due),
  );
  void it('annual data for 2024 is stale once 2025 is overdue (after 2026-03-31)', () => {
    assert.equal(isStale(p('2024'), '2026-03-31'), false);
    assert.equal(isStale(p('2024'), '2026-04-01'), true);
    assert.equal(isStale(p('2025'), '2026-06-30'), false);
    assert.equal(isStale(p('2024'), '2026-06-30', { annualDue: '06-30' }), false);
  });
});
