/**
 * A `rank` target on a shared indicator (社零总额保持全市第一: indicator retail_sales, value 1),
 * evaluated on the district's ranks computed from every district's accepted data: each year's
 * rank is an observation of "rank" (lower is better), judged by the ordinary annual rank rule,
 * and the explanation names the districts ahead in the latest year. Pure.
 */
import { evaluateTarget, type PlanHeaderInput, type TargetEvaluation, type TargetInput } from '../targets';
import { formatChinese, formatEnglish } from '../units';

export interface ComputedRank {
  period: string;
  rank: number;
  of: number;
  value: number;
  ahead: readonly { name: string; value: number }[];
  missing: readonly string[];
  late: boolean;
}

export interface RankContext {
  /** The city's name (重庆市), or null when the plan's tenant has no city. */
  city: string | null;
  /** The unit of the ranked indicator's values (亿元). */
  unit: string;
  points: readonly ComputedRank[];
}

const annual = /^\d{4}$/;

function aheadText(p: ComputedRank, unit: string): { zh: string; en: string } {
  const shown = p.ahead.slice(0, 5);
  const more = p.ahead.length - shown.length;
  const zh = shown.map((a) => `${a.name}（${formatChinese(a.value, unit)}）`).join('、');
  const en = shown.map((a) => `${a.name} (${formatEnglish(a.value, unit)})`).join(', ');
  return {
    zh: `；领先于本区的：${zh}${more > 0 ? `等${p.ahead.length}个` : ''}`,
    en: `; ahead: ${en}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

/** Evaluates `target` (kind rank) on computed ranks as of `asOf` (YYYY-MM-DD). */
export function evaluateComputedRank(
  target: TargetInput,
  plan: PlanHeaderInput,
  ctx: RankContext,
  asOf: string,
): TargetEvaluation {
  const indicator = {
    id: target.indicator ?? '',
    unit: '名',
    direction: 'down' as const,
    frequency: 'annual' as const,
    measure: 'stock' as const,
  };
  const points = ctx.points.filter((p) => annual.test(p.period));
  const evaluation = evaluateTarget(
    target,
    {
      plan,
      indicator,
      observations: points.map((p) => ({ indicator: indicator.id, period: p.period, value: p.rank })),
      problem: ctx.city === null ? 'the plan’s tenant has no city to be ranked in' : null,
    },
    asOf,
  );
  if (ctx.city === null) {
    return {
      ...evaluation,
      explanation: {
        zh: '本区未归属任何城市，无法由各区县数据计算排名',
        en: 'This district belongs to no city, so its rank cannot be computed from the districts’ data.',
      },
    };
  }
  const last = points.filter((p) => Number(p.period) <= Number(asOf.slice(0, 4))).at(-1);
  if (!last) return evaluation;
  const zh = [`${last.period}年在${ctx.city}${last.of}个有数据的区县中居第${last.rank}名`];
  const en = [`${last.period}: No. ${last.rank} of the ${last.of} districts of ${ctx.city} with data`];
  if (last.ahead.length > 0) {
    const a = aheadText(last, ctx.unit);
    zh.push(a.zh);
    en.push(a.en);
  }
  if (last.missing.length > 0) {
    zh.push(`；尚无数据：${last.missing.join('、')}`);
    en.push(`; no data yet: ${last.missing.join(', ')}`);
  }
  if (last.late) {
    zh.push('；本区数据逾期报送');
    en.push('; this district’s value came in late');
  }
  return {
    ...evaluation,
    explanation: {
      zh: `${evaluation.explanation.zh}。${zh.join('')}`,
      en: `${evaluation.explanation.en.replace(/\.$/, '')}. ${en.join('')}.`,
    },
  };
}
