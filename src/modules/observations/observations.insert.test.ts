import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bulkRowColumns,
  bulkSharedValues,
  insertColumns,
  pushBulkRow,
  pushValues,
  type BulkRow,
  type BulkShared,
  type NewObservation,
} from './observations.insert';

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

describe('pushValues', () => {
  it('names every column once', () => {
    assert.equal(new Set(insertColumns).size, insertColumns.length);
    assert.deepEqual([...insertColumns].sort(), Object.keys(full).sort());
  });

  it("binds each value at its column's place in insertColumns", () => {
    const out: unknown[] = [];
    pushValues(out, full);
    const byName = full as Record<string, unknown>;
    assert.deepEqual(
      out,
      insertColumns.map((c) => byName[c]),
    );
  });

  it('fills in the defaults of the columns a writer leaves out', () => {
    const out: unknown[] = [];
    pushValues(out, minimal);
    const values = Object.fromEntries(insertColumns.map((c, i) => [c, out[i]]));
    assert.equal(values.period, '2024');
    assert.equal(values.source, null);
    assert.equal(values.position, 0);
  });
});

describe('bulk rows', () => {
  it('binds a row at the places of bulkRowColumns, and the shared columns are all the others', () => {
    const byName = full as Record<string, unknown>;
    const row = Object.fromEntries(bulkRowColumns.map((c) => [c, byName[c]])) as BulkRow;
    const out: unknown[] = [];
    pushBulkRow(out, row);
    assert.deepEqual(
      out,
      bulkRowColumns.map((c) => byName[c]),
    );
    const sharedPart = Object.fromEntries(
      Object.entries(full).filter(([c]) => !(bulkRowColumns as readonly string[]).includes(c)),
    ) as BulkShared;
    const shared = bulkSharedValues(sharedPart);
    assert.deepEqual([...shared.columns, ...bulkRowColumns].sort(), [...insertColumns].sort());
    assert.deepEqual(
      shared.values,
      shared.columns.map((c) => byName[c]),
    );
  });
});
