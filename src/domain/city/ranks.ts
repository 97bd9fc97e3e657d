/**
 * Ranks of districts on one indicator: competition ranking ("1224": equal values share a rank and
 * the next rank skips), the better end first by the indicator's direction; a district without a
 * value has no rank and is still listed.
 */

export type Direction = 'up' | 'down';

export interface RankInput<T> {
  readonly key: T;
  readonly value: number | null;
}

export interface Ranked<T> {
  key: T;
  value: number | null;
  /** 1 is best; null without a value. */
  rank: number | null;
  /** How many districts have a value (the field the rank is out of). */
  of: number;
}

/** Ranks values: `up` means larger is better, `down` smaller. Order: by rank, unranked last. */
export function competitionRanks<T>(items: readonly RankInput<T>[], direction: Direction): Ranked<T>[] {
  const valued = items.filter(
    (i): i is RankInput<T> & { value: number } => i.value !== null && Number.isFinite(i.value),
  );
  const better = (a: number, b: number) => (direction === 'up' ? b - a : a - b);
  const sorted = [...valued].sort((a, b) => better(a.value, b.value));
  const out: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const previous = out[i - 1];
    const rank = previous && previous.value === item.value ? (previous.rank ?? i + 1) : i + 1;
    out.push({ key: item.key, value: item.value, rank, of: sorted.length });
  });
  for (const item of items) {
    if (item.value === null || !Number.isFinite(item.value))
      out.push({ key: item.key, value: null, rank: null, of: sorted.length });
  }
  return out;
}

/** The districts ranked strictly better than `key` (an empty list when it leads or has no rank). */
export function aheadOf<T>(ranked: readonly Ranked<T>[], key: T): Ranked<T>[] {
  const own = ranked.find((r) => r.key === key);
  if (!own || own.rank === null) return [];
  const rank = own.rank;
  return ranked.filter((r) => r.rank !== null && r.rank < rank);
}
