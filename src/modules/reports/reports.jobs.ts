/**
 * The monthly bulletin job: from the first day of a month, each plan in use gets the previous
 * month's bulletin generated and archived once. The archive row is inserted only when absent —
 * its unique (tenant, plan, month) is the job's memory, as a notice key is for the other jobs —
 * so every later run, or a second runner racing the first, finds it there and writes nothing.
 * It sends no message of its own: the archive (GET /api/plans/{plan}/bulletins, the /reports page)
 * shows what it did. A month before the plan starts, or after it ends, gets no bulletin.
 */
import { previousMonth } from '../../domain/reports';
import type { JobKind } from '../notify';
import { listPlanRefs, loadPlanStructure } from '../plans';
import { archiveBulletin } from './reports.service';

export const bulletinJob: JobKind = {
  name: 'bulletin',
  async findDue({ db, today, now }) {
    const month = previousMonth(today);
    const year = Number(month.slice(0, 4));
    for (const ref of await listPlanRefs(db)) {
      const { plan } = await loadPlanStructure(db, ref.tenantId, ref.code);
      if (year < plan.start_year || year > plan.end_year) continue;
      await archiveBulletin(db, {
        tenantId: ref.tenantId,
        plan: ref.code,
        month,
        issued: today,
        at: now,
        by: null,
        origin: 'job',
        replace: false,
      });
    }
    return [];
  },
};
