/** One benchmark figure printed beside its baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  note: string;
  /** Latency figures where the benchmark has them (HTTP under wrk). */
  p99_ms?: number;
  baseline_p99_ms?: number;
}
