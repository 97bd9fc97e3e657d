/**
 * What the indicator chart draws, from the API alone: actual values, other sources, the expected
 * path, the target line, and the engine's projection with its 80% interval at the target year.
 * Nothing here forecasts: the projection is the status route's, drawn as one point with its
 * interval (no line is drawn towards it, which would suggest a path the engine did not compute).
 */
import type { ObservationView, TargetView } from '../../../../src/contracts/plans';
import type { TargetStatus } from '../../../../src/contracts/status';

export interface ChartLabels {
  actual: string;
  alternate: string;
  expectedPath: string;
  projection: string;
  projectionValue: string;
  target: string;
}

export interface ChartInput {
  unit: string;
  observations: ObservationView[];
  /** A level-like target on this indicator, drawn as a horizontal line. */
  target: TargetView | null;
  status: TargetStatus | null;
  labels: ChartLabels;
  format: (value: number) => string;
}

export interface ChartPoint {
  /** Index on the category axis. */
  x: number;
  value: number;
}

export interface ChartLine {
  key: 'actual' | 'expected';
  name: string;
  points: ChartPoint[];
}

export interface ChartModel {
  axis: string[];
  lines: ChartLine[];
  /** Values from other sources, as separate marks. */
  alternates: ChartPoint[];
  target: { value: number; label: string } | null;
  projection: { x: number; value: number; low: number; high: number; label: string } | null;
  /** The value range the y axis must hold. */
  min: number;
  max: number;
}

const levelKinds = ['level', 'share', 'annual_floor', 'annual_cap'];

export function buildChartModel(input: ChartInput): ChartModel {
  const { observations, status, target, labels } = input;
  const stored = observations.filter((o) => !o.alternate);
  // A formula indicator stores no observations: draw the series the status route computed.
  const main: { period: string; value: number }[] = stored.length ? stored : (status?.series ?? []);
  const others = observations.filter((o) => o.alternate);
  const expected = status?.expected_path ?? [];
  const projection = status?.projection ?? null;
  const periods = new Set<string>([
    ...observations.map((o) => o.period),
    ...main.map((o) => o.period),
    ...expected.map((p) => p.period),
  ]);
  if (projection) periods.add(String(projection.year));
  if (target?.year) periods.add(String(target.year));
  const axis = fillYears([...periods].sort());
  const at = (points: readonly { period: string; value: number }[]): ChartPoint[] =>
    points
      .map((p) => ({ x: axis.indexOf(p.period), value: p.value }))
      .filter((p) => p.x >= 0)
      .sort((a, b) => a.x - b.x);

  const lines: ChartLine[] = [{ key: 'actual', name: labels.actual, points: at(main) }];
  if (expected.length) lines.push({ key: 'expected', name: labels.expectedPath, points: at(expected) });
  const targetLine =
    target?.value != null && levelKinds.includes(target.kind)
      ? { value: target.value, label: `${labels.target} ${input.format(target.value)}` }
      : null;
  const projectionMark = projection
    ? {
        x: axis.indexOf(String(projection.year)),
        value: projection.value,
        low: projection.low,
        high: projection.high,
        label: `${labels.projectionValue} ${input.format(projection.value)}`,
      }
    : null;
  const values = [
    ...lines.flatMap((l) => l.points.map((p) => p.value)),
    ...others.map((o) => o.value),
    ...(targetLine ? [targetLine.value] : []),
    ...(projectionMark ? [projectionMark.low, projectionMark.high, projectionMark.value] : []),
  ].filter(Number.isFinite);
  return {
    axis,
    lines,
    alternates: at(others),
    target: targetLine,
    projection: projectionMark && projectionMark.x >= 0 ? projectionMark : null,
    min: values.length ? Math.min(...values) : 0,
    max: values.length ? Math.max(...values) : 1,
  };
}

/** Annual periods as an unbroken run of years (a missing year stays a gap on the axis). */
function fillYears(periods: string[]): string[] {
  if (periods.length < 2 || !periods.every((p) => /^\d{4}$/.test(p))) return periods;
  const first = Number(periods[0]);
  const last = Number(periods.at(-1));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** About five round tick values covering [min, max]: 1400, 1600 … 2200. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks.at(-1) ?? max) < max) ticks.push(Number(((ticks.at(-1) ?? 0) + step).toPrecision(12)));
  return ticks;
}
