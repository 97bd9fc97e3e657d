/**
 * Bulletin use cases: the file of a month on demand, the archive (generate and keep a month's
 * inputs; list; download an archived month in any format) and the plan a command means.
 */
import type { Db } from '../../db';
import { buildFactSheet, buildPlanSummary, type BulletinInput } from '../../domain/reports';
import { badInput, notFound } from '../errors';
import { listPlans, loadPlanStructure } from '../plans';
import { gatherBulletinInput } from './reports.gather';
import { renderBulletin, renderDocument, type BulletinFormat } from './reports.render';
import type { PdfOptions } from './render/pdf';
import * as repo from './reports.repository';

export interface BulletinRequest {
  tenantId: number;
  plan: string;
  month: string;
  /** The issuing day, YYYY-MM-DD. */
  issued: string;
}

/** The month's bulletin as known at its end, in a format. */
export async function bulletinFile(
  db: Db,
  req: BulletinRequest,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  return renderBulletin(await gatherBulletinInput(db, req), format, pdf);
}

/** The code of the tenant's first plan (commands without --plan). */
export async function defaultPlanOf(db: Db, tenantId: number): Promise<string> {
  const plans = await listPlans(db, tenantId);
  const first = plans[0];
  if (!first) throw notFound('plan (the tenant has none; import-plan first)');
  return first.id;
}

/**
 * Gathers the month and archives it: `replace` (a supervisor regenerating) overwrites the month,
 * otherwise (the monthly job) it is written only when absent. True when something was written.
 */
export async function archiveBulletin(
  db: Db,
  req: BulletinRequest & { by: number | null; origin: 'job' | 'user'; replace: boolean; at: Date },
): Promise<boolean> {
  const structure = await loadPlanStructure(db, req.tenantId, req.plan);
  // The job runs every few minutes: an archived month is not gathered again.
  if (!req.replace && (await repo.findArchived(db.kysely, req.tenantId, structure.plan.id, req.month)))
    return false;
  const input = await gatherBulletinInput(db, req);
  const row = {
    tenant_id: req.tenantId,
    plan_id: structure.plan.id,
    month: req.month,
    input: JSON.stringify(input),
    origin: req.origin,
    generated_at: req.at.toISOString(),
    generated_by: req.by,
  };
  if (!req.replace) return repo.insertIfAbsent(db.kysely, row);
  await repo.upsert(db.kysely, row);
  return true;
}

export interface ArchivedBulletin {
  month: string;
  origin: 'job' | 'user';
  generated_at: string;
  generated_by: string | null;
}

export async function listBulletins(db: Db, tenantId: number, plan: string): Promise<ArchivedBulletin[]> {
  const structure = await loadPlanStructure(db, tenantId, plan);
  return (await repo.listArchived(db.kysely, tenantId, structure.plan.id)).map((r) => ({
    month: r.month,
    origin: r.origin === 'job' ? 'job' : 'user',
    generated_at: r.generated_at,
    generated_by: r.username ?? null,
  }));
}

/** An archived month in a format; 404 when the month was never archived. */
export async function archivedBulletinFile(
  db: Db,
  tenantId: number,
  plan: string,
  month: string,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  const structure = await loadPlanStructure(db, tenantId, plan);
  const row = await repo.findArchived(db.kysely, tenantId, structure.plan.id, month);
  if (!row) throw notFound(`bulletin of ${month}`);
  return renderBulletin(JSON.parse(row.input) as BulletinInput, format, pdf);
}

/** One indicator's one-page fact sheet as of the month's end; 422 for an unknown indicator. */
export async function factSheetFile(
  db: Db,
  req: BulletinRequest,
  indicator: string,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  const doc = buildFactSheet(await gatherBulletinInput(db, req), indicator);
  if (!doc) throw badInput(`--indicator ${indicator}: no such indicator in plan '${req.plan}'`);
  return renderDocument(doc, format, pdf);
}

/** The leaders' summary of the month. */
export async function planSummaryFile(
  db: Db,
  req: BulletinRequest,
  format: BulletinFormat,
  pdf: PdfOptions,
): Promise<Buffer> {
  return renderDocument(buildPlanSummary(await gatherBulletinInput(db, req)), format, pdf);
}
