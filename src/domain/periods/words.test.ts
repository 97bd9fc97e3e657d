import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodInWords } from './words';

describe('periods in words', () => {
  it('writes each kind of period the way officials write it, and in English', () => {
    const cases: [string, string, string][] = [
      ['2025', '2025年', '2025'],
      ['2024-Q2', '2024年第二季度', 'Q2 2024'],
      ['2026-H1', '2026年上半年', 'H1 2026'],
      ['2026-10', '2026年10月', 'Oct 2026'],
      ['2026-W53', '2026年第53周', 'week 53 of 2026'],
      ['2027-W01', '2027年第1周', 'week 1 of 2027'],
      ['第三批', '第三批', '第三批'],
    ];
    for (const [period, zh, en] of cases) {
      assert.equal(periodInWords(period, 'zh'), zh, period);
      assert.equal(periodInWords(period, 'en'), en, period);
    }
  });
});
