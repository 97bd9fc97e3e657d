/** Department scorecards (考核): monthly ranking with reasons, snapshots, the monthly job. */
export { scorecardsRoutes } from './scorecards.routes';
export { computeScorecards, getScorecards, snapshotMonth } from './scorecards.service';
export { scorecardSnapshotJob, previousMonth } from './scorecards.jobs';
