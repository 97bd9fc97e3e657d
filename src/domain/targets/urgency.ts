/**
 * Which targets a leader should look at first: those off track, then those at risk; within each,
 * the least likely to be met first (projection probability, else the progress ratio).
 */
import type { Status } from './types';

export interface UrgencyInput {
  readonly target: string;
  readonly status: Status;
  readonly ratio: number | null;
  readonly projection: { readonly probability: number | null } | null;
}

const weight: Partial<Record<Status, number>> = { off_track: 0, at_risk: 1 };

/** Target id → rank (1 = most urgent) for the targets that need attention; others are absent. */
export function urgencyRanks(evaluations: readonly UrgencyInput[]): Map<string, number> {
  const chance = (e: UrgencyInput) => e.projection?.probability ?? e.ratio ?? 0;
  const urgent = evaluations
    .filter((e) => weight[e.status] !== undefined)
    .sort(
      (a, b) =>
        (weight[a.status] ?? 9) - (weight[b.status] ?? 9) ||
        chance(a) - chance(b) ||
        (a.ratio ?? 0) - (b.ratio ?? 0) ||
        a.target.localeCompare(b.target),
    );
  return new Map(urgent.map((e, i) => [e.target, i + 1]));
}
