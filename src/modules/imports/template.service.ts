/**
 * The Excel template of one department (`shixiao data-template`): one row per indicator and
 * period in a year range, pre-filled with the unit, the current value of that period (so that
 * uploading the template untouched changes nothing) and the latest value known, with data
 * validation on the value column and only the header locked. Blank rows are skipped on import.
 */
import { parsePeriod, periodsOfYear } from '../../domain/periods';
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
}

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
  const ws = wb.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'indicator', width: 22 },
    { header: 'period', width: 10 },
    { header: 'value', width: 14 },
    { header: 'unit', width: 10 },
    { header: 'source', width: 24 },
    { header: 'note', width: 30 },
    { header: 'name', width: 30 },
    { header: 'last_period', width: 12 },
    { header: 'last_value', width: 14 },
  ];
  let count = 0;
  for (const ind of indicators) {
    const kind = kindOf[ind.frequency] ?? 'year';
    const latest = state.latest(ind.id);
    for (let year = req.from; year <= req.to; year++) {
      for (const p of periodsOfYear(year, kind)) {
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
        ]);
        row.getCell(2).numFmt = '@';
        for (const c of [3, 5, 6]) row.getCell(c).protection = { locked: false };
        row.getCell(3).dataValidation = {
          type: 'decimal',
          operator: 'between',
          formulae: [-1e15, 1e15],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'value',
          error: `a number in ${ind.unit}`,
        };
        count++;
      }
    }
  }
  ws.getRow(1).font = { bold: true };
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
