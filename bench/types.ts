/** One benchmark figure printed beside its baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  note: string;
}
