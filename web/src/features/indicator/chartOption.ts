/** The ECharts option of an indicator: actual values, other sources, expected path, target, projection. */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts';
import type { ObservationView, TargetView } from '../../../../src/contracts/plans';
import type { TargetStatus } from '../../api';

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
  /** A level-like target on this indicator, drawn as a mark line. */
  target: TargetView | null;
  status: TargetStatus | null;
  labels: ChartLabels;
  format: (value: number) => string;
}

const colors = {
  actual: '#0f4c92',
  alternate: '#8c8c8c',
  expected: '#237a3b',
  target: '#b42318',
  band: '#d48806',
};

export function buildChartOption(input: ChartInput): EChartsOption {
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
  const at = (values: Map<string, number>) => axis.map((p) => values.get(p) ?? null);

  const actualValues = new Map(main.map((o) => [o.period, o.value]));
  const series: (LineSeriesOption | ScatterSeriesOption)[] = [
    {
      name: labels.actual,
      type: 'line',
      data: at(actualValues),
      connectNulls: true,
      symbolSize: 8,
      lineStyle: { width: 3, color: colors.actual },
      itemStyle: { color: colors.actual },
      markLine:
        target?.value != null && ['level', 'share', 'annual_floor', 'annual_cap'].includes(target.kind)
          ? {
              symbol: 'none',
              lineStyle: { color: colors.target, type: 'solid', width: 2 },
              label: {
                formatter: `${labels.target} ${input.format(target.value)}`,
                position: 'insideEndTop',
              },
              data: [{ yAxis: target.value }],
            }
          : undefined,
    },
  ];
  if (others.length)
    series.push({
      name: labels.alternate,
      type: 'scatter',
      data: others.filter((o) => axis.includes(o.period)).map((o) => [axis.indexOf(o.period), o.value]),
      symbol: 'diamond',
      symbolSize: 9,
      itemStyle: { color: colors.alternate },
    });
  if (expected.length)
    series.push({
      name: labels.expectedPath,
      type: 'line',
      data: at(new Map(expected.map((p) => [p.period, p.value]))),
      connectNulls: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: colors.expected, width: 2 },
      itemStyle: { color: colors.expected },
    });
  const last = main.at(-1);
  if (projection && last) {
    const year = String(projection.year);
    const from = (v: number) => interpolate(axis, last.period, last.value, year, v);
    series.push(
      {
        name: labels.projection,
        type: 'line',
        stack: 'band',
        data: at(from(projection.low)),
        connectNulls: true,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: colors.band },
        tooltip: { show: false },
      },
      {
        name: labels.projection,
        type: 'line',
        stack: 'band',
        data: at(interpolate(axis, last.period, 0, year, projection.high - projection.low)),
        connectNulls: true,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: colors.band, opacity: 0.2 },
        itemStyle: { color: colors.band },
        tooltip: { show: false },
      },
      {
        name: labels.projectionValue,
        type: 'line',
        data: at(from(projection.value)),
        connectNulls: true,
        showSymbol: false,
        lineStyle: { type: 'dotted', color: colors.band, width: 2 },
        itemStyle: { color: colors.band },
      },
    );
  }
  return {
    aria: { enabled: true },
    grid: { left: 16, right: 40, top: 48, bottom: 24, containLabel: true },
    legend: {
      top: 8,
      data: [...new Set(series.map((s) => String(s.name)))].map((name) =>
        name === labels.projection ? { name, icon: 'rect' } : { name },
      ),
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? input.format(v) : '—'),
    },
    xAxis: { type: 'category', data: axis, boundaryGap: false },
    yAxis: {
      type: 'value',
      name: input.unit,
      scale: true,
      // keep the target's mark line inside the plot
      max: target?.value != null ? ({ max }) => niceCeil(Math.max(max, target.value ?? max)) : undefined,
    },
    series,
  };
}

/** Round up to two significant digits so the axis ends on a readable tick: 2100 → 2200, 305 → 310. */
function niceCeil(v: number): number {
  if (v <= 0) return v;
  const step = 10 ** (Math.floor(Math.log10(v)) - 1);
  return Math.ceil((v * 1.02) / step) * step;
}

/** Annual periods as an unbroken run of years (a missing year stays a gap on the axis). */
function fillYears(periods: string[]): string[] {
  if (periods.length < 2 || !periods.every((p) => /^\d{4}$/.test(p))) return periods;
  const first = Number(periods[0]);
  const last = Number(periods.at(-1));
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** Straight-line values on every axis category from one point to another (stacked areas need them). */
function interpolate(axis: string[], p0: string, v0: number, p1: string, v1: number): Map<string, number> {
  const i0 = axis.indexOf(p0);
  const i1 = axis.indexOf(p1);
  const values = new Map<string, number>();
  if (i0 < 0 || i1 <= i0) return values;
  for (let i = i0; i <= i1; i++) values.set(axis[i] ?? '', v0 + ((v1 - v0) * (i - i0)) / (i1 - i0));
  return values;
}
