/** Shapes of the cockpit answer: evaluations without their long paths, overdue data by department. */
import type { Cockpit } from '../../contracts/cockpit';
import type { DataCalendar } from '../../contracts/data';
import type { TargetStatus } from '../../contracts/status';

type Department = NonNullable<Cockpit['overdue']['departments'][number]['department']>;

/** The evaluation as the cockpit shows it (the expected path stays on the indicator page). */
export function presentEvaluation(e: TargetStatus): Omit<TargetStatus, 'expected_path'> {
  const { expected_path: _path, ...rest } = e;
  return rest;
}

/** Overdue values grouped by department, the department with the most first; five oldest each. */
export function presentOverdue(
  calendar: DataCalendar,
  departments: Map<string, Department>,
): Cockpit['overdue'] {
  const groups = new Map<string, Cockpit['overdue']['departments'][number]>();
  let total = 0;
  for (const i of calendar.indicators) {
    for (const p of i.periods) {
      if (!p.overdue) continue;
      total += 1;
      const key = i.department ?? '';
      let g = groups.get(key);
      if (!g) {
        g = {
          department: i.department
            ? (departments.get(i.department) ?? { id: i.department, name: i.department, name_en: null })
            : null,
          count: 0,
          oldest_due: p.due,
          items: [],
        };
        groups.set(key, g);
      }
      g.count += 1;
      if (p.due < g.oldest_due) g.oldest_due = p.due;
      g.items.push({ indicator: i.indicator, name: i.name, period: p.period, due: p.due });
    }
  }
  const departmentsList = [...groups.values()]
    .map((g) => ({ ...g, items: g.items.sort((a, b) => a.due.localeCompare(b.due)).slice(0, 5) }))
    .sort((a, b) => b.count - a.count || a.oldest_due.localeCompare(b.oldest_due));
  return { total, departments: departmentsList };
}
