import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { landingFor } from '../../web/src/features/data/landing';

describe('landing after sign-in', () => {
  it('sends each role to its work', () => {
    const cases: [string[] | undefined, string][] = [
      [['reporter'], '/data'],
      [['dept_head'], '/data/review'],
      [['dept_head', 'reporter'], '/data/review'],
      [['supervisor'], '/'],
      [['reporter', 'leader'], '/'],
      [['viewer'], '/'],
      [undefined, '/'],
    ];
    for (const [roles, want] of cases) assert.equal(landingFor(roles), want, String(roles));
  });
});
