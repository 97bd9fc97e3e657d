/**
 * A synthetic city for tests: plan files of districts sharing indicator ids (retail sales, a
 * flow; area, a stock; output per km², a ratio of the two), loaded through the real import.
 */
import type { Db } from '../../src/db';
import { saveTenant } from '../../src/modules/city';
import { importPlanText } from '../../src/modules/plans';

export interface DistrictObservation {
  indicator: string;
  period: string;
  value: number;
  /** The day the value was published (accepted); default the import. */
  published?: string;
}

/** A district plan file (JSON) with the shared indicators and a rank target on retail sales. */
export function districtPlan(
  slug: string,
  observations: DistrictObservation[],
  opts: { rankTarget?: boolean; typedRank?: boolean } = {},
): string {
  return JSON.stringify({
    plan: { id: `${slug}-2023`, title: `${slug} plan`, start: 2023, end: 2027, baseline_year: 2022 },
    indicators: [
      {
        id: 'retail_sales',
        name: '社会消费品零售总额',
        unit: '亿元',
        direction: 'up',
        frequency: 'annual',
        measure: 'flow',
      },
      {
        id: 'area',
        name: '辖区面积',
        unit: '平方公里',
        direction: 'up',
        frequency: 'annual',
        measure: 'stock',
      },
      {
        id: 'gdp',
        name: '地区生产总值',
        unit: '亿元',
        direction: 'up',
        frequency: 'annual',
        measure: 'flow',
      },
      {
        id: 'gdp_per_km2',
        name: '地均生产总值',
        unit: '亿元/平方公里',
        direction: 'up',
        frequency: 'annual',
        measure: 'ratio',
        formula: 'gdp / area',
      },
      {
        id: 'pm25',
        name: 'PM2.5平均浓度',
        unit: '微克/立方米',
        direction: 'down',
        frequency: 'annual',
        measure: 'ratio',
      },
      ...(opts.typedRank
        ? [
            {
              id: 'retail_rank',
              name: '社会消费品零售总额全市排名',
              unit: '名',
              direction: 'down',
              frequency: 'annual',
              measure: 'stock',
            },
          ]
        : []),
    ],
    targets: opts.rankTarget
      ? [
          {
            id: 't-retail-rank',
            indicator: opts.typedRank ? 'retail_rank' : 'retail_sales',
            kind: 'rank',
            value: 1,
            from: 2023,
            to: 2027,
          },
        ]
      : [],
    observations: observations.map((o) => ({
      indicator: o.indicator,
      period: o.period,
      value: o.value,
      ...(o.published ? { published: o.published } : {}),
    })),
  });
}

/** Creates `city` and its districts, each with its plan. */
export async function seedCity(
  db: Db,
  city: string,
  districts: Record<
    string,
    { observations: DistrictObservation[]; rankTarget?: boolean; typedRank?: boolean }
  >,
): Promise<void> {
  const by = { actor: { kind: 'system' as const }, at: new Date() };
  await saveTenant(db, { slug: city, name: `${city}市` }, by);
  for (const [slug, d] of Object.entries(districts)) {
    await saveTenant(db, { slug, name: `${slug}区`, parent: city }, by);
    const r = await importPlanText(db, {
      tenantSlug: slug,
      text: districtPlan(slug, d.observations, d),
      now: new Date(),
    });
    if (!r.ok) throw new Error(`plan of ${slug}: ${JSON.stringify(r.problems[0])}`);
  }
}

/** A tenant's row id by its slug. */
export async function tenantId(db: Db, slug: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}
