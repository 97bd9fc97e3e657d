/**
 * A headline figure from an indicator's series as known at the end of a month: the year-to-date
 * amount of a monthly or quarterly flow (1—10月), the latest value of a monthly stock or ratio, or
 * the latest annual value; with the same span a year before and the target it counts towards.
 */
import { parsePeriod, type Period } from '../periods';
import type { HeadlineFigure } from './types';
import { yearToDateLabel } from './month';

export interface HeadlineIndicator {
  name: string;
  unit: string;
  measure: 'flow' | 'stock' | 'ratio';
  frequency: 'annual' | 'quarterly' | 'monthly';
  direction: 'up' | 'down';
}

export interface HeadlineTarget {
  kind: string;
  value: number | null;
  year: number | null;
  from: number | null;
  to: number | null;
}

const quarterLabels = ['', '一季度', '上半年', '前三季度'];

function parsed(series: readonly { period: string; value: number }[]) {
  const out: { p: Period; value: number }[] = [];
  for (const s of series) {
    const r = parsePeriod(s.period);
    if (r.ok) out.push({ p: r.period, value: s.value });
  }
  return out;
}

/** The target a value of `year` counts towards: that year's floor, else the nearest level ahead. */
export function targetFor(
  targets: readonly HeadlineTarget[],
  year: number,
  direction: 'up' | 'down',
): { value: number; year: number } | null {
  if (direction !== 'up') return null;
  for (const t of targets) {
    if (t.kind === 'annual_floor' && t.value !== null && (t.from ?? 0) <= year && year <= (t.to ?? 9999))
      return { value: t.value, year };
  }
  const levels = targets
    .filter((t) => t.kind === 'level' && t.value !== null && t.year !== null && t.year >= year)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const level = levels[0];
  return level ? { value: level.value ?? 0, year: level.year ?? year } : null;
}

/** Null when nothing of the indicator is known by the end of the month. */
export function headlineOf(
  indicator: HeadlineIndicator,
  series: readonly { period: string; value: number }[],
  targets: readonly HeadlineTarget[],
  year: number,
  month: number,
): HeadlineFigure | null {
  const points = parsed(series).filter((s) => s.p.last <= year * 12 + month - 1);
  const base = { name: indicator.name, unit: indicator.unit, measure: indicator.measure, year };
  const sub = points.filter((s) => s.p.kind !== 'year');
  if (indicator.frequency !== 'annual' && sub.length > 0) {
    const kind = indicator.frequency === 'monthly' ? 'month' : 'quarter';
    const thisYear = sub.filter((s) => s.p.kind === kind && s.p.year === year);
    if (thisYear.length > 0) {
      const lastIndex = Math.max(...thisYear.map((s) => s.p.index));
      const lastMonth = kind === 'month' ? lastIndex : lastIndex * 3;
      const label = kind === 'month' ? yearToDateLabel(lastMonth) : (quarterLabels[lastIndex] ?? `${year}年`);
      const lastYear = new Map(
        sub.filter((s) => s.p.kind === kind && s.p.year === year - 1).map((s) => [s.p.index, s.value]),
      );
      if (indicator.measure === 'flow') {
        const value = thisYear.reduce((a, s) => a + s.value, 0);
        const prior = thisYear.map((s) => lastYear.get(s.p.index));
        const previous = prior.every((v) => v !== undefined)
          ? prior.reduce<number>((a, v) => a + (v ?? 0), 0)
          : null;
        return { ...base, label, value, previous, target: targetFor(targets, year, indicator.direction) };
      }
      const latest = thisYear.find((s) => s.p.index === lastIndex);
      return {
        ...base,
        label: kind === 'month' ? `${lastMonth}月末` : `${label}末`,
        value: latest?.value ?? 0,
        previous: lastYear.get(lastIndex) ?? null,
        target: targetFor(targets, year, indicator.direction),
      };
    }
  }
  const annual = points.filter((s) => s.p.kind === 'year').sort((a, b) => b.p.year - a.p.year);
  const latest = annual[0];
  if (!latest) return null;
  const before = annual.find((s) => s.p.year === latest.p.year - 1);
  return {
    ...base,
    label: `${latest.p.year}年`,
    value: latest.value,
    previous: before?.value ?? null,
    target: targetFor(targets, latest.p.year, indicator.direction),
  };
}
