/** Small plan builders shared by the target tests and the worked examples of docs/methods.md. */
import type { IndicatorInput, ObservationInput, PlanInput, TargetInput } from './types';

/** The plan header of the Yuzhong seed (2023–2027, baseline 2022). */
export const yuzhongHeader = { start: 2023, end: 2027, baseline_year: 2022 };

/** An indicator with defaults (annual, up, flow). */
export function indicator(id: string, unit: string, extra: Partial<IndicatorInput> = {}): IndicatorInput {
  return { id, unit, direction: 'up', frequency: 'annual', measure: 'flow', ...extra };
}

/** Annual observations from a `{year: value}` table. */
export function annual(id: string, values: Record<number, number>): ObservationInput[] {
  return Object.entries(values).map(([year, value]) => ({ indicator: id, period: year, value }));
}

/** Monthly observations for `year`, one value per month given. */
export function monthly(id: string, year: number, values: readonly number[]): ObservationInput[] {
  return values.map((value, i) => ({
    indicator: id,
    period: `${year}-${String(i + 1).padStart(2, '0')}`,
    value,
  }));
}

/** A one-target plan. */
export function plan(
  ind: IndicatorInput | IndicatorInput[],
  target: TargetInput,
  observations: ObservationInput[],
): PlanInput {
  return {
    plan: yuzhongHeader,
    indicators: Array.isArray(ind) ? ind : [ind],
    targets: [target],
    observations,
  };
}

/** The Yuzhong GDP acceptance case: level ≥ 2100亿元 by 2027. */
export const yuzhongGdp: PlanInput = plan(
  indicator('gdp', '亿元'),
  { id: 't-gdp', indicator: 'gdp', kind: 'level', value: 2100, qualifier: 'at_least', year: 2027 },
  annual('gdp', { 2022: 1560.9, 2023: 1631.3, 2025: 1781.8 }),
);
