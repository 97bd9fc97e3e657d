/**
 * Every kind of scheduled job, in the order a run takes them. A module adds its job here (see
 * README.md in this folder): `{ name, findDue(ctx) }` from its `<module>.jobs.ts`.
 */
import { dataReminderJob } from '../modules/data';
import type { JobKind } from '../modules/notify';
import { scorecardSnapshotJob } from '../modules/scorecards';
import { taskEscalationJob } from '../modules/tasks';
import { bulletinJob } from '../modules/reports';
import { statusRefreshJob } from '../modules/status';

export const jobKinds: readonly JobKind[] = [
  dataReminderJob,
  taskEscalationJob,
  scorecardSnapshotJob,
  bulletinJob,
  statusRefreshJob,
];
