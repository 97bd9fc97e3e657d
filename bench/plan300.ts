/**
 * A district plan at its largest: 300 targets, each on its own indicator (a tenth of them
 * monthly), eight years of accepted data, six goal areas, 12 programmes × 3 actions, a task per
 * action with its reports, generated deterministically as a plan file and loaded into a fresh
 * SQLite database. Shared by the portal and cockpit benchmarks.
 */
import { migrateToLatest, openDatabase } from '../src/db';
import { importPlanText } from '../src/modules/plans';

export const PLAN300 = 'bench-300';
const TARGETS = 300;
const AREAS = ['economy', 'science', 'city', 'ecology', 'governance', 'livelihood'];
const DEPARTMENTS = 20;

function random(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The plan file (JSON) of the 300-target plan. */
export function plan300(): string {
  const rnd = random(300);
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) => ({
    id: `d${d}`,
    name: `第${d + 1}委办局`,
    name_en: `Department ${d + 1}`,
  }));
  const indicators = [];
  const targets = [];
  const observations = [];
  for (let i = 0; i < TARGETS; i++) {
    const monthly = i % 10 === 0;
    const area = AREAS[i % AREAS.length];
    indicators.push({
      id: `i${i}`,
      name: `指标${i + 1}`,
      name_en: `Indicator ${i + 1}`,
      unit: i % 2 ? '亿元' : '万人',
      direction: 'up',
      frequency: monthly ? 'monthly' : 'annual',
      measure: 'flow',
      department: `d${i % DEPARTMENTS}`,
      goal_area: area,
      source: '区统计局',
    });
    let level = 50 + rnd() * 100;
    const growth = 0.02 + rnd() * 0.08;
    for (let y = 2018; y <= 2025; y++) {
      level *= (1 + growth) * (0.98 + rnd() * 0.04);
      if (monthly) {
        for (let m = 1; m <= 12; m++) {
          const period = `${y}-${String(m).padStart(2, '0')}`;
          const published = m === 12 ? `${y + 1}-01-20` : `${y}-${String(m + 1).padStart(2, '0')}-20`;
          observations.push({
            indicator: `i${i}`,
            period,
            value: Math.round((level / 12) * 100) / 100,
            published,
          });
        }
      } else {
        observations.push({
          indicator: `i${i}`,
          period: String(y),
          value: Math.round(level * 100) / 100,
          published: `${y + 1}-03-31`,
        });
      }
    }
    targets.push({
      id: `t${i}`,
      indicator: `i${i}`,
      kind: i % 3 === 0 ? 'growth_rate' : 'level',
      ...(i % 3 === 0
        ? { value: 6, from: 2022, to: 2027 }
        : { value: Math.round(level * (1.1 + rnd() * 0.4)), year: 2027 }),
      goal_area: area,
      text: `目标${i + 1}：指标${i + 1}达到规划值`,
      text_en: `Target ${i + 1}`,
    });
  }
  const programmes = Array.from({ length: 12 }, (_, p) => ({
    id: `p${p + 1}`,
    number: p + 1,
    name: `举措${p + 1}`,
    name_en: `Programme ${p + 1}`,
    actions: Array.from({ length: 3 }, (_, a) => ({
      id: `p${p + 1}-a${a + 1}`,
      name: `工作举措${p + 1}.${a + 1}`,
      lead_department: `d${(p * 3 + a) % DEPARTMENTS}`,
      co_departments: [],
    })),
  }));
  const tasks = programmes.flatMap((p) =>
    p.actions.map((a) => ({
      id: `${a.id}-t1`,
      action: a.id,
      title: `${a.name}年度任务`,
      lead_department: a.lead_department,
      start: '2026-01-01',
      due: '2027-06-30',
      cycle: 'quarterly',
    })),
  );
  const task_reports = tasks.map((t, n) => ({
    task: t.id,
    period: '2026-Q1',
    submitted: '2026-04-03',
    percent: 10 + (n % 20),
    progress: `${t.title}进展`,
    status: 'accepted',
  }));
  return JSON.stringify({
    plan: {
      id: PLAN300,
      title: '三百项目标规划',
      start: 2023,
      end: 2027,
      baseline_year: 2022,
      status: 'published',
    },
    departments,
    goal_areas: AREAS.map((id, n) => ({ id, name: `目标领域${n + 1}`, name_en: `Goal area ${n + 1}` })),
    indicators,
    targets,
    programmes,
    observations,
    tasks,
    task_reports,
  });
}

/** A fresh SQLite file holding the 300-target plan (tenant `yuzhong`, so `serve` skips the demo). */
export async function createPlan300Db(file: string): Promise<void> {
  const db = await openDatabase(file);
  try {
    await migrateToLatest(db);
    const result = await importPlanText(db, { tenantSlug: 'yuzhong', text: plan300(), now: new Date() });
    if (!result.ok) throw new Error(`the 300-target plan is invalid: ${JSON.stringify(result.problems[0])}`);
  } finally {
    await db.close();
  }
}
