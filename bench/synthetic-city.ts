/**
 * The synthetic city of the benchmarks (issue 15), deterministic (a seeded generator, no clock):
 * 38 districts, each with a plan of 300 targets on 300 indicators of its own (6 goal areas, 20
 * departments, 12 programmes × 3 actions) with 10 years of monthly accepted values, a shared
 * retail-sales indicator every district reports (for ranks), and 5,000 tasks spread over the
 * actions. A bench takes the shape it needs (say, annual values where loading 1.4 million monthly
 * ones would take longer than what it measures) but the same generator, so figures compare.
 */

export interface CityShape {
  districts: number;
  targets: number;
  years: number;
  firstYear: number;
  /** Monthly values (12 a year) or one a year. */
  monthly: boolean;
  /** Tasks of each district's plan. */
  tasks: number;
}

export const fullCity: CityShape = {
  districts: 38,
  targets: 300,
  years: 10,
  firstYear: 2016,
  monthly: true,
  tasks: 5000,
};

const AREAS = 6;
const DEPARTMENTS = 20;
const PROGRAMMES = 12;
const ACTIONS = 3;

/** Park–Miller: the same numbers for the same seed on every machine. */
export function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const pad = (n: number) => String(n).padStart(2, '0');

/** The code of district `d`'s plan. */
export const districtPlanCode = (d: number) => `d${d}-plan`;

/** District `d`'s plan file (JSON) in the given shape. */
export function districtPlanFile(d: number, shape: CityShape = fullCity): string {
  const rnd = seeded(1000 + d);
  const last = shape.firstYear + shape.years - 1;
  const indicators: Record<string, unknown>[] = [
    {
      id: 'retail_sales',
      name: '社会消费品零售总额',
      unit: '亿元',
      direction: 'up',
      frequency: 'annual',
      measure: 'flow',
    },
  ];
  const targets: Record<string, unknown>[] = [];
  const observations: Record<string, unknown>[] = [];
  for (let i = 0; i < shape.targets; i++) {
    indicators.push({
      id: `i${i}`,
      name: `指标${i + 1}`,
      name_en: `Indicator ${i + 1}`,
      unit: i % 2 ? '亿元' : '万人',
      direction: 'up',
      frequency: shape.monthly ? 'monthly' : 'annual',
      measure: 'flow',
      department: `dep${i % DEPARTMENTS}`,
      goal_area: `ga${i % AREAS}`,
    });
    let level = 50 + rnd() * 100;
    const growth = 0.02 + rnd() * 0.08;
    for (let y = shape.firstYear; y <= last; y++) {
      level *= (1 + growth) * (0.98 + rnd() * 0.04);
      if (shape.monthly)
        for (let m = 1; m <= 12; m++)
          observations.push({ indicator: `i${i}`, period: `${y}-${pad(m)}`, value: round2(level / 12) });
      else observations.push({ indicator: `i${i}`, period: String(y), value: round2(level) });
    }
    targets.push({
      id: `t${i}`,
      indicator: `i${i}`,
      kind: 'level',
      value: Math.round(level * (shape.monthly ? 1 / 12 : 1) * (1.05 + rnd() * 0.3)),
      year: 2027,
      goal_area: `ga${i % AREAS}`,
      text: `目标${i + 1}：指标${i + 1}达到规划值`,
    });
  }
  for (let y = 0; y < shape.years; y++)
    observations.push({
      indicator: 'retail_sales',
      period: String(shape.firstYear + y),
      value: 500 + ((d * 37 + y * 11) % 400),
    });
  const programmes = Array.from({ length: PROGRAMMES }, (_, p) => ({
    id: `p${p + 1}`,
    number: p + 1,
    name: `举措${p + 1}`,
    actions: Array.from({ length: ACTIONS }, (_, a) => ({
      id: `p${p + 1}-a${a + 1}`,
      name: `工作举措${p + 1}.${a + 1}`,
      lead_department: `dep${(p * ACTIONS + a) % DEPARTMENTS}`,
      co_departments: [],
    })),
  }));
  const actions = programmes.flatMap((p) => p.actions);
  const tasks = Array.from({ length: shape.tasks }, (_, n) => {
    const action = actions[n % actions.length];
    const month = 1 + (n % 12);
    return {
      id: `task-${n + 1}`,
      action: action.id,
      title: `${action.name}任务${n + 1}`,
      lead_department: action.lead_department,
      start: '2026-01-01',
      due: `2026-${pad(month)}-28`,
      cycle: n % 3 === 0 ? 'monthly' : 'quarterly',
    };
  });
  return JSON.stringify({
    plan: {
      id: districtPlanCode(d),
      title: `区县${d}规划`,
      start: 2023,
      end: 2027,
      baseline_year: 2022,
      status: 'published',
    },
    departments: Array.from({ length: DEPARTMENTS }, (_, k) => ({ id: `dep${k}`, name: `第${k + 1}委办局` })),
    goal_areas: Array.from({ length: AREAS }, (_, a) => ({ id: `ga${a}`, name: `领域${a + 1}` })),
    indicators,
    targets,
    programmes,
    observations,
    tasks,
  });
}
