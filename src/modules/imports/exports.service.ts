/**
 * `export-data`: a plan's current accepted observations as CSV, written line by line as each
 * indicator is read, so memory holds one indicator's rows at a time. Text cells are neutralised
 * against formula injection (SECURITY.md V1.2.10).
 */
import { exportHeader, exportLine } from '../../domain/data-import';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { currentVersions } from '../observations';
import { findPlan } from '../plans';
import { findTenantBySlug, listPlanIndicators } from './imports.repository';

/** Writes the CSV (header first, `\n` line ends); returns the number of observations. */
export async function exportObservations(
  db: Db,
  req: { tenantSlug: string; planCode?: string },
  write: (text: string) => void | Promise<void>,
): Promise<number> {
  const tenant = await findTenantBySlug(db.kysely, req.tenantSlug);
  if (!tenant) throw notFound(`tenant '${req.tenantSlug}'`);
  const plan = await findPlan(db, tenant.id, req.planCode);
  if (!plan) throw notFound(req.planCode ? `plan '${req.planCode}'` : 'plan');
  await write(exportHeader() + '\n');
  let count = 0;
  for (const ind of await listPlanIndicators(db.kysely, plan.id)) {
    const rows = (await currentVersions(db.kysely, { indicatorIds: [ind.id], order: 'id' })).sort(
      (a, b) =>
        a.alternate - b.alternate || (a.period < b.period ? -1 : a.period > b.period ? 1 : a.id - b.id),
    );
    const lines = rows.map((r) =>
      exportLine({
        indicator: ind.code,
        period: r.period,
        value: r.value,
        unit: ind.unit,
        source: r.source,
        note: r.note,
        alternate: r.alternate === 1,
        status: r.status,
        version: r.version,
        recorded_at: r.recorded_at,
      }),
    );
    if (lines.length > 0) await write(lines.join('\n') + '\n');
    count += lines.length;
  }
  return count;
}
