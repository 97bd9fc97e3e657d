/**
 * What an upload would change, computed without writing: every row through the import
 * validator, rows of another department's or a computed indicator refused, then each valid row
 * compared with its series' workflow head: nothing yet → add; the same value → same (skipped);
 * another value of an accepted, draft or returned head → correct; a value under review → error.
 */
import type { ImportChange, ImportProblem } from '../../contracts/imports';
import { createRowValidator, type RawRow, type ValidRow } from '../../domain/data-import';
import { parsePeriod } from '../../domain/periods';
import { allowsPreliminary } from '../../domain/reporting';
import { unchanged } from './current';
import type { UploadIndicator } from './upload.repository';
import { valueSeriesKey as seriesKey, type Series, type VersionRow } from '../observations';

/** The rows' series: head (latest live version), accepted version and highest version. */
export type SeriesInfo = Series<VersionRow>;

export interface PlannedRow {
  row: ValidRow;
  indicatorId: number;
  kind: ImportChange['kind'];
  series: SeriesInfo | undefined;
}

export interface UploadPlan {
  rows: number;
  errors: ImportProblem[];
  planned: PlannedRow[];
}

export interface PlanInput {
  indicators: UploadIndicator[];
  /** Department codes of a department-scoped actor; null for a tenant-wide one. */
  departments: string[] | null;
  years: { from: number; to: number };
  asOf: string;
  raw: RawRow[];
}

/** Validates every row (no database access); `compare` then needs the touched series. */
export function validateUpload(input: PlanInput): { errors: ImportProblem[]; valid: ValidRow[] } {
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  const validator = createRowValidator({
    indicators: input.indicators,
    asOf: input.asOf,
    preliminaryAllowed: (code) => {
      const i = byCode.get(code);
      return i !== undefined && allowsPreliminary(i);
    },
  });
  const errors: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  for (const raw of input.raw) {
    const checked = validator.check(raw);
    const own: ImportProblem[] = [];
    const ind = byCode.get(raw.indicator.trim());
    if (ind && input.departments && !(ind.department && input.departments.includes(ind.department)))
      own.push({
        row: raw.row,
        column: 'indicator',
        reason: `another department's indicator: '${ind.code}'`,
        code: 'other_department',
        params: { indicator: ind.code },
      });
    else if (ind?.formula)
      own.push({
        row: raw.row,
        column: 'indicator',
        reason: `'${ind.code}' is computed from a formula`,
        code: 'formula_indicator',
        params: { indicator: ind.code },
      });
    const parsed = parsePeriod(raw.period.trim());
    if (parsed.ok && (parsed.period.year < input.years.from || parsed.period.year > input.years.to))
      own.push({
        row: raw.row,
        column: 'period',
        reason: `period must lie between ${input.years.from} and ${input.years.to}`,
        code: 'period_out_of_plan',
        params: { from: input.years.from, to: input.years.to },
      });
    if (!checked.ok) errors.push(...checked.problems, ...own);
    else if (own.length > 0) errors.push(...own);
    else valid.push(checked.row);
  }
  errors.sort((a, b) => a.row - b.row);
  return { errors, valid };
}

/** Compares valid rows with their series; values under review become errors. */
export function compareUpload(
  indicators: UploadIndicator[],
  valid: ValidRow[],
  series: Map<string, SeriesInfo>,
): { errors: ImportProblem[]; planned: PlannedRow[] } {
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const errors: ImportProblem[] = [];
  const planned: PlannedRow[] = [];
  for (const row of valid) {
    const indicatorId = idOf.get(row.indicator) ?? 0;
    const s = series.get(seriesKey(indicatorId, row.period));
    const head = s?.head;
    let kind: ImportChange['kind'] = 'add';
    if (head && unchanged(head, row.value, row.source, row.note)) kind = 'same';
    else if (head && (head.status === 'submitted' || head.status === 'approved')) {
      errors.push({
        row: row.row,
        column: 'value',
        reason: `the value for ${row.period} is under review (${head.status}): it can change once it is accepted or returned`,
        code: 'under_review',
        params: { period: row.period, status: head.status },
      });
      continue;
    } else if (head) kind = 'correct';
    planned.push({ row, indicatorId, kind, series: s });
  }
  return { errors, planned };
}

export function changesOf(
  planned: PlannedRow[],
  names: Map<string, string> = new Map(),
  warnings: Map<number, ImportChange['warnings']> = new Map(),
): ImportChange[] {
  return planned.map((p) => ({
    row: p.row.row,
    indicator: p.row.indicator,
    indicator_name: names.get(p.row.indicator) ?? p.row.indicator,
    period: p.row.period,
    old: p.series?.head?.value ?? null,
    new: p.row.value,
    kind: p.kind,
    preliminary: p.row.preliminary === true,
    warnings: warnings.get(p.row.row) ?? [],
  }));
}
