/**
 * Open SDG data files (`data/indicator_1-1-1.csv`): `Year`, `Value`, optional `Units` and
 * `Series`, a `GeoCode` attribute, and any number of disaggregation columns (`Geography`, `Sex`…).
 *
 * Decisions: the headline (every disaggregation cell empty) becomes the indicator's main series.
 * Disaggregated rows are kept, not dropped: each becomes an alternate series of the indicator
 * (ignored by target statuses) whose source names the breakdown (`Open SDG: Sex=Female`) and
 * whose note holds it as JSON (`{"Sex":"Female"}`). If the headline has several Series/Units,
 * the first one met is the main series and the others are breakdowns too. Rows with an empty
 * Value are Open SDG's "no data" and are skipped with a count.
 */
import { basename } from 'node:path';
import type { RawRow } from '../../domain/data-import';
import { csvRecords, ImportFileError, type RowSource, type SourceStats } from './sources';

/** The indicator id an Open SDG file is named for: `indicator_1-1-1.csv` → `1-1-1`. */
export function opensdgIndicatorId(file: string): string | null {
  const m = /^indicator_(.+)\.csv$/i.exec(basename(file));
  return m ? (m[1] ?? null) : null;
}

/** Columns that are not disaggregations. */
const special = new Set(['year', 'value', 'units', 'series', 'geocode']);

/** Reads an Open SDG CSV as rows of `indicator` (from `--indicator` or the file name). */
export function opensdgSource(
  file: string,
  indicator: string | undefined,
  onBytes?: (n: number) => void,
): RowSource {
  const id = indicator ?? opensdgIndicatorId(file);
  if (!id)
    throw new ImportFileError(
      1,
      '',
      'cannot tell the indicator: name the file indicator_ID.csv or pass --indicator ID',
    );
  const stats: SourceStats = { skipped: 0, skippedWhy: '', breakdownRows: 0 };
  return { batches: rows(file, id, stats, onBytes), stats };
}

async function* rows(
  file: string,
  indicator: string,
  stats: SourceStats,
  onBytes?: (n: number) => void,
): AsyncGenerator<RawRow[]> {
  let header: string[] | undefined;
  let year = -1;
  let value = -1;
  let units = -1;
  let series = -1;
  let dims: { at: number; name: string }[] = [];
  let headline: string | undefined;
  for await (const batch of csvRecords(file, onBytes)) {
    const out: RawRow[] = [];
    for (const r of batch) {
      if (!header) {
        header = r.fields.map((h) => h.trim());
        const at = (name: string) => header?.findIndex((h) => h.toLowerCase() === name) ?? -1;
        year = at('year');
        value = at('value');
        units = at('units');
        series = at('series');
        if (year < 0) throw new ImportFileError(1, 'Year', "missing column 'Year'");
        if (value < 0) throw new ImportFileError(1, 'Value', "missing column 'Value'");
        // `data.Geography` in some exports is the same column as `Geography`.
        dims = header
          .map((name, i) => ({ at: i, name: name.replace(/^data\./, '') }))
          .filter((d) => !special.has(d.name.toLowerCase()));
        continue;
      }
      const f = r.fields;
      const cell = (i: number) => (i >= 0 ? (f[i] ?? '').trim() : '');
      if (cell(value) === '') {
        stats.skipped++;
        stats.skippedWhy = 'empty Value (no data)';
        continue;
      }
      const breakdown: Record<string, string> = {};
      for (const d of dims) if (cell(d.at) !== '') breakdown[d.name] = cell(d.at);
      const kind = JSON.stringify([cell(series), cell(units)]);
      const isHeadlineCell = Object.keys(breakdown).length === 0;
      if (isHeadlineCell && headline === undefined) headline = kind;
      if (kind !== headline) {
        if (cell(series)) breakdown.Series = cell(series);
        if (cell(units)) breakdown.Units = cell(units);
      }
      const main = Object.keys(breakdown).length === 0;
      if (!main) stats.breakdownRows++;
      const label = Object.entries(breakdown)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      out.push({
        row: r.row,
        indicator,
        period: cell(year),
        value: cell(value),
        source: main ? null : `Open SDG: ${label}`.slice(0, 500),
        note: main ? null : JSON.stringify(breakdown),
        breakdown: main ? null : breakdown,
      });
    }
    if (out.length > 0) yield out;
  }
  if (!header) throw new ImportFileError(1, '', 'the file is empty (no header row)');
}
