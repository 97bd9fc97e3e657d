/**
 * The leaders' cockpit: the plan, every target's evaluation and urgency, the data overdue by
 * department and the task lights, read in parallel from the plans, status, data and tasks modules
 * and put in one answer.
 * The what-if runs the target engine on an assumed future and saves nothing.
 */
import type { Cockpit, CockpitTarget, WhatIfRequest, WhatIfResponse } from '../../contracts/cockpit';
import type { PlanDetail } from '../../contracts/plans';
import type { Db } from '../../db';
import { type Assumption, urgencyRanks, whatIf } from '../../domain/targets';
import type { Caller } from '../caller';
import { getCalendar } from '../data';
import { badInput } from '../errors';
import { getPlanDetail, loadPlanModel, type Scope } from '../plans';
import { getPlanStatus, getTargetStatus } from '../status';
import { presentEvaluation, presentOverdue } from './cockpit.presenter';
import { cockpitTasks } from './cockpit.tasks';

export interface CockpitRequest {
  tenantId: number;
  plan: string;
  asOf: string;
  caller: Caller;
  scope: Scope;
}

/** Everything the cockpit shows, in one read. */
export async function getCockpit(db: Db, req: CockpitRequest): Promise<Cockpit> {
  const [detail, status, calendar, tasks] = await Promise.all([
    getPlanDetail(db, req.tenantId, req.plan, req.scope, { latest: false }),
    getPlanStatus(db, req.tenantId, req.plan, req.asOf, req.scope),
    getCalendar(db, req.caller, req.plan),
    cockpitTasks(db, req.caller, req.plan, req.asOf),
  ]);
  const byTarget = new Map(status.statuses.map((s) => [s.target, s]));
  const ranks = urgencyRanks(status.statuses);
  const indicators = new Map(detail.indicators.map((i) => [i.id, i]));
  const targets: CockpitTarget[] = [];
  for (const t of detail.targets) {
    const evaluation = byTarget.get(t.id);
    if (!evaluation) continue;
    const indicator = t.indicator ? indicators.get(t.indicator) : undefined;
    targets.push({
      id: t.id,
      text: t.text,
      text_en: t.text_en,
      kind: t.kind,
      value: t.value,
      qualifier: t.qualifier,
      year: t.year ?? t.to,
      goal_area: t.goal_area ?? indicator?.goal_area ?? null,
      indicator: indicator
        ? { id: indicator.id, name: indicator.name, name_en: indicator.name_en, unit: indicator.unit }
        : null,
      department: indicator?.department ?? null,
      evaluation: presentEvaluation(evaluation),
      urgency: ranks.get(t.id) ?? null,
    });
  }
  return {
    plan: detail.plan,
    as_of: status.as_of,
    today: calendar.today,
    counts: countsOf(targets),
    goal_areas: detail.goal_areas.map(({ id, name, name_en }) => ({ id, name, name_en })),
    targets,
    overdue: presentOverdue(calendar, departmentsOf(detail)),
    programmes: detail.programmes.map(({ id, number, name, name_en }) => ({ id, number, name, name_en })),
    tasks,
  };
}

function countsOf(targets: CockpitTarget[]): Cockpit['counts'] {
  const counts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const t of targets) counts[t.evaluation.status] += 1;
  return counts;
}

function departmentsOf(
  detail: PlanDetail,
): Map<string, NonNullable<PlanDetail['indicators'][number]['department']>> {
  const out = new Map<string, NonNullable<PlanDetail['indicators'][number]['department']>>();
  for (const i of detail.indicators) if (i.department) out.set(i.department.id, i.department);
  return out;
}

export interface WhatIfCall {
  tenantId: number;
  plan: string;
  target: string;
  asOf: string;
  scope: Scope;
  body: WhatIfRequest;
}

/** The target under an assumed growth rate or a value for a coming year; nothing is written. */
export async function evaluateWhatIf(db: Db, call: WhatIfCall): Promise<WhatIfResponse> {
  // 404 for a target the caller may not see (another department's), as for its status.
  await getTargetStatus(db, call.tenantId, call.plan, call.target, call.asOf, call.scope);
  const plan = await loadPlanModel(db, call.tenantId, call.plan, `${call.asOf}T23:59:59.999Z`);
  const { growth, year, value } = call.body;
  const assumption: Assumption =
    growth !== undefined
      ? { kind: 'growth', percent: growth }
      : { kind: 'value', year: year ?? 0, value: value ?? 0 };
  const r = whatIf(plan, call.target, assumption, call.asOf);
  if (!r.ok) throw badInput(`what-if of '${call.target}': ${r.reason}`);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    target: call.target,
    as_of: r.whatIf.as_of,
    path: r.whatIf.path.map((p) => ({ period: p.period, value: round(p.value) })),
    target_year: r.whatIf.target_year,
    target_year_value: r.whatIf.target_year_value === null ? null : round(r.whatIf.target_year_value),
    evaluation: presentEvaluation(r.whatIf.evaluation),
  };
}
