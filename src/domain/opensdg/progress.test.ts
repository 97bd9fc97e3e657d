import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSeriesConfig } from './options';
import { computeIndicatorProgress, computeSeriesProgress, type IndicatorProgress } from './progress';
import { withoutQualifier } from './select';
import { parseIndicatorCsv, type IndicatorTable } from './table';

function table(csv: string): IndicatorTable {
  const parsed = parseIndicatorCsv(csv);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed;
}

function indicator(csv: string | null, meta: unknown): IndicatorProgress {
  const result = computeIndicatorProgress('1-1-1', csv === null ? null : table(csv), meta);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.progress;
}

function auto(options?: unknown[]): Record<string, unknown> {
  return { auto_progress_calculation: true, progress_calculation_options: options };
}

function series(csv: string, option: unknown) {
  const config = readSeriesConfig(option);
  assert.ok(config.ok);
  return computeSeriesProgress('1-1-1', table(csv), config.config);
}

const DISAGGREGATED = `Year,Sex,GeoCode,Value
2015,,11124,100
2015,Women,11124,50
2016,,11124,110
2016,Women,11124,40
2017,,11124,121
2017,Women,11124,30
`;

describe('series selection', () => {
  it('uses the headline (blank disaggregations; GeoCode is not one)', () => {
    const result = series(DISAGGREGATED, { direction: 'positive' });
    assert.ok(result.ok);
    assert.equal(result.series.baseValue, 100);
    assert.equal(result.series.currentValue, 121);
    assert.ok(Math.abs((result.series.progressValue ?? 0) - 0.1) < 1e-12);
  });
  it('uses the configured disaggregation instead', () => {
    const result = series(DISAGGREGATED, { disaggregation: [{ field: 'Sex', value: 'Women' }] });
    assert.ok(result.ok);
    assert.equal(result.series.tag, '1-1-1 / Women');
    assert.equal(result.series.baseValue, 50);
  });
  it('ignores a configured value that matches nothing (with a warning), as sdg-build does', () => {
    const result = series('Year,Sex,Value\n2015,Women,1\n2016,Women,2\n', {
      disaggregation: [{ field: 'Sex', value: 'Men' }],
    });
    assert.ok(result.ok);
    assert.equal(result.series.currentValue, 2);
    assert.deepEqual(result.series.warnings, ['Men not found in column Sex']);
  });
  it('keeps the configured unit and series (Units and Series are not disaggregations)', () => {
    const csv =
      'Year,Series,Units,Value\n2015,A,Number,10\n2015,A,Percent,1\n2016,A,Number,20\n2016,A,Percent,2\n';
    const result = series(csv, { unit: 'Percent', series: 'A' });
    assert.ok(result.ok);
    assert.equal(result.series.tag, '1-1-1 / A / Percent');
    assert.equal(result.series.currentValue, 2);
  });
  it('fails when several units are left', () => {
    const result = series('Year,Units,Value\n2015,Number,10\n2015,Percent,1\n', {});
    assert.deepEqual(result, { ok: false, reason: '1-1-1: several sub-series left in column Units' });
  });
  it('fails without a headline', () => {
    const result = series('Year,Sex,Value\n2015,Women,1\n2015,Men,2\n', {});
    assert.deepEqual(result, { ok: false, reason: '1-1-1: no headline found' });
  });
  it('fails on a year given twice', () => {
    const result = series('Year,Value\n2015,1\n2015,2\n', {});
    assert.deepEqual(result, { ok: false, reason: '1-1-1: duplicate value for year 2015' });
  });
  it('measures the Progress column instead of Value', () => {
    const result = series('Year,Series,Progress,Value\n2015,S,1,0\n2016,S,2,5\n', {});
    assert.ok(result.ok);
    assert.equal(result.series.baseValue, 1);
    assert.equal(result.series.currentValue, 2);
  });
  it('counts a year range as its first year', () => {
    const result = series('Year,Value\n2014-2016,10\n2015-2017,11\n2016-2018,12\n', {});
    assert.ok(result.ok);
    assert.equal(result.series.baseYear, 2015);
    assert.equal(result.series.currentYear, 2016);
  });
  it('matches translation-key labels, also without a trailing code qualifier', () => {
    const csv =
      'Year,data.Cause (ICD-10),Value\n2015,data.Cancer [C00-C97],10\n2015,data.Other [X],1\n2016,data.Cancer [C00-C97],9\n2016,data.Other [X],1\n';
    const result = series(csv, { disaggregation: [{ field: 'Cause', value: 'Cancer' }] });
    assert.ok(result.ok);
    assert.equal(result.series.currentValue, 9);
  });
  it('strips one trailing qualifier only', () => {
    assert.equal(
      withoutQualifier('Accidents (unintentional injuries) [V01-X59]'),
      'Accidents (unintentional injuries)',
    );
    assert.equal(withoutQualifier('Leading causes of death (ICD-10)'), 'Leading causes of death');
    assert.equal(withoutQualifier('Plain'), 'Plain');
  });
});

describe('base year and data checks', () => {
  it('defaults to 2015, else the first later year with data', () => {
    const result = series('Year,Value\n2014,1\n2016,2\n2018,3\n', {});
    assert.ok(result.ok);
    assert.equal(result.series.baseYear, 2016);
  });
  it('one year of data: not available', () => {
    const result = series('Year,Value\n2019,41\n', { direction: 'positive', limit: 100 });
    assert.ok(result.ok);
    assert.equal(result.series.status, 'not_available');
    assert.equal(result.series.score, null);
    assert.equal(result.series.baseYear, 2019);
  });
  it('a zero base value is measured from 0.001', () => {
    const result = series('Year,Value\n2015,0\n2016,1\n', { direction: 'positive' });
    assert.ok(result.ok);
    assert.equal(result.series.baseValue, 0.001);
    assert.equal(result.series.status, 'substantial_progress');
  });
  it('base and current values of opposite signs: not available', () => {
    const result = series('Year,Value\n2015,-1\n2016,1\n', {});
    assert.ok(result.ok);
    assert.equal(result.series.status, 'not_available');
  });
  it('a zero target is read as 0.001', () => {
    const config = readSeriesConfig({ target: 0 });
    assert.ok(config.ok);
    assert.equal(config.config.target, 0.001);
  });
});

describe('indicator progress', () => {
  it('without auto_progress_calculation: the manual status, no score', () => {
    assert.deepEqual(indicator('Year,Value\n2015,1\n', { progress_status: 'not_available_manual' }), {
      indicator: '1-1-1',
      auto: false,
      status: 'not_available_manual',
      score: null,
    });
    assert.equal(indicator('Year,Value\n2015,1\n', { auto_progress_calculation: false }).status, '');
  });
  it('no options: one headline series with every default (negative direction)', () => {
    const result = indicator('Year,Value\n2015,100\n2016,110\n', auto());
    assert.ok(result.auto);
    assert.equal(result.series.length, 1);
    assert.equal(result.status, 'deterioration');
    assert.equal(result.score, -5);
  });
  it('averages the series scores; unscored series do not count', () => {
    const csv = 'Year,Sex,Value\n2015,Women,100\n2016,Women,101\n2015,Men,100\n2016,Men,99\n2016,Other,1\n';
    const result = indicator(
      csv,
      auto(
        ['Women', 'Men', 'Other'].map((value) => ({
          direction: 'positive',
          disaggregation: [{ field: 'Sex', value }],
        })),
      ),
    );
    assert.ok(result.auto);
    // Women +1 %/yr scores 1.25, Men −1 %/yr −3.75; Other has one year only.
    assert.ok(Math.abs((result.score ?? 0) - (1.25 - 3.75) / 2) < 1e-12);
    assert.equal(result.status, 'limited_progress');
    assert.equal(result.series[2]?.status, 'not_available');
  });
  it('target_achieved only when every scored series reached its target', () => {
    const csv = 'Year,Sex,Value\n2015,Women,10\n2016,Women,5\n2015,Men,10\n2016,Men,9\n';
    const option = (value: string) => ({ target: 6, disaggregation: [{ field: 'Sex', value }] });
    const both = indicator(csv, auto([option('Women'), option('Men')]));
    assert.notEqual(both.status, 'target_achieved');
    assert.equal(indicator(csv, auto([option('Women')])).status, 'target_achieved');
  });
  it('no data file: not available', () => {
    const result = indicator(null, auto([{ series: 'A' }]));
    assert.equal(result.status, 'not_available');
    assert.equal(result.score, null);
  });
  it('reports bad options as an error, not an exception', () => {
    const result = computeIndicatorProgress('1-1-1', null, auto([{ target: 'ninety' }]));
    assert.deepEqual(result, {
      ok: false,
      reason: 'progress_calculation_options[0]: target must be a number, got "ninety"',
    });
  });
});

describe('data that ends before the base year', () => {
  it('is not available (sdg-build would stop)', () => {
    const result = series('Year,Value\n2010,1\n2012,2\n', {});
    assert.ok(result.ok);
    assert.equal(result.series.status, 'not_available');
    assert.deepEqual(result.series.warnings, ['no data in or after base year 2015']);
  });
});
