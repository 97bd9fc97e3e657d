// Reproduces what Open SDG published for Canada's indicator platform: every status and score in
// indicator_calculation_components.yml, from data/ and meta/ only (the yml is only the answer key).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { opensdgCanadaDir } from '../../../test/fixtures';
import { parseMetaMarkdown } from './frontmatter';
import { computeIndicatorProgress, type IndicatorProgress, type SeriesProgress } from './progress';
import { parseIndicatorCsv, type IndicatorTable } from './table';

const DIR = opensdgCanadaDir();
const COMPONENTS = join(DIR, 'indicator_calculation_components.yml');
// The published result of 16-5-1 came from a data file this copy of the data does not hold.
const NO_DATA_FILE = ['16-5-1'];

interface Published {
  readonly progress_status: string;
  readonly score: number | null;
  readonly [tag: string]: unknown;
}

function loadAll(): { expected: Record<string, Published>; results: Map<string, IndicatorProgress> } {
  const expected = parseYaml(readFileSync(COMPONENTS, 'utf8')) as Record<string, Published>;
  const results = new Map<string, IndicatorProgress>();
  for (const name of readdirSync(join(DIR, 'meta'))) {
    const id = name.replace(/\.md$/, '');
    const meta = parseMetaMarkdown(readFileSync(join(DIR, 'meta', name), 'utf8'));
    assert.ok(meta.ok, `${name}: ${meta.ok ? '' : meta.reason}`);
    const dataFile = join(DIR, 'data', `indicator_${id}.csv`);
    let table: IndicatorTable | null = null;
    if (existsSync(dataFile)) {
      const parsed = parseIndicatorCsv(readFileSync(dataFile, 'utf8'));
      assert.ok(parsed.ok, `${dataFile}: ${parsed.ok ? '' : parsed.reason}`);
      table = parsed;
    }
    const result = computeIndicatorProgress(id, table, meta.meta);
    assert.ok(result.ok, `${id}: ${result.ok ? '' : result.reason}`);
    results.set(id, result.progress);
  }
  return { expected, results };
}

/** Tags match part by part; a published part ending in "..." was shortened for display. */
function sameTag(ours: string, published: string): boolean {
  const a = ours.split(' / ');
  const b = published.split(' / ');
  return (
    a.length === b.length &&
    b.every((part, i) => (part.endsWith('...') ? a[i]?.startsWith(part.slice(0, -3)) : a[i] === part))
  );
}

function scoreDiff(ours: number | null, published: number | null): number {
  if (ours === null || published === null) return ours === published ? 0 : Infinity;
  return Math.abs(ours - published);
}

describe('Open SDG Canada reference results', () => {
  const { expected, results } = loadAll();
  const autoIds = [...results.values()].filter((r) => r.auto).map((r) => r.indicator);

  it('82 indicators have automatic progress, as published', () => {
    assert.equal(autoIds.length, 82);
    assert.equal(Object.keys(expected).length, results.size);
  });

  it('every status matches and every score is within 1e-6 (except indicators without data)', () => {
    let matched = 0;
    let maxDiff = 0;
    for (const id of autoIds) {
      if (NO_DATA_FILE.includes(id)) continue;
      const ours = results.get(id);
      const published = expected[id];
      assert.ok(ours && published, id);
      assert.equal(ours.status, published.progress_status, `${id} status`);
      const diff = scoreDiff(ours.score, published.score);
      assert.ok(diff <= 1e-6, `${id} score ${ours.score} vs ${published.score}`);
      maxDiff = Math.max(maxDiff, diff);
      matched++;
    }
    assert.equal(matched, 81);
    assert.ok(maxDiff <= 1e-12, `max score difference ${maxDiff}`);
  });

  it('every series reproduces its published components', () => {
    for (const progress of results.values()) {
      if (!progress.auto || NO_DATA_FILE.includes(progress.indicator)) continue;
      const published = Object.entries(expected[progress.indicator] ?? {}).filter(
        ([tag]) => tag !== 'progress_status' && tag !== 'score',
      );
      assert.equal(progress.series.length, published.length, progress.indicator);
      for (const series of progress.series) {
        const match = published.find(([tag]) => sameTag(series.tag, tag));
        assert.ok(match, `${series.tag} not published`);
        const p = match[1] as Record<string, number | string | null>;
        const check = (key: string, ours: SeriesProgress[keyof SeriesProgress]) =>
          assert.equal(ours, p[key], `${series.tag} ${key}`);
        check('status', series.status);
        check('base_year', series.baseYear);
        check('base_value', series.baseValue);
        check('current_year', series.currentYear);
        check('current_value', series.currentValue);
        check('target', series.target);
        check('target_year', series.targetYear);
        check('direction', series.direction);
        check('limit', series.limit);
        assert.ok(
          scoreDiff(series.progressValue, p.progress_value as number | null) <= 1e-12,
          `${series.tag} progress`,
        );
        assert.ok(scoreDiff(series.score, p.score as number | null) <= 1e-9, `${series.tag} score`);
      }
    }
  });

  it('indicators without automatic progress keep their manual status and get no score', () => {
    const manual = [...results.values()].filter((r) => !r.auto);
    assert.deepEqual(manual.map((r) => r.indicator).sort(), ['13-1-1', '15-6-1', '6-4-1', '7-1-1']);
    for (const r of manual) {
      assert.equal(r.status, expected[r.indicator]?.progress_status);
      assert.equal(r.score, null);
    }
  });

  it('16-5-1 has metadata but no data file here, so no result can be computed', () => {
    assert.equal(existsSync(join(DIR, 'data', 'indicator_16-5-1.csv')), false);
    const result = results.get('16-5-1');
    assert.ok(result?.auto);
    assert.equal(result.status, 'not_available');
    assert.equal(expected['16-5-1']?.progress_status, 'deterioration');
  });
});
