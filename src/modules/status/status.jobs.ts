/**
 * Stored statuses kept current (docs/adr/0007-stored-statuses.md): on each run, every plan's
 * statuses as of the run's day are evaluated and stored unless the stored ones are still current,
 * so the first reader after a change (a cold server, the city cockpit) finds them; rows kept under
 * an older revision (never served again) are deleted, so the table holds about one revision of
 * each plan. Idempotent: a second run finds every row current and evaluates nothing.
 */
import { AppError } from '../errors';
import type { JobKind } from '../notify';
import { listPlanRefs } from '../plans';
import { getPlanStatus } from './status.service';
import { pruneStored } from './stored-statuses';

export const statusRefreshJob: JobKind = {
  name: 'status-refresh',
  findDue: () => Promise.resolve([]),
  async run({ db, today }) {
    for (const plan of await listPlanRefs(db)) {
      try {
        await getPlanStatus(db, plan.tenantId, plan.code, today);
        await pruneStored(db, plan.id, today);
      } catch (error) {
        // A plan the engine cannot evaluate answers 400 to its readers too; the others go on.
        if (!(error instanceof AppError)) throw error;
      }
    }
  },
};
