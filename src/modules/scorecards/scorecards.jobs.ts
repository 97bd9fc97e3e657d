/**
 * The monthly scorecard snapshot: on each run, every plan's previous month is scored and stored
 * unless it already is (the first snapshot stays). It sends no notice; its writing is
 * idempotent, so two runners at once store one row (the unique (plan, month) key).
 */
import type { JobKind } from '../notify';
import { listPlanRefs } from '../plans';
import { snapshotMonth } from './scorecards.service';

/** The month before the one holding `day` (YYYY-MM). */
export function previousMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const scorecardSnapshotJob: JobKind = {
  name: 'scorecard-snapshots',
  findDue: () => Promise.resolve([]),
  async run({ db, now, today }) {
    for (const plan of await listPlanRefs(db)) {
      await snapshotMonth(db, plan.tenantId, plan.code, previousMonth(today), now);
    }
  },
};
