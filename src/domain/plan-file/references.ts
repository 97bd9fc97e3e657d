/**
 * Cross-reference checks a schema alone cannot express: unique ids, targets and observations that
 * name known indicators, departments and goal areas that exist, years inside sensible bounds,
 * tasks under known actions (task-references.ts).
 */
import { compileFormulas } from '../formula';
import { parsePeriodYear } from './period-year';
import type { PlanFile } from './schema';
import { checkTaskReferences } from './task-references';

export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

function duplicates<T extends { id: string }>(
  list: T[],
  section: string,
  out: ReferenceProblem[],
): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) out.push({ path: [section, i, 'id'], message: `duplicate id '${item.id}'` });
    seen.add(item.id);
  });
  return seen;
}

/** Returns every reference problem in the plan, in file order. */
export function checkReferences(plan: PlanFile): ReferenceProblem[] {
  const out: ReferenceProblem[] = [];
  const departments = duplicates(plan.departments, 'departments', out);
  const goalAreas = duplicates(plan.goal_areas, 'goal_areas', out);
  const indicators = duplicates(plan.indicators, 'indicators', out);
  duplicates(plan.targets, 'targets', out);
  duplicates(plan.programmes, 'programmes', out);
  const actionIds = new Set<string>();

  const needDept = (value: string | undefined, path: (string | number)[]) => {
    if (value !== undefined && !departments.has(value))
      out.push({ path, message: `unknown department '${value}'` });
  };
  const needArea = (value: string | undefined, path: (string | number)[]) => {
    if (value !== undefined && !goalAreas.has(value))
      out.push({ path, message: `unknown goal area '${value}'` });
  };

  plan.indicators.forEach((ind, i) => {
    needDept(ind.department, ['indicators', i, 'department']);
    needArea(ind.goal_area, ['indicators', i, 'goal_area']);
  });
  // Parse errors, unknown ids, cycles and unit clashes of formulas, from the formula module.
  const formulas = compileFormulas(plan.indicators);
  plan.indicators.forEach((ind, i) => {
    const problem = formulas.problems.get(ind.id);
    if (problem) out.push({ path: ['indicators', i, 'formula'], message: problem });
  });

  plan.targets.forEach((t, i) => {
    if (t.indicator !== undefined && !indicators.has(t.indicator)) {
      out.push({ path: ['targets', i, 'indicator'], message: `unknown indicator '${t.indicator}'` });
    }
    needArea(t.goal_area, ['targets', i, 'goal_area']);
    const baselineYear = t.baseline?.year ?? t.from ?? plan.plan.baseline_year;
    const end = t.year ?? t.to;
    if (end !== undefined && end < baselineYear) {
      out.push({
        path: ['targets', i, t.year !== undefined ? 'year' : 'to'],
        message: `target year ${end} is before its baseline year ${baselineYear}`,
      });
    }
  });

  plan.programmes.forEach((p, i) => {
    p.actions.forEach((a, j) => {
      if (actionIds.has(a.id))
        out.push({ path: ['programmes', i, 'actions', j, 'id'], message: `duplicate action id '${a.id}'` });
      actionIds.add(a.id);
      needDept(a.lead_department, ['programmes', i, 'actions', j, 'lead_department']);
      (a.co_departments ?? []).forEach((d, k) =>
        needDept(d, ['programmes', i, 'actions', j, 'co_departments', k]),
      );
    });
  });

  const seenObs = new Set<string>();
  plan.observations.forEach((o, i) => {
    if (!indicators.has(o.indicator)) {
      out.push({ path: ['observations', i, 'indicator'], message: `unknown indicator '${o.indicator}'` });
    }
    const key = `${o.indicator}@${o.period}@${o.alternate ? (o.source_url ?? o.source ?? 'alternate') : 'main'}`;
    if (seenObs.has(key)) {
      out.push({
        path: ['observations', i, 'period'],
        message: `a second value of '${o.indicator}' for ${o.period}: mark the other source's value 'alternate: true'`,
      });
    }
    seenObs.add(key);
    if (parsePeriodYear(o.period) > plan.plan.end + 50) {
      out.push({
        path: ['observations', i, 'period'],
        message: `period ${o.period} is implausibly far after the plan`,
      });
    }
  });
  checkTaskReferences(plan, out);
  return out;
}
