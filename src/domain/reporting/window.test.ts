import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod, type Period } from '../periods';
import { table } from '../test-support';
import { allowsPreliminary, entryOf, standingOf } from './window';

const p = (text: string): Period => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.reason);
  return r.period;
};

describe('reporting window', () => {
  it('tells the standing of a period on a day', () => {
    const cases = table`
      2027    | 2028-03-31 | 2026-12-01 | upcoming
      2026    | 2027-03-31 | 2026-12-01 | running
      2026    | 2027-03-31 | 2026-12-31 | running
      2026    | 2027-03-31 | 2027-01-05 | due
      2026    | 2027-03-31 | 2027-03-10 | due_soon
      2026    | 2027-03-31 | 2027-03-31 | due_soon
      2026    | 2027-03-31 | 2027-04-01 | overdue
      2026-11 | 2026-12-10 | 2026-12-01 | due_soon
    `;
    for (const [period = '', due = '', today = '', standing] of cases) {
      assert.equal(standingOf(p(period), due, today), standing, `${period} on ${today}`);
    }
  });

  it('allows preliminary values of annual and quarterly indicators only', () => {
    assert.equal(allowsPreliminary({ frequency: 'annual' }), true);
    assert.equal(allowsPreliminary({ frequency: 'quarterly' }), true);
    assert.equal(allowsPreliminary({ frequency: 'monthly' }), false);
  });

  it('marks a running period preliminary and refuses what cannot be entered', () => {
    // frequency | period | preliminary asked (- when not) | preliminary, final, or the refusal's code
    const cases = table`
      annual  | 2026    | -     | preliminary
      annual  | 2026    | false | preliminary
      annual  | 2025    | -     | final
      annual  | 2025    | true  | preliminary
      annual  | 2027    | -     | period_not_begun
      monthly | 2026-12 | -     | preliminary_not_allowed
      monthly | 2026-11 | true  | preliminary_not_allowed
      monthly | 2026-11 | -     | final
    `.map(([frequency = '', period = '', asked, outcome]) => {
      const want =
        outcome === 'preliminary' || outcome === 'final'
          ? { ok: true, preliminary: outcome === 'preliminary' }
          : { ok: false, code: outcome };
      return [{ frequency }, period, asked === '-' ? undefined : asked === 'true', want] as const;
    });
    for (const [ind, period, asked, want] of cases) {
      assert.deepEqual(
        entryOf(ind, p(period), '2026-12-01', asked),
        want,
        `${ind.frequency} ${period} ${asked}`,
      );
    }
  });
});
