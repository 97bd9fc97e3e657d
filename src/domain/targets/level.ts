/**
 * `level` targets (reach V by year T) with Open SDG's method 2 (Statistics Canada): the ratio of
 * the compound growth observed since the baseline to the compound growth the target requires.
 */
import { baselinePoint, cagr, meets, reachThreshold, type RuleContext } from './context';
import { band, enText, noData, pct, type RuleOutcome, sentence, zhText } from './explain';
import type { PointOut } from './types';

function path(x0: number, t0: number, T: number, at: (year: number) => number): PointOut[] {
  const out: PointOut[] = [];
  for (let y = t0; y <= T; y++) out.push({ period: String(y), value: y === t0 ? x0 : at(y) });
  return out;
}

/** Status of a level target. */
export function levelRule(ctx: RuleContext): RuleOutcome {
  const { target, series, unit, direction: d, settings } = ctx;
  const V = target.value ?? NaN;
  const T = target.year ?? target.to ?? ctx.plan.end;
  const last = series.years.at(-1);
  const aim = { year: T, threshold: reachThreshold(ctx, V), direction: d };
  if (!last) return noData('尚无数据', 'No data yet', { aim });
  const latest = { period: String(last.year), value: last.value };
  const t0 = target.baseline?.year ?? ctx.plan.baseline_year;
  // No observation for the baseline year: fall back to the earliest year there is.
  const first = series.years[0];
  const base = baselinePoint(ctx, t0) ?? (first && first.year < last.year ? first : null);
  const baseline = base ? { period: String(base.year), value: base.value } : null;
  const [x, t] = [last.value, last.year];
  const vZh = zhText.observed(V, unit);
  const vEn = enText.observed(V, unit);
  const common = {
    latest,
    baseline,
    aim,
    expected: null,
    ratio: null,
    required_growth: null,
    expected_path: [],
  };
  if (meets(ctx, x, V)) {
    return {
      ...common,
      status: 'achieved',
      ratio: null,
      explanation: {
        zh: `${t}年为${zhText.observed(x, unit)}，已达到${vZh}目标`,
        en: `${t} value ${enText.observed(x, unit)} has reached the target of ${vEn}.`,
      },
    };
  }
  if (t >= T || ctx.asOfYear > T) {
    return {
      ...common,
      status: 'off_track',
      explanation: {
        zh: `${t}年为${zhText.observed(x, unit)}，未达到${T}年${vZh}目标`,
        en: `${t} value ${enText.observed(x, unit)} did not reach the ${T} target of ${vEn}.`,
      },
    };
  }
  if (!base || base.year >= t) {
    return noData(
      `仅有${t}年数据，需基期和其后至少一年的数据`,
      `Only ${t} is known; progress needs a baseline and a later year.`,
      {
        latest,
        baseline,
        aim,
      },
    );
  }
  // Open SDG: a zero baseline is replaced by 0.001 so that growth rates exist.
  const x0 = base.value === 0 ? 0.001 : base.value;
  const s = Math.sign(x0);
  const rObserved = cagr(x, x0, t - base.year);
  const rRequired = cagr(V, x0, T - base.year);
  let p: number | null;
  let expectedAt: (year: number) => number;
  if (Number.isFinite(rObserved) && Number.isFinite(rRequired)) {
    p = rRequired === 0 ? null : (s * d * rObserved) / Math.abs(rRequired);
    expectedAt = (y) => x0 * (1 + rRequired) ** (y - base.year);
  } else {
    // Sign change between baseline and target: compound growth is undefined, compare slopes.
    const slopeRequired = (V - x0) / (T - base.year);
    p = slopeRequired === 0 ? null : (d * (x - x0)) / (t - base.year) / Math.abs(slopeRequired);
    expectedAt = (y) => x0 + slopeRequired * (y - base.year);
  }
  const status = p === null ? 'off_track' : band(p, settings.on_track, settings.at_risk);
  const needed = cagr(V, x, T - t);
  const required_growth = Number.isFinite(needed) ? needed * 100 : null;
  const atPace = Number.isFinite(rObserved) ? x * (1 + rObserved) ** (T - t) : NaN;
  const short = d * atPace < d * V;
  const span = `${base.year}—${t}年`;
  let zh = `${span}${zhText.growth(rObserved)}`;
  let en = `${enText.growth(rObserved)} in ${base.year}–${t}`;
  if (Number.isFinite(atPace)) {
    zh += `，按此速度${T}年约为${zhText.value(atPace, unit)}，${short ? (d > 0 ? '低于' : '高于') : '可达到'}${vZh}目标`;
    en += `; at that pace ${T} would be about ${enText.value(atPace, unit)}, ${short ? (d > 0 ? 'below' : 'above') : 'meeting'} the target of ${vEn}`;
  } else {
    zh = `${base.year}年为${zhText.observed(x0, unit)}，${t}年为${zhText.observed(x, unit)}，${T}年目标为${vZh}`;
    en = `${base.year}: ${enText.observed(x0, unit)}, ${t}: ${enText.observed(x, unit)}; the ${T} target is ${vEn}`;
  }
  if (short && required_growth !== null) {
    zh += `；此后需${zhText.growth(needed)}`;
    en += `; ${pct(needed)} a year ${needed < 0 ? 'decline ' : ''}is needed from now on`;
  }
  return {
    ...common,
    status,
    ratio: p,
    expected: expectedAt(t),
    required_growth,
    expected_path: path(x0, base.year, T, expectedAt),
    explanation: { zh, en: `${sentence(en)}.` },
  };
}
