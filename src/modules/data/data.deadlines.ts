/**
 * Reporting deadlines that fell in a span, with when each value was first reported (beyond a
 * draft): what the department scorecards count as data reported on time. Same calendar as the
 * reporting reminders (`reportingPeriods`).
 */
import type { Db } from '../../db';
import { reportingPeriods } from './data.queries';
import { findPlan } from '../plans';
import * as repo from './data.repository';
import { firstReportedAt } from '../observations';

export interface DataDeadline {
  department_id: number;
  indicator: string;
  period: string;
  due: string;
  /** ISO time of the first report beyond a draft, or null. */
  reported_at: string | null;
}

/** Deadlines from `from` to `to` (days, both included) of the plan's reported indicators. */
export async function dataDeadlines(
  db: Db,
  tenantId: number,
  planCode: string,
  from: string,
  to: string,
): Promise<DataDeadline[]> {
  const plan = await findPlan(db, tenantId, planCode);
  if (!plan) return [];
  const indicators = (await repo.listIndicators(db.kysely, plan.id, null)).filter(
    (i) => !i.formula && i.department_id !== null,
  );
  const reported = new Map(
    (await firstReportedAt(db.kysely, indicators.map((i) => i.id), plan.start_year)).map((r) => [
      `${r.indicator_id}|${r.period}`,
      r.reported_at as string | null,
    ]),
  );
  const out: DataDeadline[] = [];
  for (const i of indicators) {
    // Every period ended before the day after `to`; those due in the span are kept.
    const dayAfter = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const p of reportingPeriods(plan, i, dayAfter, new Map())) {
      if (p.due < from || p.due > to) continue;
      out.push({
        department_id: i.department_id!,
        indicator: i.code,
        period: p.period,
        due: p.due,
        reported_at: reported.get(`${i.id}|${p.period}`) ?? null,
      });
    }
  }
  return out;
}
