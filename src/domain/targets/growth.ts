/**
 * `growth_rate` targets (年均增长 g% from t0 to T). 年均增长 is compound, not the mean of yearly
 * rates: r = (x_t / x_0)^(1/(t − t0)) − 1, and progress is p = r / g.
 */
import { baselinePoint, cagr, type RuleContext } from './context';
import { band, enText, noData, pct, type RuleOutcome, sentence, zhText } from './explain';
import type { PointOut, Status } from './types';

/** Status of a growth-rate target. */
export function growthRule(ctx: RuleContext): RuleOutcome {
  const { target, series, unit, settings } = ctx;
  const g = (target.value ?? NaN) / 100;
  const atMost = target.qualifier === 'at_most';
  const T = target.to ?? target.year ?? ctx.plan.end;
  const t0 = target.baseline?.year ?? target.from ?? ctx.plan.baseline_year;
  const base = baselinePoint(ctx, t0);
  const last = series.years.at(-1);
  const aimValue = base ? base.value * (1 + g) ** (T - t0) : null;
  const aim = { year: T, threshold: aimValue, direction: atMost ? -1 : 1 } as const;
  const baseline = base ? { period: String(base.year), value: base.value } : null;
  if (!last) return noData('尚无数据', 'No data yet', { baseline, aim });
  const latest = { period: String(last.year), value: last.value };
  if (!base || last.year <= base.year) {
    return noData(`缺少${t0}年基期或其后的数据`, `Needs the ${t0} baseline and a later year.`, {
      latest,
      baseline,
      aim,
    });
  }
  const x0 = base.value;
  const r = cagr(last.value, x0, last.year - base.year);
  const gText = `${(g * 100).toFixed(1).replace(/\.0$/, '')}%`;
  if (!Number.isFinite(r)) {
    return noData(
      `${base.year}—${last.year}年数值变号，无法计算年均增长`,
      `Values change sign in ${base.year}–${last.year}; no compound growth rate.`,
      {
        latest,
        baseline,
        aim,
      },
    );
  }
  // An at_most target (增速控制在g%以内) is met when r ≤ g.
  const met = atMost ? r <= g : r >= g;
  const p = atMost ? (r <= g ? 1 : g > 0 && r > 0 ? g / r : 0) : g === 0 ? (r >= 0 ? 1 : 0) : r / g;
  const done = last.year >= T;
  let status: Status;
  if (done) status = met ? 'achieved' : 'off_track';
  else if (ctx.asOfYear > T && !met) status = 'off_track';
  else status = band(p, settings.on_track, settings.at_risk);
  const expectedAt = (y: number) => x0 * (1 + g) ** (y - base.year);
  const expected_path: PointOut[] = [];
  for (let y = base.year; y <= T; y++) expected_path.push({ period: String(y), value: expectedAt(y) });
  const needed = !done && aimValue !== null ? cagr(aimValue, last.value, T - last.year) : NaN;
  const span = `${base.year}—${last.year}年`;
  let zh = `${span}${zhText.growth(r)}，目标为年均增长${gText}${atMost ? '以内' : '以上'}`;
  let en = `${sentence(r < 0 ? `fell ${pct(r)}` : `grew ${pct(r)}`)} a year in ${base.year}–${last.year} against a target of ${atMost ? 'at most' : 'at least'} ${gText} a year`;
  if (Number.isFinite(needed) && aimValue !== null && !met) {
    zh += `；${T}年需达到${zhText.value(aimValue, unit)}，此后需${zhText.growth(needed)}`;
    en += `; reaching ${enText.value(aimValue, unit)} by ${T} needs ${pct(needed)} a year from now on`;
  } else if (done) {
    zh += `；${last.year}年为${zhText.observed(last.value, unit)}`;
    en += `; ${last.year}: ${enText.observed(last.value, unit)}`;
  }
  return {
    status,
    latest,
    baseline,
    expected: expectedAt(last.year),
    ratio: p,
    required_growth: Number.isFinite(needed) ? needed * 100 : null,
    expected_path,
    explanation: { zh, en: `${en}.` },
    aim,
  };
}
