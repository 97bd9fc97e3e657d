/**
 * The supervisor's view of the district's reporting (报送情况): per department, each value owed
 * since the plan's start as on time, late or missing, from the same calendar the reporters see;
 * and 催报, a message to a department that has values missing.
 */
import type { DataDistrict } from '../../contracts/data';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { notFound } from '../errors';
import { recordNotifications } from '../notify';
import { headsOf, reportingPeriods } from './data.queries';
import * as repo from './data.repository';
import { firstArrivals, workflowRows } from '../observations';
import type { Caller } from '../caller';
import { loadPlan } from './data.context';
import { requireSupervisor } from './data.policy';

type Department = DataDistrict['departments'][number];
type Item = Department['items'][number];

const reported = new Set(['submitted', 'approved', 'accepted']);
const order: Record<Item['state'], number> = { missing: 0, late: 1, pending: 2, on_time: 3 };

/** Every department with indicators to report, with its on-time, late and missing values. */
export async function getDistrict(db: Db, caller: Caller, planCode: string, year?: number): Promise<DataDistrict> {
  requireSupervisor(caller.actor);
  const plan = await loadPlan(db, caller, planCode);
  const today = caller.now.toISOString().slice(0, 10);
  const indicators = (await repo.listIndicators(db.kysely, plan.id, null)).filter(
    (i) => !i.formula && i.department_code !== null,
  );
  const ids = indicators.map((i) => i.id);
  const heads = headsOf(await workflowRows(db.kysely, ids, plan.start_year));
  const arrivals = new Map(
    (await firstArrivals(db.kysely, ids, plan.start_year)).map((r) => [`${r.indicator_id}|${r.period}`, String(r.first_at)]),
  );
  const byDept = new Map<string, Department>();
  for (const i of indicators) {
    const code = i.department_code ?? '';
    const d =
      byDept.get(code) ??
      ({ department: code, department_name: i.department_name ?? code, department_name_en: i.department_name_en, state: 'on_time', on_time: 0, late: 0, missing: 0, pending: 0, items: [] });
    byDept.set(code, d);
    for (const p of reportingPeriods(plan, i, today, heads)) {
      if (p.standing === 'running' || (year !== undefined && !p.period.startsWith(String(year)))) continue;
      const arrived = reported.has(p.status) ? (arrivals.get(`${i.id}|${p.period}`) ?? null) : null;
      const state: Item['state'] = reported.has(p.status)
        ? arrived !== null && arrived.slice(0, 10) > p.due
          ? 'late'
          : 'on_time'
        : p.due < today
          ? 'missing'
          : 'pending';
      d[state]++;
      d.items.push({ indicator: i.code, indicator_name: i.name, period: p.period, due: p.due, state, arrived });
    }
  }
  const departments = [...byDept.values()].filter((d) => d.items.length > 0);
  for (const d of departments) {
    d.state = d.missing > 0 ? 'missing' : d.late > 0 ? 'late' : 'on_time';
    d.items.sort((a, b) => order[a.state] - order[b.state] || a.due.localeCompare(b.due));
  }
  departments.sort((a, b) => order[a.state] - order[b.state] || b.missing - a.missing || a.department.localeCompare(b.department));
  return { today, departments };
}

/** 催报: tells a department (its inbox) what it has missing; audited. */
export async function urgeDepartment(db: Db, caller: Caller, planCode: string, input: { department: string; note?: string | null }) {
  requireSupervisor(caller.actor);
  const dept = await repo.findDepartment(db.kysely, caller.actor.tenantId, input.department);
  if (!dept) throw notFound(`department '${input.department}'`);
  const district = await getDistrict(db, caller, planCode);
  const missing = district.departments.find((d) => d.department === dept.code)?.missing ?? 0;
  const by = caller.actor.kind === 'user' ? await repo.displayNameOf(db.kysely, caller.actor.userId) : null;
  await db.kysely.transaction().execute(async (trx) => {
    await recordNotifications(trx, [
      {
        tenantId: caller.actor.tenantId,
        userId: null,
        departmentId: dept.id,
        kind: 'data.urged',
        payload: { plan: planCode, department: dept.code, department_name: dept.name, department_name_en: dept.name_en, missing, by, note: input.note ?? null, link: '/data' },
        at: caller.now.toISOString(),
      },
    ]);
    await writeAudit(trx, {
      tenantId: caller.actor.tenantId,
      actor: caller.actor,
      action: 'data.urge',
      objectType: 'department',
      objectId: dept.code,
      after: { missing, plan: planCode },
      reason: input.note ?? undefined,
      sourceIp: caller.sourceIp,
      outcome: 'success',
      at: caller.now,
    });
  });
  return { department: dept.code, department_name: dept.name, missing };
}
