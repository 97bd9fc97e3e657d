import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eachRejected } from '../test-support';
import { parseMetaMarkdown } from './frontmatter';
import { compareIndicatorIds, indicatorIdOfDataFile, indicatorIdOfMetaFile } from './ids';

describe('parseMetaMarkdown', () => {
  it('reads the front matter and ignores the Markdown after it', () => {
    const result = parseMetaMarkdown(
      '---\nauto_progress_calculation: true\ntarget: 5\n---\n# Body: not: yaml\n',
    );
    assert.deepEqual(result, { ok: true, meta: { auto_progress_calculation: true, target: 5 } });
  });
  it('accepts quoted scalars continued at column 0, as ruamel.yaml does', () => {
    const text =
      "---\ndescription: 'First line <br><br>\nsecond line, it''s fine.'\nlist:\n- value: \"a\n  b\"\n---\n";
    assert.deepEqual(parseMetaMarkdown(text), {
      ok: true,
      meta: { description: "First line <br><br> second line, it's fine.", list: [{ value: 'a b' }] },
    });
  });
  it('reads an empty value as null', () => {
    const result = parseMetaMarkdown('---\ndisaggregation:\n- field: Sex\n  value: \n---\n');
    assert.deepEqual(result, { ok: true, meta: { disaggregation: [{ field: 'Sex', value: null }] } });
  });
  const bad: [name: string, text: string, reason: RegExp][] = [
    ['no front matter', '# Title\n', /no YAML front matter/],
    ['unclosed front matter', '---\na: 1\n', /not closed/],
    ['invalid YAML', '---\na: [1\n---\n', /invalid YAML/],
    ['not a mapping', '---\n- 1\n---\n', /not a mapping/],
  ];
  eachRejected(parseMetaMarkdown, bad);
});

describe('indicator ids', () => {
  it('come from file names as sdg-build reads them', () => {
    assert.equal(indicatorIdOfDataFile('indicator_1-1-1.csv'), '1-1-1');
    assert.equal(indicatorIdOfDataFile('notes.csv'), null);
    assert.equal(indicatorIdOfMetaFile('16-5-1.md'), '16-5-1');
    assert.equal(indicatorIdOfMetaFile('README.md'), null);
  });
  it('sort by goal, target and indicator number', () => {
    const ids = ['10-1-1', '2-1-1', '1-10-1', '1-2-1', '1-2-1a'];
    assert.deepEqual([...ids].sort(compareIndicatorIds), ['1-2-1', '1-2-1a', '1-10-1', '2-1-1', '10-1-1']);
  });
});
