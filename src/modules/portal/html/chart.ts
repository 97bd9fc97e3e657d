/**
 * The target chart as plain SVG, written on the server so that it is there without JavaScript.
 * Everything drawn comes from the domain's evaluation (series, expected path, projection band):
 * the portal computes no projection of its own. Written by hand rather than through ECharts'
 * SSR renderer, which took 30–40 ms a chart: a 300-target plan's static export draws 1200.
 */
import type { PublicEvaluation } from '../../../contracts/portal';
import { unitLabel } from '../../../domain/units';
import { escapeHtml as esc } from './escape';
import { formatLatestPeriod, formatNumber } from './format';
import { t, type Lang } from './i18n';

const colors = { actual: '#1d5fa8', path: '#6b7280', target: '#b42318', band: '#9ec5f0', ytd: '#8a5a00' };
const grid = { left: 56, right: 16, top: 48, bottom: 32 };
const font = 'font-family="sans-serif" font-size="12" fill="#374151"';

type Marker = 'circle' | 'diamond' | 'triangle' | 'ring' | 'dash' | 'band';

function years(e: PublicEvaluation): number[] {
  const all = [...e.series, ...e.expected_path].map((p) => Number(p.period.slice(0, 4)));
  if (e.projection) all.push(e.projection.year);
  if (e.latest) all.push(Number(e.latest.period.slice(0, 4)));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** About five round ticks covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  if (lo === hi) {
    const pad = Math.max(Math.abs(lo) * 0.1, 1);
    return ticks(lo - pad, hi + pad);
  }
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(v);
  if (out.at(-1)! < hi) out.push(out.at(-1)! + step);
  return out.map((v) => Math.round(v / step) * step);
}

const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

function marker(kind: Marker, x: number, y: number, color: string): string {
  switch (kind) {
    case 'circle':
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="3.5" fill="#fff" stroke="${color}" stroke-width="2"/>`;
    case 'ring':
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="6" fill="none" stroke="${color}" stroke-width="2"/>`;
    case 'diamond':
      return `<path d="M${f1(x)} ${f1(y - 7)}L${f1(x + 7)} ${f1(y)}L${f1(x)} ${f1(y + 7)}L${f1(x - 7)} ${f1(y)}Z" fill="${color}"/>`;
    case 'triangle':
      return `<path d="M${f1(x)} ${f1(y - 6)}L${f1(x + 6)} ${f1(y + 5)}L${f1(x - 6)} ${f1(y + 5)}Z" fill="${color}"/>`;
    case 'dash':
      return `<path d="M${f1(x - 9)} ${f1(y)}H${f1(x + 9)}" stroke="${color}" stroke-width="2" stroke-dasharray="4 3"/>`;
    case 'band':
      return `<rect x="${f1(x - 9)}" y="${f1(y - 5)}" width="18" height="10" fill="${color}" fill-opacity="0.6"/>`;
  }
}

/** Approximate width of a legend label: CJK characters are about twice as wide. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);

/** SVG markup of a target's chart, or null when there is nothing to draw. */
export function targetChartSvg(e: PublicEvaluation, lang: Lang, width = 720, height = 340): string | null {
  if (e.series.length === 0 && e.expected_path.length === 0) return null;
  const axis = years(e);
  const annual = (points: readonly { period: string; value: number }[]) =>
    points.filter((p) => p.period.length === 4).map((p) => ({ year: Number(p.period), value: p.value }));
  const actual = annual(e.series);
  const path = annual(e.expected_path);
  const p = e.projection;
  const last = actual.at(-1);
  const band = p && last ? { from: last, year: p.year, low: p.low, high: p.high } : null;
  const goal = path.at(-1) ?? null;
  const ytd =
    e.latest && e.latest.period.length > 4
      ? { year: Number(e.latest.period.slice(0, 4)), value: e.latest.value, expected: e.expected }
      : null;

  const values = [...actual, ...path].map((v) => v.value);
  if (band) values.push(band.low, band.high);
  if (ytd) values.push(ytd.value, ...(ytd.expected === null ? [] : [ytd.expected]));
  const ys = ticks(Math.min(...values), Math.max(...values));
  const lo = ys[0];
  const hi = ys.at(-1)!;
  const plotW = width - grid.left - grid.right;
  const plotH = height - grid.top - grid.bottom;
  const x = (year: number) =>
    grid.left + (axis.length === 1 ? plotW / 2 : ((year - axis[0]) * plotW) / (axis.length - 1));
  const inverse = e.kind === 'rank';
  const y = (v: number) => {
    const share = (v - lo) / (hi - lo);
    return grid.top + (inverse ? share : 1 - share) * plotH;
  };
  const line = (pts: { year: number; value: number }[]) =>
    pts.map((v, i) => `${i ? 'L' : 'M'}${f1(x(v.year))} ${f1(y(v.value))}`).join('');

  const out: string[] = [];
  // Axes, grid, labels.
  for (const v of ys) {
    out.push(
      `<path d="M${grid.left} ${f1(y(v))}H${width - grid.right}" stroke="#e5e7eb"/>`,
      `<text x="${grid.left - 6}" y="${f1(y(v) + 4)}" text-anchor="end" ${font}>${esc(formatNumber(v, lang))}</text>`,
    );
  }
  out.push(`<path d="M${grid.left} ${height - grid.bottom}H${width - grid.right}" stroke="#6b7280"/>`);
  const every = Math.ceil(axis.length / 12);
  axis.forEach((year, i) => {
    if (i % every) return;
    out.push(
      `<text x="${f1(x(year))}" y="${height - grid.bottom + 18}" text-anchor="middle" ${font}>${year}</text>`,
    );
  });
  if (e.unit) out.push(`<text x="4" y="${grid.top - 16}" ${font}>${esc(unitLabel(e.unit, lang))}</text>`);

  const legend: { name: string; kind: Marker; color: string }[] = [];
  if (band) {
    const pts = [
      `${f1(x(band.from.year))},${f1(y(band.from.value))}`,
      `${f1(x(band.year))},${f1(y(band.high))}`,
      `${f1(x(band.year))},${f1(y(band.low))}`,
    ];
    out.push(`<polygon points="${pts.join(' ')}" fill="${colors.band}" fill-opacity="0.6"/>`);
    legend.push({ name: t(lang, 'band'), kind: 'band', color: colors.band });
  }
  if (path.length) {
    out.push(
      `<path d="${line(path)}" fill="none" stroke="${colors.path}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
  }
  legend.push({ name: t(lang, 'expectedPath'), kind: 'dash', color: colors.path });
  if (actual.length) {
    out.push(`<path d="${line(actual)}" fill="none" stroke="${colors.actual}" stroke-width="3"/>`);
    for (const v of actual) out.push(marker('circle', x(v.year), y(v.value), colors.actual));
  }
  legend.push({ name: t(lang, 'actual'), kind: 'circle', color: colors.actual });
  if (goal) {
    out.push(marker('diamond', x(goal.year), y(goal.value), colors.target));
    legend.push({ name: t(lang, 'target'), kind: 'diamond', color: colors.target });
  }
  if (ytd) {
    // A year so far (monthly data under an annual target): its total beside the expected point.
    out.push(marker('triangle', x(ytd.year), y(ytd.value), colors.ytd));
    legend.push({
      name: formatLatestPeriod(e.latest!.period, e.kind, lang),
      kind: 'triangle',
      color: colors.ytd,
    });
    if (ytd.expected !== null) {
      out.push(marker('ring', x(ytd.year), y(ytd.expected), colors.path));
      legend.push({ name: t(lang, 'expected'), kind: 'ring', color: colors.path });
    }
  }
  let lx = grid.left;
  let ly = 14;
  for (const item of legend) {
    const w = 26 + textWidth(item.name) + 14;
    if (lx + w > width - grid.right && lx > grid.left) {
      lx = grid.left;
      ly += 18;
    }
    out.push(
      marker(item.kind, lx + 9, ly, item.color),
      `<text x="${lx + 22}" y="${ly + 4}" ${font}>${esc(item.name)}</text>`,
    );
    lx += w;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${out.join('')}</svg>`;
}
