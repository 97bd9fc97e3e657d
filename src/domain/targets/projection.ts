/**
 * Projection to the target year: an ordinary least-squares trend through the annual values —
 * log-linear (constant growth) for amounts, linear for shares, ratios and lower-is-better
 * measures, whose natural path is not compound growth — with an 80% prediction interval and the
 * probability of meeting the target from the t distribution of the residuals.
 */
import { studentTCdf, studentTQuantile } from './stats';

/** A projected value with its 80% prediction interval and the chance of meeting the target. */
export interface Projection {
  readonly year: number;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly probability: number | null;
  readonly model: 'log-linear' | 'linear';
}

/** A projection, or why there is none. */
export type ProjectionResult = { ok: true; projection: Projection } | { ok: false; reason: string };

/** What to project and what counts as meeting the target. */
export interface ProjectionRequest {
  readonly points: readonly { readonly year: number; readonly value: number }[];
  readonly year: number;
  /** The value to reach at `year`; null: no probability. */
  readonly threshold: number | null;
  /** +1: meeting means ≥ threshold; −1: ≤ threshold. */
  readonly direction: 1 | -1;
  /** Prefer a linear trend (shares, ratios, lower-is-better). */
  readonly linear: boolean;
}

/** Fit, project to `year`, and compute the chance of meeting the threshold. Needs 3 points. */
export function project(req: ProjectionRequest): ProjectionResult {
  const n = req.points.length;
  if (n < 3)
    return {
      ok: false,
      reason: `a projection needs at least 3 annual values, there ${n === 1 ? 'is' : 'are'} ${n}`,
    };
  const logModel =
    !req.linear && req.points.every((p) => p.value > 0) && (req.threshold === null || req.threshold > 0);
  const xs = req.points.map((p) => p.year);
  const ys = req.points.map((p) => (logModel ? Math.log(p.value) : p.value));
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const yMean = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - xMean;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - yMean);
  }
  if (sxx === 0) return { ok: false, reason: 'all values are for the same year' };
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (ys[i] ?? 0) - (intercept + slope * (xs[i] ?? 0));
    sse += r * r;
  }
  const df = n - 2;
  const s = Math.sqrt(sse / df);
  const fit = intercept + slope * req.year;
  // Prediction (not confidence) interval: a new year's value scatters around the trend too.
  const se = s * Math.sqrt(1 + 1 / n + (req.year - xMean) ** 2 / sxx);
  const tq = studentTQuantile(0.9, df);
  const back = (v: number) => (logModel ? Math.exp(v) : v);
  let probability: number | null = null;
  if (req.threshold !== null) {
    const thr = logModel ? Math.log(req.threshold) : req.threshold;
    const gap = req.direction * (fit - thr);
    probability = se > 1e-12 * Math.max(1, Math.abs(fit)) ? studentTCdf(gap / se, df) : gap >= 0 ? 1 : 0;
  }
  return {
    ok: true,
    projection: {
      year: req.year,
      value: back(fit),
      low: back(fit - tq * se),
      high: back(fit + tq * se),
      probability,
      model: logModel ? 'log-linear' : 'linear',
    },
  };
}
