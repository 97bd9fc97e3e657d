/**
 * Gathers a bulletin's inputs as known at the end of a month, through the other modules' index
 * files only: the cockpit (targets with their lights and series, overdue data by department), the
 * plan (indicators, targets, departments) and the tasks (lights and escalation as of the day).
 */
import type { Db } from '../../db';
import type { Permission } from '../../domain/access';
import {
  headlineOf,
  monthEnd,
  parseMonth,
  type BulletinInput,
  type GoalAreaInput,
  type HeadlineFigure,
  type TaskLine,
} from '../../domain/reports';
import { getCockpit } from '../cockpit';
import { internalReader, type Caller } from '../caller';
import { badInput } from '../errors';
import { getPlanDetail, listObservations, loadPlanStructure } from '../plans';
import { getScorecards } from '../scorecards';
import { listTasks } from '../tasks';

/** At most this many figures in the overall situation: monthly flows first, then plan order. */
export const headlineLimit = 6;

export interface GatherRequest {
  tenantId: number;
  plan: string;
  /** YYYY-MM */
  month: string;
  /** The day the bulletin is issued (YYYY-MM-DD). */
  issued: string;
}

const readPermissions: Permission[] = ['plan:read', 'data:read', 'task:read', 'task:supervise'];

/** The office's own reading: the whole tenant, as of the month's last instant. */
function officeCaller(tenantId: number, asOf: string): Caller {
  return internalReader(tenantId, readPermissions, new Date(`${asOf}T23:59:59.999Z`));
}

/** Checks the month (YYYY-MM, not before the plan starts) and reads everything it needs. */
export async function gatherBulletinInput(db: Db, req: GatherRequest): Promise<BulletinInput> {
  const m = parseMonth(req.month);
  if (!m.ok) throw badInput(`--month ${req.month}: ${m.reason}`);
  const structure = await loadPlanStructure(db, req.tenantId, req.plan);
  if (m.year < structure.plan.start_year)
    throw badInput(`--month ${req.month}: before the plan starts (${structure.plan.start_year})`);
  const asOf = monthEnd(m.year, m.month);
  const caller = officeCaller(req.tenantId, asOf);
  const [cockpit, detail, observations, tasks, scorecards] = await Promise.all([
    getCockpit(db, { tenantId: req.tenantId, plan: req.plan, asOf, caller, scope: null }),
    getPlanDetail(db, req.tenantId, req.plan),
    listObservations(db, req.tenantId, req.plan, { asOf }),
    allTasks(db, caller, req.plan, asOf),
    getScorecards(db, caller, req.plan, req.month),
  ]);
  const seriesOf = new Map<string, { period: string; value: number }[]>();
  for (const o of observations) {
    if (o.alternate) continue;
    const list = seriesOf.get(o.indicator) ?? [];
    list.push({ period: o.period, value: o.value });
    seriesOf.set(o.indicator, list);
  }
  // A formula indicator's values are computed: its target's evaluated series has them.
  const evaluated = new Map(
    cockpit.targets.flatMap((t) => (t.indicator ? [[t.indicator.id, t.evaluation.series]] : [])),
  );
  const indicators = new Map(detail.indicators.map((i) => [i.id, i]));
  const headlines: HeadlineFigure[] = [];
  const seen = new Set<string>();
  const ordered = [...detail.targets].sort(
    (a, b) =>
      Number(indicators.get(b.indicator ?? '')?.frequency !== 'annual') -
      Number(indicators.get(a.indicator ?? '')?.frequency !== 'annual'),
  );
  for (const t of ordered) {
    const i = t.indicator ? indicators.get(t.indicator) : undefined;
    // A rank (名) is not an amount to complete: it stays in its goal area's table.
    if (!i || i.unit === '名' || seen.has(i.id) || headlines.length >= headlineLimit) continue;
    seen.add(i.id);
    const own = detail.targets.filter((x) => x.indicator === i.id);
    const f = headlineOf(
      i,
      (i.formula ? evaluated.get(i.id) : undefined) ?? seriesOf.get(i.id) ?? [],
      own,
      m.year,
      m.month,
    );
    if (f) headlines.push(f);
  }
  const sourceOf = (id: string | null) => (id ? (indicators.get(id)?.source ?? null) : null);
  const goalAreas: GoalAreaInput[] = cockpit.goal_areas.map((a) => ({ id: a.id, name: a.name, targets: [] }));
  const other: GoalAreaInput = { id: '', name: '其他', targets: [] };
  for (const t of cockpit.targets) {
    const area = goalAreas.find((a) => a.id === t.goal_area) ?? other;
    area.targets.push({
      id: t.id,
      text: t.text ?? t.indicator?.name ?? t.id,
      indicator: t.indicator?.name ?? null,
      indicatorId: t.indicator?.id ?? null,
      unit: t.indicator?.unit ?? null,
      status: t.evaluation.status,
      latest: t.evaluation.latest,
      explanation: t.evaluation.explanation.zh,
      department: t.department?.name ?? null,
      source: sourceOf(t.indicator?.id ?? null),
    });
  }
  if (other.targets.length > 0) goalAreas.push(other);
  const office = (structure.plan.settings?.bulletin as { office?: unknown } | undefined)?.office;
  return {
    month: req.month,
    asOf,
    issued: req.issued,
    office: typeof office === 'string' && office.trim() ? office : '区政府督查室',
    plan: { id: cockpit.plan.id, title: cockpit.plan.title },
    headlines,
    goalAreas,
    programmes: cockpit.programmes.map((p) => ({ id: p.id, number: p.number, name: p.name })),
    tasks,
    overdueReports: cockpit.overdue.departments.map((d) => ({
      department: d.department ? { code: d.department.id, name: d.department.name } : null,
      count: d.count,
      oldestDue: d.oldest_due,
      items: d.items.map((x) => ({ name: x.name, period: x.period, due: x.due })),
    })),
    departments: structure.departments.map((d) => ({ code: d.code, name: d.name })),
    nextSteps: [],
    scorecard: scorecards.departments.map((d) => ({
      code: d.department.id,
      name: d.department.name,
      rank: d.rank,
      score: d.total,
      reasons: [
        ...d.parts.filter((p) => p.due > 0).map(shortReason),
        ...(d.deduction.notices > 0 ? [`督办${d.deduction.notices}次扣${d.deduction.points}分`] : []),
      ].join('；'),
    })),
    indicators: detail.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      frequency: i.frequency,
      department: i.department?.name ?? null,
      source: i.source,
      values: seriesOf.get(i.id) ?? [],
    })),
  };
}

async function allTasks(db: Db, caller: Caller, plan: string, asOf: string): Promise<TaskLine[]> {
  const out: TaskLine[] = [];
  for (let page = 1; ; page++) {
    const list = await listTasks(db, caller, plan, { as_of: asOf, page, page_size: 200 });
    for (const t of list.tasks) {
      out.push({
        id: t.id,
        title: t.title,
        programme: t.programme,
        department: t.lead_department ? { code: t.lead_department.id, name: t.lead_department.name } : null,
        light: t.light,
        state: t.state,
        percent: t.percent,
        expected: t.expected_percent,
        escalation: t.escalation,
        due: t.due,
        reasons: t.reasons.map((r) => r.zh),
      });
    }
    if (page * 200 >= list.total) return out;
  }
}

/** `数据按时报送0/1（0%），未按时：gdp 2025` from a scorecard part's long reason. */
function shortReason(part: { reason: { zh: string } }): string {
  const text = part.reason.zh;
  const head = (text.split('×')[0] ?? text).trim();
  const missed = /；(未按时：[^。]*)/.exec(text)?.[1];
  return missed ? `${head}，${missed}` : head;
}
