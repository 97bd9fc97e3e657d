/**
 * Reporting periods: a year `2024`, a quarter `2024-Q2` or a month `2024-05`. A period is a run
 * of whole months, so ordering and containment are comparisons of month numbers.
 */

/** Granularity of a period; also an indicator's reporting frequency. */
export type PeriodKind = 'year' | 'quarter' | 'month';

/** A parsed period. `first`/`last` are month ordinals (year × 12 + month − 1), inclusive. */
export interface Period {
  readonly text: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** 0 for a year, 1–4 for a quarter, 1–12 for a month. */
  readonly index: number;
  readonly first: number;
  readonly last: number;
}

/** Parse result: never an exception. */
export type PeriodResult = { ok: true; period: Period } | { ok: false; reason: string };

const cache = new Map<string, PeriodResult>();

function make(text: string, kind: PeriodKind, year: number, index: number): Period {
  const base = year * 12;
  switch (kind) {
    case 'year':
      return { text, kind, year, index, first: base, last: base + 11 };
    case 'quarter':
      return { text, kind, year, index, first: base + (index - 1) * 3, last: base + index * 3 - 1 };
    case 'month':
      return { text, kind, year, index, first: base + index - 1, last: base + index - 1 };
  }
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function parseUncached(text: string): PeriodResult {
  const bad: PeriodResult = {
    ok: false,
    reason: `period must be YYYY, YYYY-Qn or YYYY-MM, not ${JSON.stringify(text)}`,
  };
  const d = [0, 1, 2, 3].map((i) => digit(text, i));
  if (d.some((x) => x < 0)) return bad;
  const year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
  if (text.length === 4) return { ok: true, period: make(text, 'year', year, 0) };
  if (text[4] !== '-') return bad;
  if (text.length === 7 && text[5] === 'Q') {
    const q = digit(text, 6);
    return q >= 1 && q <= 4 ? { ok: true, period: make(text, 'quarter', year, q) } : bad;
  }
  if (text.length === 7) {
    const m = digit(text, 5) * 10 + digit(text, 6);
    const valid = digit(text, 5) >= 0 && digit(text, 6) >= 0 && m >= 1 && m <= 12;
    return valid ? { ok: true, period: make(text, 'month', year, m) } : bad;
  }
  return bad;
}

/**
 * Parse `YYYY`, `YYYY-Qn` or `YYYY-MM`. Results are memoised: a city's 1.4 million observations
 * use a few hundred distinct period strings.
 */
export function parsePeriod(text: string): PeriodResult {
  let r = cache.get(text);
  if (r === undefined) {
    r = parseUncached(text);
    if (cache.size < 100_000) cache.set(text, r);
  }
  return r;
}

/** The year period `YYYY`. */
export function yearPeriod(year: number): Period {
  return make(String(year), 'year', year, 0);
}

/** The `index`-th sub-period of `year` at granularity `kind` (quarter 1–4, month 1–12). */
export function subPeriod(year: number, kind: PeriodKind, index: number): Period {
  const text =
    kind === 'year'
      ? String(year)
      : kind === 'quarter'
        ? `${year}-Q${index}`
        : `${year}-${String(index).padStart(2, '0')}`;
  return make(text, kind, year, kind === 'year' ? 0 : index);
}

/** How many periods of `kind` a year holds: 1, 4 or 12. */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12;
}

/** Map an indicator frequency (annual/quarterly/monthly) to a period kind. */
export function kindOfFrequency(frequency: 'annual' | 'quarterly' | 'monthly'): PeriodKind {
  return frequency === 'annual' ? 'year' : frequency === 'quarterly' ? 'quarter' : 'month';
}

/** Order by first month, then by last month: 2024-01 < 2024-Q1 < 2024 < 2024-02. */
export function comparePeriods(a: Period, b: Period): number {
  return a.first - b.first || a.last - b.last;
}

/** `comparePeriods` of period texts (stored codes); a text that is no period sorts after, as text. */
export function comparePeriodTexts(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.ok && pb.ok) return comparePeriods(pa.period, pb.period);
  if (pa.ok !== pb.ok) return pa.ok ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when every month of `inner` lies in `outer` (a period contains itself). */
export function containsPeriod(outer: Period, inner: Period): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `m` (1–12) of `year`. */
export function daysInMonth(year: number, m: number): number {
  return m === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** ISO date `YYYY-MM-DD` for a month ordinal and day. */
export function isoDate(ordinal: number, day: number): string {
  const year = Math.floor(ordinal / 12);
  const m = ordinal - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First day of the period, ISO. */
export function periodStart(p: Period): string {
  return isoDate(p.first, 1);
}

/** Last day of the period, ISO (2024-Q1 → 2024-03-31, 2024-02 → 2024-02-29). */
export function periodEnd(p: Period): string {
  const year = Math.floor(p.last / 12);
  return isoDate(p.last, daysInMonth(year, p.last - year * 12 + 1));
}

/** Check an ISO date `YYYY-MM-DD` (a real calendar day). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Whole days from ISO date `a` to ISO date `b` (b − a), without time zones. */
export function daysBetween(a: string, b: string): number {
  const toDays = (s: string) =>
    Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
  return toDays(b) - toDays(a);
}

/** Add `days` to an ISO date. */
export function addDays(date: string, days: number): string {
  const t =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
    days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
