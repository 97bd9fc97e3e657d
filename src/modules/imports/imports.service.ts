/**
 * Bulk loading of observations (CLI `import-data`; later the Excel upload): every row of a file is
 * validated while it streams, then — only if none is bad — everything that changes is written in
 * ONE transaction as new accepted versions, with one `data.import` audit row. Loading the same
 * file twice adds nothing the second time.
 */
import type { RawRow, RowProblem } from '../../domain/data-import';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { notFound } from '../errors';
import { checkRows, type CheckedBatch, type ValidationSetup } from './checked-rows';
import { PlanState, unchanged } from './current';
import { findTenantBySlug, listPlanIndicators } from './imports.repository';
import { bulkTransaction } from '../observations';
import { findPlan } from '../plans';
/** At most this many problems are kept (a wholly wrong file must not fill memory with them). */
export const maxProblems = 10_000;

export interface ImportRequest {
  tenantSlug: string;
  /** Plan code; the tenant's first plan when omitted. */
  planCode?: string;
  /**
   * Raw rows in batches, as a source streams them (validated in this thread), or a checker that
   * validates them elsewhere (`checkInThread`: a large file, in a worker thread).
   */
  rows: AsyncIterable<RawRow[]> | ((setup: ValidationSetup) => AsyncIterable<CheckedBatch>);
  /** The file's name: goes into the audit row and the reason of each correction, never a path. */
  source: string;
  userId: number | null;
  /** The caller's clock: when the versions are recorded. */
  now: Date;
  /** Day the load is judged on (periods must have ended): YYYY-MM-DD, default the day of `now` (UTC). */
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

/** Thrown inside the transaction to undo it when a bad row was found. */
class BadFile extends Error {}

/**
 * Streams the rows through the validator into ONE open transaction: rows that change something
 * are inserted in prepared batches as they pass (so memory stays flat however long the file),
 * and the first bad row stops the inserts; validation goes on to list every bad row, then the
 * transaction is rolled back. Either every change is committed, with its audit row, or nothing.
 */
export async function importObservations(db: Db, req: ImportRequest): Promise<ImportResult> {
  const tenant = await findTenantBySlug(db.kysely, req.tenantSlug);
  if (!tenant) throw notFound(`tenant '${req.tenantSlug}'`);
  const plan = await findPlan(db, tenant.id, req.planCode);
  if (!plan) throw notFound(req.planCode ? `plan '${req.planCode}'` : 'plan');
  const indicators = await listPlanIndicators(db.kysely, plan.id);
  const problems: RowProblem[] = [];
  const counts = { rows: 0, bad: 0, added: 0, corrected: 0, same: 0 };
  const status = req.status ?? 'accepted';
  try {
    const shared = {
      tenant_id: tenant.id,
      status,
      recorded_by: req.userId,
      recorded_at: req.now.toISOString(),
    };
    await bulkTransaction(db, shared, async (trx, bulk) => {
      const state = await PlanState.load(trx, indicators);
      const setup: ValidationSetup = {
        indicators: indicators.map((i) => ({
          code: i.code,
          unit: i.unit,
          frequency: i.frequency,
          department: i.department,
        })),
        histories: state.histories(),
        asOf: req.asOf ?? req.now.toISOString().slice(0, 10),
        allowOutliers: req.allowOutliers,
        department: req.department,
        maxProblems,
      };
      const checked = typeof req.rows === 'function' ? req.rows(setup) : checkRows(req.rows, setup);
      const reason = `import ${req.source}`.slice(0, 500);
      for await (const batch of checked) {
        counts.rows += batch.read;
        counts.bad += batch.bad;
        problems.push(...batch.problems);
        if (counts.bad > 0) continue;
        const v = batch.valid;
        for (let k = 0; k < v.count; k++) {
          const indicatorId = indicators[v.indicator[k] ?? -1]?.id ?? 0;
          const period = v.period[k] ?? '';
          const value = v.value[k] ?? NaN;
          const source = v.source?.[k] ?? null;
          const note = v.note?.[k] ?? null;
          const alternate = (v.breakdown?.[k] ?? null) !== null;
          const key = v.periodKey[k] ?? -1;
          const cur = alternate
            ? state.alternate(indicatorId, period, source)
            : key >= 0
              ? state.mainByKey(indicatorId, key)
              : undefined;
          if (cur && unchanged(cur, value, source, note)) {
            counts.same++;
            continue;
          }
          if (cur) counts.corrected++;
          else counts.added++;
          const writing = bulk.add({
            indicator_id: indicatorId,
            period,
            value,
            version: (cur?.version ?? 0) + 1,
            replaces_id: cur?.id ?? null,
            reason: cur ? reason : null,
            source,
            note,
            alternate: alternate ? 1 : 0,
            position: v.row[k] ?? 0,
          });
          // SQLite writes synchronously: awaiting only when a write is in flight saves a
          // microtask per row.
          if (writing) await writing;
        }
      }
      if (counts.bad > 0) throw new BadFile();
      await bulk.flush();
      await writeAudit(trx, {
        tenantId: tenant.id,
        actor: { kind: 'system' },
        action: 'data.import',
        objectType: 'plan',
        objectId: plan.code,
        after: {
          file: req.source,
          rows: counts.rows,
          added: counts.added,
          corrected: counts.corrected,
          unchanged: counts.same,
          status,
        },
        outcome: 'success',
        at: req.now,
      });
    });
  } catch (error) {
    if (error instanceof BadFile) return { ok: false, problems, badRows: counts.bad, rows: counts.rows };
    throw error;
  }
  return {
    ok: true,
    planCode: plan.code,
    rows: counts.rows,
    added: counts.added,
    corrected: counts.corrected,
    unchanged: counts.same,
  };
}
