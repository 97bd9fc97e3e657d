/**
 * The Excel template of one department (`shixiao data-template`): one row per indicator and
 * period in a year range, pre-filled with the unit, the current value of that period (so that
 * uploading the template untouched changes nothing) and the latest value known, with data
 * validation on the value column and only the header locked. Blank rows are skipped on import.
 */
import { dueDate, parsePeriod, periodsOfYear } from '../../domain/periods';
import { allowsPreliminary, standingOf } from '../../domain/reporting';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { PlanState } from './current';
import { findPlan } from '../plans';
import { findTenantBySlug, listPlanIndicators } from './imports.repository';

export interface TemplateRequest {
  tenantSlug: string;
  planCode?: string;
  department: string;
  from: number;
  to: number;
  /**
   * When given (YYYY-MM-DD), only periods that can be uploaded that day: ended ones, and the
   * running one of an indicator taking preliminary values (marked 快报/预计).
   */
  today?: string;
}

/** The machine header (row 1, hidden) and what a person reads (row 2), column by column. */
const columns: [string, string, number][] = [
  ['indicator', '指标代码', 16],
  ['period', '期间', 10],
  ['value', '数值', 14],
  ['unit', '单位', 10],
  ['source', '来源', 24],
  ['note', '备注', 30],
  ['name', '指标名称', 30],
  ['last_period', '最近一期', 12],
  ['last_value', '最近一期数值', 14],
  ['preliminary', '快报/预计', 10],
];

const kindOf: Record<string, 'year' | 'quarter' | 'month'> = {
  annual: 'year',
  quarterly: 'quarter',
  monthly: 'month',
};

/** Writes the template to `file`; returns the number of data rows. */
export async function writeDataTemplate(db: Db, req: TemplateRequest, file: string): Promise<number> {
  const tenant = await findTenantBySlug(db.kysely, req.tenantSlug);
  if (!tenant) throw notFound(`tenant '${req.tenantSlug}'`);
  const plan = await findPlan(db, tenant.id, req.planCode);
  if (!plan) throw notFound(req.planCode ? `plan '${req.planCode}'` : 'plan');
  const indicators = (await listPlanIndicators(db.kysely, plan.id)).filter(
    (i) => i.department === req.department,
  );
  if (indicators.length === 0)
    throw notFound(`indicators of department '${req.department}' in plan '${plan.code}'`);
  const state = await PlanState.load(db.kysely, indicators);

  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map(([header, , width]) => ({ header, width }));
  // Codes stay in row 1 for the importer (and scripts); people read row 2.
  ws.getRow(1).hidden = true;
  ws.addRow(columns.map(([, label]) => label));
  const settings = JSON.parse(plan.settings ?? 'null') as { annual_due?: string } | null;
  let count = 0;
  for (const ind of indicators) {
    const kind = kindOf[ind.frequency] ?? 'year';
    const latest = state.latest(ind.id);
    for (let year = req.from; year <= req.to; year++) {
      for (const p of periodsOfYear(year, kind)) {
        const standing = req.today
          ? standingOf(p, dueDate(p, { annualDue: settings?.annual_due }), req.today)
          : 'due';
        if (standing === 'upcoming' || (standing === 'running' && !allowsPreliminary(ind))) continue;
        const parsed = parsePeriod(p.text);
        const cur = parsed.ok ? state.main(ind.id, parsed.period) : undefined;
        const row = ws.addRow([
          ind.code,
          p.text,
          cur?.value ?? null,
          ind.unit,
          null,
          null,
          ind.name,
          latest?.period ?? null,
          latest?.value ?? null,
          standing === 'running' ? '是' : null,
        ]);
        row.getCell(2).numFmt = '@';
        for (const c of [3, 5, 6]) row.getCell(c).protection = { locked: false };
        row.getCell(3).dataValidation = {
          type: 'decimal',
          operator: 'between',
          formulae: [-1e15, 1e15],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: '数值',
          error: `请填写以${ind.unit}为单位的数字`,
        };
        count++;
      }
    }
  }
  ws.getRow(2).font = { bold: true };
  // Locks the header and the reference columns; value, source and note stay editable. No
  // password: the lock guards against slips, not against a determined user.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
  });
  await wb.xlsx.writeFile(file);
  return count;
}
