/**
 * Task supervision (督查督办): services and types for the server, the jobs runner, the CLI and
 * other modules, and the routes to mount. Repositories stay inside.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { breakdownRoutes } from './breakdown.routes';
import { reportRoutes } from './reports.routes';
import { redListRoutes, taskRoutes } from './tasks.routes';

export { listTasks, getTask, createTask, editTask, bulkCreateTasks } from './tasks.service';
export { stepTask, requestExtension, decideExtension, type SimpleStep } from './tasks.workflow';
export { fileReport, editReport, addReportPart, reviewReport } from './tasks.reports';
export { listAssessments, assessTarget } from './tasks.assessments';
export { taskEscalationsDue, type TaskEscalation, type EscalationStepDue } from './tasks.escalations';
export { taskEscalationJob, taskLink } from './tasks.jobs';
export { redList } from './tasks.red-list';
export {
  readPlanTasks,
  writePlanTasks,
  type PlanCodes,
  type PlanIds,
  type TasksImported,
} from './tasks.plan-file';
export type { Caller as TaskCaller } from './tasks.context';

/** Mounts the task, report and assessment routes. */
export function tasksRoutes(app: OpenAPIHono<AppEnv>): void {
  redListRoutes(app);
  breakdownRoutes(app);
  taskRoutes(app);
  reportRoutes(app);
}
export { taskScoreFacts, type TaskScoreFacts } from './tasks.score-facts';
