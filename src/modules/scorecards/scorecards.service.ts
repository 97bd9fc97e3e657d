/**
 * Department scorecards (考核) of a plan for a month: the facts of data reporting (data module),
 * task supervision (tasks module) and target statuses (status module) scored by the domain's
 * rules, a stored snapshot once the month is over. A department-scoped reader sees its own rows.
 */
import type { Scorecards } from '../../contracts/scorecards';
import type { Db } from '../../db';
import { daysInMonth } from '../../domain/periods';
import { scoreMonth, scorecardWeightsOf, type DepartmentMonth, type Tally } from '../../domain/tasks';
import type { Caller } from '../caller';
import { dataDeadlines } from '../data';
import { badInput } from '../errors';
import { loadPlanStructure } from '../plans';
import { getPlanStatus } from '../status';
import { taskScoreFacts } from '../tasks';
import * as repo from './scorecards.repository';

const tally = <T>(items: readonly T[], ok: (t: T) => boolean, label: (t: T) => string): Tally => ({
  due: items.length,
  ok: items.filter(ok).length,
  missed: items.filter((t) => !ok(t)).map(label),
});

type Computed = Omit<Scorecards, 'snapshot' | 'computed_at'>;

/** Scores every department of the plan for `month`, counting up to the month's end or `today`. */
export async function computeScorecards(
  db: Db,
  tenantId: number,
  planCode: string,
  month: string,
  today: string,
): Promise<Computed> {
  const structure = await loadPlanStructure(db, tenantId, planCode);
  const weights = scorecardWeightsOf(structure.plan.settings);
  const from = `${month}-01`;
  const last = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
  const asOf = last < today ? last : today;
  const data = await dataDeadlines(db, tenantId, planCode, from, asOf);
  const tasks = await taskScoreFacts(db, tenantId, planCode, from, asOf);
  const status = new Map(
    (await getPlanStatus(db, tenantId, planCode, asOf)).statuses.map((s) => [s.target, s.status]),
  );
  const months: DepartmentMonth[] = tasks.departments.map((d) => {
    const mine = <T extends { department_id: number }>(list: readonly T[]) =>
      list.filter((x) => x.department_id === d.id);
    const targets = [...(tasks.targets.get(d.id) ?? [])].filter(
      (code) => (status.get(code) ?? 'no_data') !== 'no_data',
    );
    return {
      department: d.code,
      name: d.name,
      data_reporting: tally(
        mine(data),
        (x) => x.reported_at !== null && x.reported_at.slice(0, 10) <= x.due,
        (x) => `${x.indicator} ${x.period}`,
      ),
      task_reporting: tally(
        mine(tasks.reports),
        (x) => x.on_time,
        (x) => x.label,
      ),
      completion: tally(
        mine(tasks.completions),
        (x) => x.on_time,
        (x) => x.label,
      ),
      targets: tally(
        targets,
        (code) => ['achieved', 'on_track'].includes(status.get(code) ?? ''),
        (code) => code,
      ),
      quality: tally(
        mine(tasks.reviews),
        (x) => x.accepted,
        (x) => x.label,
      ),
      notices: mine(tasks.notices).map((n) => n.label),
    };
  });
  const names = new Map(tasks.departments.map((d) => [d.code, d]));
  return {
    plan: planCode,
    month,
    as_of: asOf,
    weights,
    departments: scoreMonth(months, weights).map((s) => ({
      rank: s.rank,
      department: {
        id: s.department,
        name: names.get(s.department)?.name ?? s.department,
        name_en: names.get(s.department)?.name_en ?? null,
      },
      total: s.total,
      parts: s.parts,
      deduction: s.deduction,
    })),
  };
}

/** Stores the month's snapshot unless there is one: true when this call stored it. */
export async function snapshotMonth(
  db: Db,
  tenantId: number,
  planCode: string,
  month: string,
  now: Date,
): Promise<boolean> {
  const structure = await loadPlanStructure(db, tenantId, planCode);
  if (await repo.findSnapshot(db.kysely, structure.plan.id, month)) return false;
  const computed = await computeScorecards(db, tenantId, planCode, month, now.toISOString().slice(0, 10));
  return repo.insertSnapshot(db.kysely, {
    tenant_id: tenantId,
    plan_id: structure.plan.id,
    month,
    computed_at: now.toISOString(),
    weights: JSON.stringify(computed.weights),
    body: JSON.stringify(computed),
  });
}

/** The month's scorecards: the stored snapshot, or computed now for this month (or one not yet stored). */
export async function getScorecards(
  db: Db,
  caller: Caller,
  planCode: string,
  month: string | undefined,
): Promise<Scorecards> {
  const tenantId = caller.actor.tenantId;
  const today = caller.now.toISOString().slice(0, 10);
  const wanted = month ?? today.slice(0, 7);
  if (wanted > today.slice(0, 7)) {
    const message = `月份${wanted}尚未开始。 The month ${wanted} has not begun.`;
    throw badInput(message, [{ field: 'month', message }]);
  }
  const structure = await loadPlanStructure(db, tenantId, planCode);
  const stored = await repo.findSnapshot(db.kysely, structure.plan.id, wanted);
  const result: Scorecards = stored
    ? { ...(JSON.parse(stored.body) as Computed), snapshot: true, computed_at: stored.computed_at }
    : {
        ...(await computeScorecards(db, tenantId, planCode, wanted, today)),
        snapshot: false,
        computed_at: caller.now.toISOString(),
      };
  if (!caller.actor.scopedPermissions.has('task:read')) return result;
  // A department sees its own row (with its rank among all), not the others' reasons.
  const own = new Set(
    structure.departments.filter((d) => caller.actor.departmentIds.includes(d.id)).map((d) => d.code),
  );
  return { ...result, departments: result.departments.filter((d) => own.has(d.department.id)) };
}
