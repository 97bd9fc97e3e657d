import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod, type Period } from '../periods';
import { allowsPreliminary, entryOf, standingOf } from './window';

const p = (text: string): Period => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.reason);
  return r.period;
};

describe('reporting window', () => {
  it('tells the standing of a period on a day', () => {
    const cases: [string, string, string, string][] = [
      ['2027', '2028-03-31', '2026-12-01', 'upcoming'],
      ['2026', '2027-03-31', '2026-12-01', 'running'],
      ['2026', '2027-03-31', '2026-12-31', 'running'],
      ['2026', '2027-03-31', '2027-01-05', 'due'],
      ['2026', '2027-03-31', '2027-03-10', 'due_soon'],
      ['2026', '2027-03-31', '2027-03-31', 'due_soon'],
      ['2026', '2027-03-31', '2027-04-01', 'overdue'],
      ['2026-11', '2026-12-10', '2026-12-01', 'due_soon'],
    ];
    for (const [period, due, today, standing] of cases) {
      assert.equal(standingOf(p(period), due, today), standing, `${period} on ${today}`);
    }
  });

  it('allows preliminary values of annual and quarterly indicators only', () => {
    assert.equal(allowsPreliminary({ frequency: 'annual' }), true);
    assert.equal(allowsPreliminary({ frequency: 'quarterly' }), true);
    assert.equal(allowsPreliminary({ frequency: 'monthly' }), false);
  });

  it('marks a running period preliminary and refuses what cannot be entered', () => {
    const annual = { frequency: 'annual' };
    const monthly = { frequency: 'monthly' };
    const cases: [{ frequency: string }, string, boolean | undefined, unknown][] = [
      [annual, '2026', undefined, { ok: true, preliminary: true }],
      [annual, '2026', false, { ok: true, preliminary: true }],
      [annual, '2025', undefined, { ok: true, preliminary: false }],
      [annual, '2025', true, { ok: true, preliminary: true }],
      [annual, '2027', undefined, { ok: false, code: 'period_not_begun' }],
      [monthly, '2026-12', undefined, { ok: false, code: 'preliminary_not_allowed' }],
      [monthly, '2026-11', true, { ok: false, code: 'preliminary_not_allowed' }],
      [monthly, '2026-11', undefined, { ok: true, preliminary: false }],
    ];
    for (const [ind, period, asked, want] of cases) {
      assert.deepEqual(
        entryOf(ind, p(period), '2026-12-01', asked),
        want,
        `${ind.frequency} ${period} ${asked}`,
      );
    }
  });
});
