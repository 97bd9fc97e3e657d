/**
 * Web uploads of data values: preview (validate, compare, write nothing, keep the valid rows for
 * 15 minutes under a token), then commit — ONE transaction of `submitted` versions that enter the
 * approval workflow, each audited, unchanged values skipped — plus the department template.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportPreview, ImportResultBody } from '../../contracts/imports';
import type { Db, Executor } from '../../db';
import { departmentScope, type Caller } from '../caller';
import { writeAudit } from '../auth';
import { notifyHeadsOfUpload, planIndicators, warningsFor } from '../data';
import { AppError, coded, notFound } from '../errors';
import { writeDataTemplate } from './template.service';
import { readUpload } from './upload-file';
import { changesOf, compareUpload, validateUpload, type PlannedRow } from './upload-plan';
import { insertObservation, lockIndicators, moveStatus, seriesStates, seriesVersions } from '../observations';
import * as repo from './upload.repository';
import { keepUpload, loadUpload } from './upload-store';

const actorKey = (a: Caller['actor']) => (a.kind === 'user' ? `u${a.userId}` : `t${a.tokenId}`);
const today = (caller: Caller) => caller.now.toISOString().slice(0, 10);
const forbidden = (m: string) => new AppError(403, 'Forbidden', m);

async function context(db: Db, caller: Caller, planCode: string) {
  const found = await planIndicators(db, caller.actor.tenantId, planCode);
  if (!found) throw notFound(`plan '${planCode}'`);
  const plan = found.plan;
  const indicators = found.indicators.map((i) => ({
    ...i,
    department: i.department_code,
  }));
  // An upload and a template are for writing values: data:write's scope decides.
  const scope = departmentScope(caller.actor, 'data:write');
  const departments = scope ? await repo.departmentCodes(db.kysely, scope) : null;
  return { plan, indicators, departments };
}

/** Validates an upload and compares it with the database (read-only). */
export async function checkUpload(db: Db, caller: Caller, planCode: string, bytes: Uint8Array) {
  const { plan, indicators, departments } = await context(db, caller, planCode);
  const { rows: raw } = await readUpload(bytes);
  const { errors, valid } = validateUpload({
    indicators,
    departments,
    years: { from: plan.baseline_year, to: plan.end_year },
    asOf: caller.now.toISOString().slice(0, 10),
    raw,
  });
  const touched = [...new Set(valid.map((r) => indicators.find((i) => i.code === r.indicator)?.id ?? 0))];
  const series = seriesStates(await seriesVersions(db.kysely, { indicatorIds: touched }));
  const compared = compareUpload(indicators, valid, series);
  const all = [...errors, ...compared.errors].sort((a, b) => a.row - b.row);
  return { plan, raw, errors: all, planned: compared.planned, indicators, departments };
}

export async function previewUpload(
  db: Db,
  caller: Caller,
  planCode: string,
  bytes: Uint8Array,
): Promise<ImportPreview> {
  const { plan, raw, errors, planned, indicators } = await checkUpload(db, caller, planCode, bytes);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  // The entry checks of each new or changed row (the first few hundred: a template's worth).
  const warnings = new Map<number, Awaited<ReturnType<typeof warningsFor>>>();
  for (const p of planned.filter((x) => x.kind !== 'same').slice(0, 300)) {
    const ind = byCode.get(p.row.indicator);
    if (ind) warnings.set(p.row.row, await warningsFor(db, plan, ind, p.row.period, p.row.value));
  }
  const names = new Map(indicators.map((i) => [i.code, i.name]));
  const token =
    errors.length === 0 && raw.length > 0
      ? await keepUpload(
          db.kysely,
          {
            tenantId: caller.actor.tenantId,
            plan: planCode,
            actor: actorKey(caller.actor),
            rows: planned.map((p) => p.row),
          },
          caller.now,
        )
      : null;
  return {
    rows: raw.length,
    errors: errors.slice(0, 10_000),
    changes: changesOf(planned, names, warnings),
    token,
  };
}

/** Writes one planned row as a submitted version (superseding a draft or returned head). */
async function writeRow(trx: Executor, caller: Caller, p: PlannedRow, reason: string) {
  const head = p.series?.head;
  if (head && (head.status === 'draft' || head.status === 'returned')) {
    if (!(await moveStatus(trx, head.id, ['draft', 'returned'], 'superseded', today(caller))))
      throw new AppError(409, 'Conflict', 'A value changed while importing. Preview again.');
  }
  const row = {
    tenant_id: caller.actor.tenantId,
    indicator_id: p.indicatorId,
    period: p.row.period,
    value: p.row.value,
    source: p.row.source,
    note: p.row.note,
    version: (p.series?.maxVersion ?? 0) + 1,
    replaces_id: p.series?.accepted?.id ?? null,
    recorded_by: caller.actor.kind === 'user' ? caller.actor.userId : null,
    recorded_at: caller.now.toISOString(),
    reason: head ? reason : null,
    preliminary: p.row.preliminary ? 1 : 0,
    status: 'submitted',
  };
  const id = await insertObservation(trx, row);
  await writeAudit(trx, {
    tenantId: caller.actor.tenantId,
    actor: caller.actor,
    action: 'data.import',
    objectType: 'observation',
    objectId: id,
    before: head ? { status: head.status, value: head.value, version: head.version } : undefined,
    after: {
      status: 'submitted',
      value: row.value,
      version: row.version,
      indicator: p.row.indicator,
      period: row.period,
    },
    reason: head ? reason : undefined,
    sourceIp: caller.sourceIp,
    outcome: 'success',
    at: caller.now,
  });
}

/**
 * Commits a previewed upload in one transaction, which also spends the preview; 404 coded
 * `preview_expired` or `preview_unknown` when the token is no longer good.
 */
export async function commitUpload(
  db: Db,
  caller: Caller,
  planCode: string,
  token: string,
): Promise<ImportResultBody> {
  const who = { tenantId: caller.actor.tenantId, plan: planCode, actor: actorKey(caller.actor) };
  const stored = await loadUpload(db.kysely, token, who, caller.now);
  const { plan, indicators } = await context(db, caller, planCode);
  const ids = [...new Set(stored.rows.map((r) => indicators.find((i) => i.code === r.indicator)?.id ?? 0))];
  const counts = { rows: stored.rows.length, added: 0, corrected: 0, unchanged: 0 };
  await db.kysely.transaction().execute(async (trx) => {
    await loadUpload(trx, token, who, caller.now, { take: true });
    await lockIndicators(trx, db.dialect, ids);
    const series = seriesStates(await seriesVersions(trx, { indicatorIds: ids }));
    const { errors, planned } = compareUpload(indicators, stored.rows, series);
    if (errors.length > 0)
      throw coded(
        new AppError(
          409,
          'Conflict',
          `Values changed since the preview (row ${errors[0]?.row}). Preview again.`,
        ),
        'import_stale',
        { row: errors[0]?.row ?? 0 },
      );
    const byDepartment = new Map<
      number,
      { departmentId: number; departmentName: string | null; count: number }
    >();
    for (const p of planned) {
      if (p.kind === 'same') counts.unchanged++;
      else {
        if (p.kind === 'add') counts.added++;
        else counts.corrected++;
        await writeRow(trx, caller, p, 'import (web upload)');
        const ind = indicators.find((i) => i.id === p.indicatorId);
        if (ind?.department_id != null) {
          const d = byDepartment.get(ind.department_id) ?? {
            departmentId: ind.department_id,
            departmentName: ind.department_name,
            count: 0,
          };
          d.count++;
          byDepartment.set(ind.department_id, d);
        }
      }
    }
    // The submitted values wait for their departments' heads, as a single submission's do.
    await notifyHeadsOfUpload(trx, caller, plan.code, [...byDepartment.values()]);
    await writeAudit(trx, {
      tenantId: caller.actor.tenantId,
      actor: caller.actor,
      action: 'data.import',
      objectType: 'plan',
      objectId: plan.code,
      after: { ...counts, status: 'submitted', via: 'web' },
      sourceIp: caller.sourceIp,
      outcome: 'success',
      at: caller.now,
    });
  });
  return counts;
}

/** The department's Excel template; a department-scoped actor gets only its own. */
export async function templateBytes(
  db: Db,
  caller: Caller,
  planCode: string,
  q: { department: string; from: number; to: number },
): Promise<Uint8Array> {
  const { departments } = await context(db, caller, planCode);
  if (departments && !departments.includes(q.department))
    throw forbidden('You may only download your own department’s template.');
  if (q.to < q.from || q.to - q.from > 20)
    throw new AppError(400, 'Bad Request', '`from`…`to` must span 0–20 years.');
  const slug = await repo.findTenantSlug(db.kysely, caller.actor.tenantId);
  if (!slug) throw notFound('tenant');
  const dir = await mkdtemp(join(tmpdir(), 'shixiao-template-'));
  try {
    const file = join(dir, 'template.xlsx');
    await writeDataTemplate(
      db,
      { tenantSlug: slug, planCode, ...q, today: caller.now.toISOString().slice(0, 10) },
      file,
    );
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
