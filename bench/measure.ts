/** Timing helpers of the in-process benchmarks: the median of runs, each timed with performance.now(). */

/** The median (upper middle for an even count) of the samples; NaN when there are none. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Runs `f` `runs` times and returns the median duration in milliseconds. */
export function time(f: () => void, runs: number): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    out.push(performance.now() - start);
  }
  return median(out);
}
