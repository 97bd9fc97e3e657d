import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertColumns, pushValues, type NewObservation } from './observations.insert';

describe('pushValues', () => {
  const full: NewObservation = {
    tenant_id: 1,
    indicator_id: 2,
    period: '2024-03',
    value: 4.5,
    status: 'accepted',
    version: 3,
    replaces_id: 7,
    recorded_by: 9,
    recorded_at: '2026-01-01T00:00:00.000Z',
    reason: 'import a.csv',
    qualifier: 'q',
    source: 's',
    source_url: 'https://example.org',
    note: 'n',
    illustrative: 1,
    alternate: 1,
    published_on: '2024-04-01',
    position: 12,
    preliminary: 1,
    check_reason: 'c',
  };
  const minimal: NewObservation = {
    tenant_id: 1,
    indicator_id: 2,
    period: '2024',
    value: 0,
    status: 'draft',
    version: 1,
    replaces_id: null,
    recorded_by: null,
    recorded_at: '2026-01-01T00:00:00.000Z',
    reason: null,
  };
  /** What a column left out takes (the table's defaults), written out here on purpose. */
  const tableDefaults: Record<string, unknown> = {
    qualifier: null,
    source: null,
    source_url: null,
    note: null,
    illustrative: 0,
    alternate: 0,
    published_on: null,
    position: 0,
    preliminary: 0,
    check_reason: null,
  };
  it('names every column once', () => {
    assert.equal(new Set(insertColumns).size, insertColumns.length);
    assert.deepEqual([...insertColumns].sort(), Object.keys(full).sort());
  });
  for (const [what, row] of [
    ['every column set', full],
    ['defaults filled in', minimal],
  ] as const)
    it(`binds each value at its column's place in insertColumns (${what})`, () => {
      const out: unknown[] = [];
      pushValues(out, row);
      const byName = row as Record<string, unknown>;
      assert.deepEqual(
        out,
        insertColumns.map((c) => (c in byName ? byName[c] : tableDefaults[c])),
      );
    });
});
