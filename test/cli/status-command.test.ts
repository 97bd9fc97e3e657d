/** `shixiao status PLAN_FILE --as-of D --json` as CONTRACT.md fixes it. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { demoPlanFile } from '../fixtures';
import { runCli } from './run-cli';

describe('shixiao status', () => {
  it('prints a JSON array with the contract fields and nothing else', async () => {
    const result = await runCli(['status', demoPlanFile, '--as-of', '2026-06-30', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.ok(Array.isArray(rows) && rows.length > 0);
    for (const row of rows) {
      for (const key of [
        'target',
        'indicator',
        'status',
        'as_of',
        'latest',
        'expected',
        'ratio',
        'projection',
      ]) {
        assert.ok(key in row, `${String(row.target)} lacks ${key}`);
      }
      assert.ok(['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'].includes(String(row.status)));
      assert.equal(row.as_of, '2026-06-30');
    }
    const gdp = rows.find((r) => r.target === 't-gdp');
    assert.equal(gdp?.status, 'at_risk');
    assert.deepEqual(gdp?.latest, { period: '2025', value: 1781.8 });
  });

  it('refuses a plan file with a cycle in its formulas, naming the place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixiao-status-'));
    const file = join(dir, 'cycle.yaml');
    writeFileSync(
      file,
      `plan: {id: c, title: c, start: 2023, end: 2027, baseline_year: 2022}
indicators:
  - {id: a, name: a, unit: 亿元, direction: up, frequency: annual, measure: flow, formula: "b * 2"}
  - {id: b, name: b, unit: 亿元, direction: up, frequency: annual, measure: flow, formula: "a / 2"}
targets:
  - {id: t, indicator: a, kind: level, value: 10, year: 2027}
`,
    );
    const result = await runCli(['status', file, '--json']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /circular reference/);
    assert.match(result.stderr, /cycle\.yaml/);
  });

  it('refuses a date that is not a date', async () => {
    const result = await runCli(['status', demoPlanFile, '--as-of', '2026-13-45']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /--as-of 2026-13-45: not a date/);
  });
});
