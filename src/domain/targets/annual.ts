/**
 * Targets held every year of a range: `annual_floor` (≥ V), `annual_cap` (≤ V), `rank` (≤ k,
 * lower is better) and `streak` (a yes/no record, 1 each year). A completed year that missed
 * decides the matter; the running year is judged year to date.
 */
import { meets, type RuleContext } from './context';
import { enText, noData, type RuleOutcome, zhText } from './explain';
import { expectedShare } from './series';
import type { PointOut, Status } from './types';

function range(ctx: RuleContext): [number, number] {
  const t = ctx.target;
  return [t.from ?? ctx.plan.start, t.to ?? t.year ?? ctx.plan.end];
}

/** Status of an annual floor, annual cap or rank target. */
export function annualRule(ctx: RuleContext): RuleOutcome {
  const { target, series, unit } = ctx;
  const rank = target.kind === 'rank';
  const cap = rank || target.kind === 'annual_cap';
  const d: 1 | -1 = cap ? -1 : 1;
  const local: RuleContext = { ...ctx, direction: d };
  const V = target.value ?? NaN;
  const [from, to] = range(ctx);
  const show = (x: number) => (rank ? `第${x}名` : zhText.observed(x, unit));
  const showEn = (x: number) => (rank ? `No. ${x}` : enText.observed(x, unit));
  const goalZh = rank ? `保持前${V}名` : `每年${cap ? '不超过' : '达到'}${zhText.observed(V, unit)}`;
  const goalEn = rank
    ? `rank ${V} or better`
    : `${cap ? 'at most' : 'at least'} ${enText.observed(V, unit)} a year`;
  const inRange = series.years.filter((p) => p.year >= from && p.year <= to);
  const expected_path: PointOut[] = [];
  for (let y = from; y <= to; y++) expected_path.push({ period: String(y), value: V });
  const aim = rank ? null : { year: to, threshold: V, direction: d };
  const lastYear = inRange.at(-1);
  const latestYear = lastYear ? { period: String(lastYear.year), value: lastYear.value } : null;
  const ratioOf = (x: number, v: number) => (x === 0 || v === 0 ? null : cap ? v / x : x / v);
  const missed = inRange.filter((p) => !meets(local, p.value, V));
  const common = { baseline: null, required_growth: null, expected_path, aim };
  if (missed[0]) {
    const m = missed[0];
    const more = missed.length > 1 ? `等${missed.length}个年份` : '';
    return {
      ...common,
      status: 'off_track',
      latest: latestYear,
      expected: V,
      ratio: ratioOf(m.value, V),
      explanation: {
        zh: `${m.year}年${more}为${show(m.value)}，未实现${goalZh}的目标`,
        en: `${m.year}${missed.length > 1 ? ` and ${missed.length - 1} more year(s)` : ''}: ${showEn(m.value)}, missing the target of ${goalEn}.`,
      },
    };
  }
  if (inRange.length === to - from + 1 && lastYear) {
    return {
      ...common,
      status: 'achieved',
      latest: latestYear,
      expected: V,
      ratio: ratioOf(lastYear.value, V),
      explanation: {
        zh: `${from}—${to}年每年均实现${goalZh}的目标`,
        en: `Every year of ${from}–${to} met the target of ${goalEn}.`,
      },
    };
  }
  const firstYear = inRange[0]?.year;
  const spanZh = lastYear
    ? firstYear === lastYear.year
      ? `${lastYear.year}年`
      : `${firstYear}—${lastYear.year}年均`
    : '';
  const doneZh = lastYear ? `${spanZh}已达标` : '';
  const doneEn = lastYear
    ? `${firstYear === lastYear.year ? '' : `${firstYear}–`}${lastYear.year} met the target`
    : '';
  const part = series.partial;
  if (part && part.year >= from && part.year <= to && part.year > (lastYear?.year ?? -Infinity)) {
    const sub = part.through.kind === 'quarter' ? 'quarter' : 'month';
    // Flows accumulate over the year: compare with the share of V normally reached by now.
    const flow = ctx.indicator?.measure === 'flow' && !rank;
    const { share, seasonal } = flow
      ? expectedShare(series, part.year, sub, part.through.index - 1)
      : { share: 1, seasonal: false };
    const expected = V * share;
    const status: Status = meets(local, part.value, expected) ? 'on_track' : 'at_risk';
    const upTo = sub === 'month' ? `1—${part.through.index}月` : `前${part.through.index}季度`;
    const how = seasonal ? '按往年进度' : '按时间进度';
    const zh = flow
      ? `${part.year}年${upTo}累计${zhText.observed(part.value, unit)}，${how}应${cap ? '不超过' : '达到'}${zhText.value(expected, unit)}（全年目标${zhText.observed(V, unit)}的${(share * 100).toFixed(0)}%）`
      : `${part.year}年${upTo}为${show(part.value)}，目标${goalZh}`;
    const en = flow
      ? `${part.year} to ${part.through.text}: ${enText.observed(part.value, unit)} against ${enText.value(expected, unit)} expected by now (${(share * 100).toFixed(0)}% of the yearly ${enText.observed(V, unit)}, ${seasonal ? 'from earlier years’ seasonal pattern' : 'by elapsed time'})`
      : `${part.through.text}: ${showEn(part.value)}; target ${goalEn}`;
    return {
      ...common,
      status,
      latest: { period: part.through.text, value: part.value },
      expected,
      ratio: ratioOf(part.value, expected),
      explanation: { zh: doneZh ? `${doneZh}；${zh}` : zh, en: `${doneEn ? `${doneEn}; ${en}` : en}.` },
    };
  }
  if (!lastYear)
    return noData(`${from}—${to}年尚无数据`, `No data for ${from}–${to} yet.`, { expected_path, aim });
  return {
    ...common,
    status: 'on_track',
    latest: latestYear,
    expected: V,
    ratio: ratioOf(lastYear.value, V),
    explanation: { zh: `${doneZh}，目标为${goalZh}`, en: `${doneEn}; target ${goalEn}.` },
  };
}

/** Status of a streak target: a yes/no record (1 or 0 each year) that must stay unbroken. */
export function streakRule(ctx: RuleContext): RuleOutcome {
  const [from, to] = range(ctx);
  const years = ctx.series.years.filter((p) => p.year >= from && p.year <= to);
  const last = years.at(-1);
  if (!last) return noData(`${from}—${to}年尚无记录`, `No record for ${from}–${to} yet.`);
  const latest = { period: String(last.year), value: last.value };
  const broken = years.find((p) => p.value < 0.5);
  const common = { latest, expected: 1, baseline: null, required_growth: null, expected_path: [], aim: null };
  if (broken) {
    return {
      ...common,
      status: 'off_track',
      ratio: 0,
      explanation: { zh: `${broken.year}年中断`, en: `The record broke in ${broken.year}.` },
    };
  }
  const complete = years.length === to - from + 1;
  return {
    ...common,
    status: complete ? 'achieved' : 'on_track',
    ratio: 1,
    explanation: {
      zh: `${years[0]?.year ?? from}—${last.year}年连续保持${complete ? '，目标实现' : ''}`,
      en: `Unbroken ${years[0]?.year ?? from}–${last.year}${complete ? '; target met' : ''}.`,
    },
  };
}
