export {
  districtSummaries,
  forgetCachedStatuses,
  getPlanStatus,
  getTargetStatus,
  todayUtc,
} from './status.service';
export { areaNames, zeroCounts, type PlanStatusSummary } from './status.summary';
export { statusRoutes } from './status.routes';
export { statusRefreshJob } from './status.jobs';
