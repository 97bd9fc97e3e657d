/** Task supervision (督查督办): services and types for other modules, jobs and the CLI; routes to mount. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { reportRoutes } from './reports.routes';
import { taskRoutes } from './tasks.routes';

export { listTasks, getTask, createTask, editTask, bulkCreateTasks } from './tasks.service';
export { stepTask, requestExtension, decideExtension, type SimpleStep } from './tasks.workflow';
export { fileReport, editReport, addReportPart, reviewReport } from './tasks.reports';
export { listAssessments, assessTarget } from './tasks.assessments';
export type { Caller as TaskCaller } from './tasks.context';

/** Mounts the task, report and assessment routes. */
export function tasksRoutes(app: OpenAPIHono<AppEnv>): void {
  taskRoutes(app);
  reportRoutes(app);
}
export { taskEscalationsDue, type TaskEscalation, type EscalationStepDue } from './tasks.escalations';
