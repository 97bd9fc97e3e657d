/**
 * A large file is parsed and validated in a worker thread while the importing thread writes
 * (checkInThread). The same files loaded both ways give the same answer: the same stored rows,
 * the same problems of a bad file, the same file error with its row, the same source counters.
 * SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import {
  checkInThread,
  importObservations,
  openFileSource,
  type FileSpec,
  type ImportRequest,
  type SourceStats,
} from '../../src/modules/imports';
import { importPlanText } from '../../src/modules/plans';
import { describeEachDatabase } from '../databases';
import { opensdgCanadaDir } from '../fixtures';

const dir = mkdtempSync(join(tmpdir(), 'shixiao-import-thread-'));
const asOf = '2027-06-30';

const plan = [
  'plan: {id: p, title: P, start: 2015, end: 2030, baseline_year: 2015}',
  'indicators:',
  '  - {id: gdp, name: GDP, unit: 亿元, direction: up, frequency: annual, measure: stock}',
  '  - {id: air, name: Air, unit: 天, direction: up, frequency: monthly, measure: flow}',
  '  - {id: 1-1-1, name: Poverty, unit: "%", direction: down, frequency: annual, measure: ratio}',
  '',
].join('\n');

/** 2,000 rows of `air` from 1800-01, one with a source and a note, plus three GDP years. */
function goodCsv(): string {
  const lines = ['indicator,period,value,source,note'];
  for (let k = 0; k < 2000; k++) {
    const period = `${1800 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    lines.push(`air,${period},${20 + (k % 9)},${k === 7 ? '区统计局' : ''},${k === 7 ? '首月' : ''}`);
  }
  lines.push('gdp,2021,"1,500.5",,', 'gdp,2022,１６００,,', 'gdp,2023,1700,,');
  return lines.join('\r\n') + '\r\n';
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const files = {
  good: () => write('good.csv', goodCsv()),
  bad: () =>
    write(
      'bad.csv',
      goodCsv()
        .replace('air,1800-03,22', 'air,1800-03,abc')
        .replace('air,1900-01,', 'nope,1900-01,')
        .replace('gdp,2023,1700', 'gdp,2099,1700'),
    ),
  broken: () => write('broken.csv', 'indicator,period,value\ngdp,2021,1\ngdp,"2022,2\n'),
  unknownColumn: () => write('unknown-column.csv', 'indicator,period,value,colour\ngdp,2021,1,red\n'),
};

describeEachDatabase('import thread', (ctx) => {
  let tenant = 0;

  /** A fresh tenant holding the plan, so each load starts from nothing. */
  async function freshTenant(): Promise<string> {
    const slug = `t${++tenant}`;
    const r = await importPlanText(ctx.db, { tenantSlug: slug, text: plan, now: new Date() });
    assert.equal(r.ok, true, JSON.stringify(r));
    return slug;
  }

  async function load(spec: FileSpec, how: 'here' | 'thread', tenantSlug: string) {
    let stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
    let rows: ImportRequest['rows'];
    if (how === 'thread') rows = checkInThread(spec, stats);
    else {
      const source = await openFileSource(spec);
      rows = source.batches;
      stats = source.stats;
    }
    const result = await importObservations(ctx.db, {
      tenantSlug,
      planCode: 'p',
      rows,
      source: 'file.csv',
      userId: null,
      now: new Date('2027-07-01T00:00:00Z'),
      asOf,
    });
    return { result, stats };
  }

  /** Both ways, each into its own fresh tenant; the stored rows as the tenant sees them. */
  async function both(spec: FileSpec) {
    const out = [];
    for (const how of ['here', 'thread'] as const) {
      const slug = await freshTenant();
      try {
        const { result, stats } = await load(spec, how, slug);
        out.push({ outcome: { result, stats }, rows: await stored(slug) });
      } catch (error) {
        const e = error as Error;
        out.push({ outcome: { ...e, error: e.constructor.name, message: e.message }, rows: [] });
      }
    }
    return out;
  }

  async function stored(slug: string) {
    const r = await sql<Record<string, unknown>>`
      select i.code, o.period, o.value, o.source, o.note, o.alternate, o.status, o.version, o.position
      from observations o join indicators i on i.id = o.indicator_id join tenants t on t.id = o.tenant_id
      where t.slug = ${slug} order by o.id`.execute(ctx.db.kysely);
    return r.rows.map((row) => ({ ...row, value: Number(row.value), alternate: Number(row.alternate) }));
  }

  before(async () => {
    await freshTenant();
  });

  it('stores the same rows from a good CSV either way, in file order', async () => {
    const [here, thread] = await both({ file: files.good(), format: 'csv' });
    assert.equal(here?.rows.length, 2003);
    assert.deepEqual(thread, here);
    assert.deepEqual(here?.rows[7], {
      code: 'air',
      period: '1800-08',
      value: 27,
      source: '区统计局',
      note: '首月',
      alternate: 0,
      status: 'accepted',
      version: 1,
      position: 9,
    });
    assert.equal(here?.rows.at(-2)?.value, 1600, 'full-width digits read the same');
  });

  it('refuses a bad file whole, with the same problems in the same order', async () => {
    const [here, thread] = await both({ file: files.bad(), format: 'csv' });
    assert.deepEqual(thread, here);
    const result = (here?.outcome as { result: { ok: boolean; problems: { row: number; column: string }[] } })
      .result;
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => `${p.row} ${p.column}`),
      ['4 value', '1202 indicator', '2004 period'],
    );
    assert.deepEqual(here?.rows, [], 'nothing was written');
  });

  it('judges a second file against the stored values the same: corrections and outliers', async () => {
    const second = write(
      'second.csv',
      ['indicator,period,value', 'air,1800-02,21.5', 'air,1800-03,230', 'gdp,2021,1500.5'].join('\n') + '\n',
    );
    const outcomes = [];
    for (const how of ['here', 'thread'] as const) {
      const slug = await freshTenant();
      await load({ file: files.good(), format: 'csv' }, 'here', slug);
      outcomes.push((await load({ file: second, format: 'csv' }, how, slug)).result);
    }
    assert.deepEqual(outcomes[1], outcomes[0]);
    const refused = outcomes[0] as { ok: false; problems: { row: number; code?: string }[] };
    assert.deepEqual(
      refused.problems.map((p) => [p.row, p.code]),
      [[3, 'outlier']],
      '230 days against a stored 22 is refused',
    );
  });

  it('gives the same file error, with its row, for broken quoting and an unknown column', async () => {
    for (const file of [files.broken(), files.unknownColumn()]) {
      const [here, thread] = await both({ file, format: 'csv' });
      assert.equal((here?.outcome as { error?: string }).error, 'ImportFileError');
      assert.deepEqual(thread, here);
    }
  });

  it('reads Open SDG files the same, breakdowns and skipped rows counted', async () => {
    const file = join(opensdgCanadaDir(), 'data/indicator_1-1-1.csv');
    const [here, thread] = await both({ file, format: 'opensdg', indicator: '1-1-1' });
    const stats = (here?.outcome as { stats: SourceStats }).stats;
    assert.ok(stats.breakdownRows > 0, 'disaggregated rows were counted');
    assert.ok((here?.rows.length ?? 0) > 10);
    assert.deepEqual(thread, here);
  });

  it('stops the thread when the importing side stops early', async () => {
    const stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
    const checked = checkInThread({ file: files.good(), format: 'csv' }, stats);
    const iterator = checked({
      indicators: [{ code: 'air', unit: '天', frequency: 'monthly', department: null }],
      histories: new Map(),
      asOf,
      maxProblems: 10,
    })[Symbol.asyncIterator]();
    const first = await iterator.next();
    assert.equal(first.done, false);
    assert.ok((first.value as { read: number }).read > 0);
    // As the import does when a write fails: the thread is terminated, nothing more arrives.
    await iterator.return?.();
    assert.equal((await iterator.next()).done, true);
  });
});
