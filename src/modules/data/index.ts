import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { dataValueRoutes } from './data.routes';

export { loadIndicator } from './data.context';
export { canSeeDepartment, requireWriter } from './data.policy';
export { getCalendar } from './data.queries';
export { planIndicators, valueSeries, type DataIndicator } from './lookups.service';
export { warningsFor } from './data.checks';
export { notifyHeadsOfUpload, type UploadedToDepartment } from './data.upload-notices';

/** Mounts data collection (values, workflow, calendar, queue); notifications are the notify module's. */
export function dataRoutes(app: OpenAPIHono<AppEnv>): void {
  dataValueRoutes(app);
}
export { dataReminderJob } from './data.jobs';
export { dataDeadlines, type DataDeadline } from './data.deadlines';
