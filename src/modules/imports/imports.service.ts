/**
 * Bulk loading of observations (CLI `import-data`; later the Excel upload): every row of a file is
 * validated while it streams, then — only if none is bad — everything that changes is written in
 * ONE transaction as new accepted versions, with one `data.import` audit row. Loading the same
 * file twice adds nothing the second time.
 */
import { createRowValidator, type RawRow, type RowProblem } from '../../domain/data-import';
import { nowIso, type Db } from '../../db';
import { writeAudit } from '../auth';
import { notFound } from '../errors';
import { loadState, unchanged } from './current';
import { findPlan, findTenantBySlug, listPlanIndicators, observationInserter } from './imports.repository';
import { PendingRows } from './pending';

/** At most this many problems are kept (a wholly wrong file must not fill memory with them). */
export const maxProblems = 10_000;
const batchSize = 500;

export interface ImportRequest {
  tenantSlug: string;
  /** Plan code; the tenant's first plan when omitted. */
  planCode?: string;
  /** Raw rows in batches, as a source streams them. */
  rows: AsyncIterable<RawRow[]>;
  /** The file's name: goes into the audit row and the reason of each correction, never a path. */
  source: string;
  userId: number | null;
  /** Day the load is judged on (periods must have ended): YYYY-MM-DD, default today (UTC). */
  asOf?: string;
  allowOutliers?: boolean;
  /** Refuse indicators of other departments. */
  department?: string;
  /** Status of the new versions: `accepted` for an administrator's batch load. */
  status?: string;
}

export type ImportResult =
  | { ok: false; problems: RowProblem[]; badRows: number; rows: number }
  | { ok: true; planCode: string; rows: number; added: number; corrected: number; unchanged: number };

/** Validates every row, then writes all changes in one transaction, or nothing. */
export async function importObservations(db: Db, req: ImportRequest): Promise<ImportResult> {
  const tenant = await findTenantBySlug(db.kysely, req.tenantSlug);
  if (!tenant) throw notFound(`tenant '${req.tenantSlug}'`);
  const plan = await findPlan(db.kysely, tenant.id, req.planCode);
  if (!plan) throw notFound(req.planCode ? `plan '${req.planCode}'` : 'plan');
  const indicators = await listPlanIndicators(db.kysely, plan.id);
  const state = await loadState(db, indicators);
  const idOf = new Map(indicators.map((i) => [i.code, i.id]));
  const validator = createRowValidator({
    indicators,
    history: state.history,
    asOf: req.asOf ?? nowIso().slice(0, 10),
    allowOutliers: req.allowOutliers,
    department: req.department,
  });

  const pending = new PendingRows();
  const problems: RowProblem[] = [];
  let badRows = 0;
  let rows = 0;
  let same = 0;
  let corrected = 0;
  for await (const batch of req.rows) {
    for (const raw of batch) {
      rows++;
      const checked = validator.check(raw);
      if (!checked.ok) {
        badRows++;
        for (const p of checked.problems) if (problems.length < maxProblems) problems.push(p);
        continue;
      }
      // Once a row is bad nothing will be written: keep validating, stop collecting.
      if (badRows > 0) continue;
      const r = checked.row;
      const indicatorId = idOf.get(r.indicator) ?? 0;
      const alternate = r.breakdown !== null;
      const key = `${r.period}|${alternate ? (r.source ?? 'alternate') : ''}`;
      const cur = state.series.get(indicatorId)?.get(key);
      if (cur && unchanged(cur, r.value, r.source, r.note)) {
        same++;
        continue;
      }
      if (cur) corrected++;
      pending.push({
        indicator: indicatorId,
        period: r.period,
        value: r.value,
        version: (cur?.version ?? 0) + 1,
        replaces: cur?.id ?? null,
        position: r.row,
        alternate,
        source: r.source,
        note: r.note,
      });
    }
  }
  if (badRows > 0) return { ok: false, problems, badRows, rows };

  await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const reason = `import ${req.source}`.slice(0, 500);
    const inserter = observationInserter(trx, batchSize);
    const params: unknown[] = [];
    const status = req.status ?? 'accepted';
    for (let i = 0; i < pending.length; i++) {
      const replaces = pending.replaces[i] ?? -1;
      params.push(
        tenant.id,
        pending.indicator[i],
        pending.period[i],
        pending.value[i],
        pending.source[i],
        pending.note[i],
        pending.alternate[i],
        status,
        pending.version[i],
        replaces < 0 ? null : replaces,
        req.userId,
        now,
        replaces < 0 ? null : reason,
        pending.position[i],
      );
      if (params.length === batchSize * inserter.columnCount) {
        await inserter.insert(batchSize, params);
        params.length = 0;
      }
    }
    if (params.length > 0) await inserter.insert(params.length / inserter.columnCount, params);
    await writeAudit(trx, {
      tenantId: tenant.id,
      actor: { kind: 'system' },
      action: 'data.import',
      objectType: 'plan',
      objectId: plan.code,
      after: {
        file: req.source,
        rows,
        added: pending.length - corrected,
        corrected,
        unchanged: same,
        status,
      },
      outcome: 'success',
      at: new Date(now),
    });
  });
  return {
    ok: true,
    planCode: plan.code,
    rows,
    added: pending.length - corrected,
    corrected,
    unchanged: same,
  };
}
