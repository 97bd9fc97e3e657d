/**
 * What every data use case starts from: the caller, the plan and indicator (404 when another
 * department's), the state of a value series, and the period rules of an indicator.
 */
import type { Db, Executor } from '../../db';
import { kindOfFrequency, parsePeriod, periodStart } from '../../domain/periods';
import type { Caller } from '../caller';
import { badInput, coded, notFound } from '../errors';
import { findPlan } from '../plans';
import { seriesState, seriesVersions, type Series as ObservationSeries, type VersionRow } from '../observations';
import * as repo from './data.repository';
import { requireVisible } from './data.policy';

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function loadPlan(db: Db, caller: Caller, planCode: string): Promise<PlanRow> {
  const plan = await findPlan(db, caller.actor.tenantId, planCode);
  if (!plan) throw notFound(`plan '${planCode}'`);
  return plan;
}

/** The plan and one of its indicators the caller may see; 404 for another department's. */
export async function loadIndicator(db: Db, caller: Caller, planCode: string, code: string) {
  const plan = await loadPlan(db, caller, planCode);
  const indicator = await repo.findIndicator(db.kysely, plan.id, code);
  if (!indicator) throw notFound(`indicator '${code}'`);
  requireVisible(caller.actor, indicator);
  return { plan, indicator };
}

/** A value series: all versions, the workflow head, the accepted version and the open authors. */
export type Series = ObservationSeries<VersionRow>;

/** One value series' versions (in `db`, which may be the transaction of a step) and state. */
export async function readSeries(db: Executor, indicatorId: number, period: string): Promise<Series> {
  return seriesState(await seriesVersions(db, { indicatorIds: [indicatorId], period }), period);
}

export type Frequency = 'annual' | 'quarterly' | 'monthly';

export function frequencyOf(frequency: string): Frequency {
  return frequency === 'monthly' || frequency === 'quarterly' ? frequency : 'annual';
}

/** 422 unless `period` has the indicator's frequency, lies in the plan's years and has begun. */
export function checkPeriod(plan: PlanRow, indicator: repo.IndicatorRow, period: string, now: Date) {
  const parsed = parsePeriod(period);
  const field = (message: string, code = 'invalid_period', params: Record<string, string | number> = {}) =>
    coded(badInput(message, [{ field: 'period', message, code, params }]), code, params);
  if (!parsed.ok) throw field(parsed.reason);
  const kind = kindOfFrequency(frequencyOf(indicator.frequency));
  if (parsed.period.kind !== kind) {
    throw field(`'${indicator.code}' is reported ${indicator.frequency}: give a ${kind} period`, 'period_wrong_frequency', {
      frequency: indicator.frequency,
    });
  }
  if (parsed.period.year < plan.baseline_year || parsed.period.year > plan.end_year) {
    throw field(`period must lie between ${plan.baseline_year} and ${plan.end_year}`, 'period_outside_plan', {
      from: plan.baseline_year,
      to: plan.end_year,
    });
  }
  if (periodStart(parsed.period) > now.toISOString().slice(0, 10)) {
    throw field('period has not begun yet', 'period_not_begun');
  }
}
