/** The indicator's line chart. ECharts is imported on mount, so it stays out of the main bundle. */
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { buildChartOption, type ChartInput } from './chartOption';

export function IndicatorChart({ input, label }: { input: ChartInput; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts').then(({ echarts }) => {
      if (disposed) return;
      const chart = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.setOption(buildChartOption(input));
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(el);
      setReady(true);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [input]);
  return (
    <div className="sx-chart-wrap">
      {!ready && <Spin className="sx-chart-spin" />}
      <div ref={ref} className="sx-chart" role="img" aria-label={label} data-testid="indicator-chart" />
    </div>
  );
}
