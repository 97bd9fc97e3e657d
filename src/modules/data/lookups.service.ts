/** What other modules read of data collection (web uploads, evidence), behind the repository. */
import type { Db } from '../../db';
import type { Caller } from '../caller';
import { findPlan } from '../plans';
import { loadIndicator, readSeries } from './data.context';
import * as repo from './data.repository';

export type DataIndicator = Awaited<ReturnType<typeof repo.listIndicators>>[number];

/** The tenant's plan of that code and all its indicators in plan order; null when there is none. */
export async function planIndicators(db: Db, tenantId: number, planCode: string) {
  const plan = await findPlan(db, tenantId, planCode);
  if (!plan) return null;
  return { plan, indicators: await repo.listIndicators(db.kysely, plan.id, null) };
}

/** One value series the caller may see (404 otherwise) and its workflow state. */
export async function valueSeries(
  db: Db,
  caller: Caller,
  ref: { plan: string; indicator: string; period: string },
) {
  const { indicator } = await loadIndicator(db, caller, ref.plan, ref.indicator);
  const state = await readSeries(db.kysely, indicator.id, ref.period);
  return { indicator, state };
}
