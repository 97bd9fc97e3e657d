/**
 * The indicator's chart as plain SVG: actual values, other sources, the expected path, the target
 * line, and the engine's projection (a point with its 80% interval). No chart library: ECharts
 * alone would weigh more than the whole page. Every point carries a native tooltip (<title>), the
 * legend is text, and the series differ by line style and marker shape, not colour alone.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { buildChartModel, type ChartInput, niceTicks } from './chartModel';

const colors = {
  actual: '#0f4c92',
  alternate: '#5c6370',
  expected: '#237a3b',
  target: '#b42318',
  band: '#9a5b00',
  grid: '#e4e7ec',
  text: '#3d4550',
};

const height = 340;
const pad = { left: 64, right: 24, top: 34, bottom: 36 };

export function IndicatorChart({ input, label }: { input: ChartInput; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const model = useMemo(() => buildChartModel(input), [input]);
  const ticks = niceTicks(model.min, model.max);
  const lo = ticks[0] ?? model.min;
  const hi = ticks.at(-1) ?? model.max;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = Math.max(1, model.axis.length - 1);
  const x = (i: number) => pad.left + (model.axis.length === 1 ? plotW / 2 : (plotW * i) / n);
  const y = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const every = Math.max(1, Math.ceil(model.axis.length / Math.max(2, Math.floor(plotW / 56))));
  const fmt = input.format;
  const legend = [
    { key: 'actual', name: input.labels.actual, show: true },
    { key: 'expected', name: input.labels.expectedPath, show: model.lines.some((l) => l.key === 'expected') },
    { key: 'alternate', name: input.labels.alternate, show: model.alternates.length > 0 },
    { key: 'target', name: input.labels.target, show: model.target !== null },
    { key: 'projection', name: input.labels.projection, show: model.projection !== null },
  ].filter((l) => l.show);
  return (
    <div className="sx-chart-wrap" ref={ref}>
      <ul className="sx-chart-legend">
        {legend.map((l) => (
          <li key={l.key}>
            <span className={`sx-legend-mark sx-legend-${l.key}`} aria-hidden="true" />
            {l.name}
          </li>
        ))}
      </ul>
      <svg
        className="sx-chart"
        width={width}
        height={height}
        role="img"
        aria-label={label}
        data-testid="indicator-chart"
      >
        <text x={pad.left - 8} y={14} textAnchor="end" fontSize={12} fill={colors.text}>
          {input.unit}
        </text>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} stroke={colors.grid} />
            <text x={pad.left - 8} y={y(v) + 4} textAnchor="end" fontSize={12} fill={colors.text}>
              {Number(v.toPrecision(6))}
            </text>
          </g>
        ))}
        {model.axis.map((p, i) =>
          i % every === 0 || i === model.axis.length - 1 ? (
            <text
              key={p}
              x={x(i)}
              y={height - pad.bottom + 20}
              textAnchor="middle"
              fontSize={12}
              fill={colors.text}
            >
              {p}
            </text>
          ) : null,
        )}
        {model.target && (
          <g data-testid="chart-target">
            <line
              x1={pad.left}
              x2={width - pad.right}
              y1={y(model.target.value)}
              y2={y(model.target.value)}
              stroke={colors.target}
              strokeWidth={2}
            />
            <EndLabel x={width - pad.right} y={y(model.target.value) - 6} color={colors.target}>
              {model.target.label}
            </EndLabel>
          </g>
        )}
        {model.lines.map((line) => (
          <g key={line.key}>
            <polyline
              fill="none"
              stroke={line.key === 'actual' ? colors.actual : colors.expected}
              strokeWidth={line.key === 'actual' ? 3 : 2}
              strokeDasharray={line.key === 'expected' ? '6 4' : undefined}
              points={line.points.map((p) => `${x(p.x)},${y(p.value)}`).join(' ')}
            />
            {line.key === 'actual' &&
              line.points.map((p) => (
                <circle key={p.x} cx={x(p.x)} cy={y(p.value)} r={4.5} fill={colors.actual}>
                  <title>{`${model.axis[p.x]} ${line.name} ${fmt(p.value)}`}</title>
                </circle>
              ))}
          </g>
        ))}
        {model.alternates.map((p, i) => (
          <rect
            key={i}
            x={x(p.x) - 4}
            y={y(p.value) - 4}
            width={8}
            height={8}
            transform={`rotate(45 ${x(p.x)} ${y(p.value)})`}
            fill={colors.alternate}
          >
            <title>{`${model.axis[p.x]} ${input.labels.alternate} ${fmt(p.value)}`}</title>
          </rect>
        ))}
        {model.projection && (
          <g data-testid="chart-projection">
            <rect
              x={x(model.projection.x) - 10}
              y={y(model.projection.high)}
              width={20}
              height={Math.max(1, y(model.projection.low) - y(model.projection.high))}
              fill={colors.band}
              opacity={0.18}
            />
            <line
              x1={x(model.projection.x)}
              x2={x(model.projection.x)}
              y1={y(model.projection.high)}
              y2={y(model.projection.low)}
              stroke={colors.band}
              strokeWidth={2}
            />
            <rect
              x={x(model.projection.x) - 6}
              y={y(model.projection.value) - 6}
              width={12}
              height={12}
              fill="#fff"
              stroke={colors.band}
              strokeWidth={3}
            >
              <title>{`${model.axis[model.projection.x]} ${model.projection.label}（${fmt(model.projection.low)}～${fmt(model.projection.high)}）`}</title>
            </rect>
            <EndLabel x={x(model.projection.x) - 14} y={y(model.projection.low) + 16} color={colors.band}>
              {model.projection.label}
            </EndLabel>
          </g>
        )}
      </svg>
    </div>
  );
}

/** A label in the chart that ends at (x, y), in the colour of what it names. */
function EndLabel(props: { x: number; y: number; color: string; children: string }) {
  return (
    <text x={props.x} y={props.y} textAnchor="end" fontSize={12} fill={props.color}>
      {props.children}
    </text>
  );
}
