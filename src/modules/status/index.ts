export { evaluatePlanFile, getPlanStatus, getTargetStatus, todayUtc } from './status.service';
export { statusRoutes } from './status.routes';
