/** The year of a `YYYY`, `YYYY-Qn` or `YYYY-MM` period (already validated by the schema). */
export function parsePeriodYear(period: string): number {
  return Number(period.slice(0, 4));
}
