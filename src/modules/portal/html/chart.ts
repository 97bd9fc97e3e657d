/**
 * The target chart as SVG, rendered on the server by ECharts' SSR renderer so that it is there
 * without JavaScript. Everything drawn comes from the domain's evaluation (series, expected path,
 * projection band): the portal computes no projection of its own. The chart is disposed after
 * rendering, or Node keeps it (and its timers) alive.
 */
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { PublicEvaluation } from '../../../contracts/portal';
import { formatLatestPeriod } from './format';
import { t, type Lang } from './i18n';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, SVGRenderer]);

const colors = { actual: '#1d5fa8', path: '#6b7280', target: '#b42318', band: '#9ec5f0', ytd: '#8a5a00' };

function years(e: PublicEvaluation): number[] {
  const all = [...e.series, ...e.expected_path].map((p) => Number(p.period.slice(0, 4)));
  if (e.projection) all.push(e.projection.year);
  if (e.latest) all.push(Number(e.latest.period.slice(0, 4)));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** SVG markup of a target's chart, or null when there is nothing to draw. */
export function targetChartSvg(e: PublicEvaluation, lang: Lang, width = 720, height = 340): string | null {
  if (e.series.length === 0 && e.expected_path.length === 0) return null;
  const axis = years(e);
  const at = (points: readonly { period: string; value: number }[]) => {
    const byYear = new Map(
      points.filter((p) => p.period.length === 4).map((p) => [Number(p.period), p.value]),
    );
    return axis.map((y) => byYear.get(y) ?? null);
  };
  const series: echarts.EChartsCoreOption[] = [];
  const p = e.projection;
  const lastActual = e.series.at(-1);
  if (p && lastActual) {
    const from = Number(lastActual.period);
    const span = Math.max(1, p.year - from);
    // The band from the last actual value (no spread) to the domain's low–high at the target year.
    const low = axis.map((y) =>
      y < from || y > p.year ? null : lastActual.value + ((p.low - lastActual.value) * (y - from)) / span,
    );
    const width_ = axis.map((y) => (y < from || y > p.year ? null : ((p.high - p.low) * (y - from)) / span));
    series.push(
      {
        name: '_low',
        type: 'line',
        data: low,
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
      },
      {
        name: t(lang, 'band'),
        type: 'line',
        data: width_,
        stack: 'band',
        lineStyle: { opacity: 0 },
        areaStyle: { color: colors.band, opacity: 0.6 },
        symbol: 'none',
        silent: true,
      },
    );
  }
  series.push({
    name: t(lang, 'expectedPath'),
    type: 'line',
    data: at(e.expected_path),
    lineStyle: { type: 'dashed', color: colors.path },
    itemStyle: { color: colors.path },
    symbol: 'none',
    connectNulls: true,
  });
  series.push({
    name: t(lang, 'actual'),
    type: 'line',
    data: at(e.series),
    lineStyle: { color: colors.actual, width: 3 },
    itemStyle: { color: colors.actual },
    symbolSize: 7,
    connectNulls: true,
  });
  const goal = e.expected_path.at(-1);
  if (goal) {
    series.push({
      name: t(lang, 'target'),
      type: 'scatter',
      data: axis.map((y) => (String(y) === goal.period ? goal.value : null)),
      symbol: 'diamond',
      symbolSize: 14,
      itemStyle: { color: colors.target },
    });
  }
  if (e.latest && e.latest.period.length > 4) {
    // A year so far (monthly data under an annual target): its total beside the expected point.
    const y = Number(e.latest.period.slice(0, 4));
    series.push({
      name: formatLatestPeriod(e.latest.period, e.kind, lang),
      type: 'scatter',
      data: axis.map((x) => (x === y ? (e.latest?.value ?? null) : null)),
      symbol: 'triangle',
      symbolSize: 12,
      itemStyle: { color: colors.ytd },
    });
    if (e.expected !== null) {
      series.push({
        name: t(lang, 'expected'),
        type: 'scatter',
        data: axis.map((x) => (x === y ? e.expected : null)),
        symbol: 'emptyCircle',
        symbolSize: 12,
        itemStyle: { color: colors.path },
      });
    }
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      grid: { left: 56, right: 16, top: 48, bottom: 32 },
      legend: { top: 0, data: series.map((s) => s.name as string).filter((n) => n !== '_low') },
      xAxis: { type: 'category', data: axis.map(String), boundaryGap: false },
      yAxis: { type: 'value', scale: true, name: e.unit ?? '', inverse: e.kind === 'rank' },
      series,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
