/**
 * The Excel 任务分解表: the template of a plan (Chinese headers, a hidden row of column codes,
 * drop-downs of the plan's departments and actions), reading an upload back (the zip-bomb and
 * DOCTYPE guard of data uploads first), a preview that writes nothing, and the commit of a
 * preview by its token: every task in one transaction, or none.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BreakdownPreview, BreakdownResult } from '../../contracts/task-breakdown';
import type { Db } from '../../db';
import {
  breakdownColumns,
  checkBreakdown,
  cycleLabels,
  priorityLabels,
  type BreakdownInput,
  type BreakdownKey,
  type BreakdownRow,
} from '../../domain/tasks';
import { AppError } from '../errors';
import { checkXlsx, keepUpload, loadUpload } from '../imports';
import { isUniqueViolation, loadPlanContext, raced, type Caller } from './tasks.context';
import { requireSupervisor } from './tasks.policy';
import { insertResolved, newCode } from './tasks.service';
import * as repo from './tasks.repository';
import { resolveTask } from './tasks.validate';

const sheetName = '任务分解表';
const listSheet = '选项';
/** Rows of the template that carry drop-downs. */
const templateRows = 500;
/** More rows than this go through the plan file. */
export const maxBreakdownRows = 5000;
const kind = 'task-breakdown';

const actorKey = (c: Caller) => (c.actor.kind === 'user' ? `u${c.actor.userId}` : `t${c.actor.tokenId}`);
const letter = (i: number) => String.fromCharCode(65 + i);
const pad = (n: number) => String(n).padStart(2, '0');

/** The plan's template as .xlsx bytes. */
export async function breakdownTemplate(db: Db, caller: Caller, planCode: string): Promise<Uint8Array> {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shixiao 实效';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const lists = wb.addWorksheet(listSheet, { state: 'hidden' });
  ws.columns = breakdownColumns.map((c) => ({ width: c.width }));
  const header = ws.addRow(breakdownColumns.map((c) => c.zh));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
  // The codes read the table back whatever the headers say; hidden from the person filling it in.
  ws.addRow(breakdownColumns.map((c) => c.key)).hidden = true;

  const departments = ctx.structure.departments.map((d) => d.name);
  const actions = ctx.structure.actions.map((a) => a.code);
  lists.getColumn(1).values = ['部门', ...departments];
  lists.getColumn(2).values = ['举措', ...actions];
  lists.getColumn(3).values = ['举措名称', ...ctx.structure.actions.map((a) => a.name)];
  const range = (col: string, n: number) => `'${listSheet}'!$${col}$2:$${col}$${Math.max(2, n + 1)}`;
  const col = (key: BreakdownKey) => letter(breakdownColumns.findIndex((c) => c.key === key));
  const list = (formula: string, error: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: '请从列表中选择',
    error,
  });
  for (let r = 3; r < 3 + templateRows; r++) {
    const department = list(range('A', departments.length), '请选择本规划的部门。');
    for (const key of ['lead_department', 'co_department_1', 'co_department_2', 'co_department_3'] as const) {
      ws.getCell(`${col(key)}${r}`).dataValidation = department;
    }
    ws.getCell(`${col('action')}${r}`).dataValidation = list(
      range('B', actions.length),
      '请选择本规划的工作举措。',
    );
    ws.getCell(`${col('cycle')}${r}`).dataValidation = list(
      `"${Object.values(cycleLabels).join(',')}"`,
      '每周、每月或每季度',
    );
    ws.getCell(`${col('priority')}${r}`).dataValidation = list(
      `"${Object.values(priorityLabels).join(',')}"`,
      '高、中或低',
    );
    ws.getCell(`${col('percent')}${r}`).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      error: '进度须在0至100之间。',
    };
    for (const key of ['start', 'due'] as const) ws.getCell(`${col(key)}${r}`).numFmt = 'yyyy-mm-dd';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A cell as text: a date cell as YYYY-MM-DD, a formula by its result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    return typeof o.text === 'string' ? o.text : '';
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

const badFile = (detail: string) =>
  new AppError(400, 'Bad Request', detail, [{ field: 'file', message: detail }]);

/** The rows of an uploaded table (blank rows skipped), by the code row or else the Chinese headers. */
export async function readBreakdown(bytes: Uint8Array): Promise<BreakdownInput[]> {
  if (!(
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  )) {
    throw new AppError(
      415,
      'Unsupported Media Type',
      '请上传.xlsx格式的任务分解表。 Send the .xlsx template.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'shixiao-breakdown-'));
  try {
    const file = join(dir, 'upload.xlsx');
    await writeFile(file, bytes, { mode: 0o600 });
    await checkXlsx(file);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(sheetName) ?? wb.worksheets[0];
    if (!ws) throw badFile('文件中没有工作表。 The workbook has no sheet.');
    const keys = new Set<string>(breakdownColumns.map((c) => c.key));
    const byHeader = new Map<string, string>(breakdownColumns.map((c) => [c.zh, c.key]));
    let columns: Map<number, BreakdownKey> | null = null;
    let first = 0;
    // The code row of the template; else a row of the Chinese headers.
    for (let r = 1; r <= Math.min(5, ws.rowCount) && !columns; r++) {
      const cells = (ws.getRow(r).values as unknown[]).map(cellText).map((t) => t.trim());
      for (const map of [keys, byHeader] as const) {
        const found = new Map<number, BreakdownKey>();
        cells.forEach((t, i) => {
          const key = map instanceof Map ? map.get(t) : map.has(t) ? t : undefined;
          if (key) found.set(i, key as BreakdownKey);
        });
        if ([...found.values()].includes('lead_department')) {
          columns = found;
          first = r + 1;
          break;
        }
      }
    }
    if (!columns)
      throw badFile('找不到“牵头单位”列：请使用下载的模板。 No 牵头单位 column: use the template.');
    const cols: Map<number, BreakdownKey> = columns;
    // Skip the code row when the headers were found first.
    if ((ws.getRow(first).values as unknown[]).map(cellText).includes('lead_department')) first++;
    const out: BreakdownInput[] = [];
    for (let r = first; r <= ws.rowCount; r++) {
      const values = ws.getRow(r).values as unknown[];
      const cells: Partial<Record<BreakdownKey, string>> = {};
      for (const [i, key] of cols) cells[key] = cellText(values[i]).trim();
      if (Object.values(cells).every((v) => !v)) continue;
      out.push({ row: r, cells });
      if (out.length > maxBreakdownRows)
        throw badFile(
          `超过${maxBreakdownRows}行：请分批上传。 More than ${maxBreakdownRows} rows: split the table.`,
        );
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function check(db: Db, caller: Caller, planCode: string, bytes: Uint8Array) {
  requireSupervisor(caller.actor);
  const ctx = await loadPlanContext(db, caller, planCode);
  const inputs = await readBreakdown(bytes);
  const taken = await repo.taskCodes(db.kysely, ctx.structure.plan.id);
  const checked = checkBreakdown(inputs, {
    departments: ctx.structure.departments,
    actions: ctx.structure.actions,
    targets: ctx.structure.targets,
    taken,
  });
  return { ctx, ...checked };
}

/** Reads and checks an upload, writing nothing; a token when every row is right. */
export async function previewBreakdown(
  db: Db,
  caller: Caller,
  planCode: string,
  bytes: Uint8Array,
): Promise<BreakdownPreview> {
  const { rows, problems } = await check(db, caller, planCode, bytes);
  const token =
    problems.length === 0 && rows.length > 0
      ? await keepUpload<BreakdownRow>(
          db.kysely,
          { tenantId: caller.actor.tenantId, plan: planCode, actor: actorKey(caller), kind, rows },
          caller.now,
        )
      : null;
  return {
    rows: rows.map((r) => ({ ...r })),
    errors: problems.map((p) => ({ row: p.row, field: p.field, message: p.message })),
    token,
  };
}

/** Writes a previewed table: every task, each assigned (交办) and recorded, or none. */
export async function commitBreakdown(
  db: Db,
  caller: Caller,
  planCode: string,
  token: string,
): Promise<BreakdownResult> {
  requireSupervisor(caller.actor);
  const who = { tenantId: caller.actor.tenantId, plan: planCode, actor: actorKey(caller), kind };
  const stored = await loadUpload<BreakdownRow>(db.kysely, token, who, caller.now);
  const ctx = await loadPlanContext(db, caller, planCode);
  try {
    const created = await db.kysely.transaction().execute(async (trx) => {
      await loadUpload(trx, token, who, caller.now, { take: true });
      const taken = await repo.taskCodes(trx, ctx.structure.plan.id);
      const codes: string[] = [];
      for (const row of stored.rows) {
        const code = row.id ?? newCode(taken, row.action ?? 'task');
        if (taken.has(code)) throw raced();
        taken.add(code);
        // Checked again against the plan as it is now; any problem rolls every row back.
        const resolved = resolveTask(ctx, row);
        await insertResolved(trx, caller, ctx, code, resolved, 'upload', row.percent ?? 0);
        codes.push(code);
      }
      return codes;
    });
    return { created };
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
}
