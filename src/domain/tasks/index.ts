/** Task supervision (督查督办), pure: vocabulary, report cycles, lights and escalation, workflow. */
export * from './types';
export {
  isoWeekOf,
  isoWeeksInYear,
  nextReportPeriod,
  parseReportPeriod,
  periodInSpan,
  periodOf,
  reportSchedule,
  type OwedPeriod,
  type ReportPeriod,
  type ReportPeriodResult,
} from './cycles';
export {
  evaluateTask,
  expectedPercent,
  knownReports,
  taskStateAsOf,
  type TaskEvaluation,
  type UnmetDate,
} from './evaluate';
export {
  formatTaskReason,
  type DueItem,
  type ReasonLanguage,
  type TaskReason,
  type TaskReasonCode,
} from './reasons';
export * from './workflow';
export { evaluatePlanTasks, taskFactsOf, taskReportFactsOf, taskRuleSettingsOf } from './plan';
export * from './scorecard';
export * from './breakdown';
