import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { urgencyRanks, type UrgencyInput } from './urgency';

const e = (
  target: string,
  status: UrgencyInput['status'],
  probability: number | null,
  ratio: number | null = null,
) => ({
  target,
  status,
  ratio,
  projection: probability === null ? null : { probability },
});

void describe('urgency', () => {
  void it('ranks off track before at risk, the least likely first, and leaves the rest out', () => {
    const ranks = urgencyRanks([
      e('green', 'on_track', 0.9),
      e('risk-likely', 'at_risk', 0.45),
      e('off-hopeless', 'off_track', 0.01),
      e('risk-unlikely', 'at_risk', 0.1),
      e('off-maybe', 'off_track', 0.3),
      e('done', 'achieved', null),
      e('unknown', 'no_data', null),
      e('risk-no-projection', 'at_risk', null, 0.7),
    ]);
    assert.deepEqual(
      [...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([t]) => t),
      ['off-hopeless', 'off-maybe', 'risk-unlikely', 'risk-likely', 'risk-no-projection'],
    );
  });
});
