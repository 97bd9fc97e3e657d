/** The month of a bulletin: `YYYY-MM`, its last day, and how officials name the span it closes. */

export type MonthResult = { ok: true; year: number; month: number } | { ok: false; reason: string };

export function parseMonth(text: string): MonthResult {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12)
    return { ok: false, reason: `month must be YYYY-MM, not ${JSON.stringify(text)}` };
  return { ok: true, year: Number(m[1]), month };
}

/** `2026-10` → `2026-10-31`. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The month before a day's month: `2026-12-01` → `2026-11`. */
export function previousMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** `1—10月` (an em dash, as officials write it), `1月` for January. */
export function yearToDateLabel(month: number): string {
  return month === 1 ? '1月' : `1—${month}月`;
}

/** `2026年11月5日` */
export function chineseDate(day: string): string {
  return `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}
