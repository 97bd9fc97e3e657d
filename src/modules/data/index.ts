import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { dataValueRoutes } from './data.routes';
import { notificationRoutes } from './notifications.routes';

/** Mounts data collection (values, workflow, calendar, queue) and notifications. */
export function dataRoutes(app: OpenAPIHono<AppEnv>): void {
  dataValueRoutes(app);
  notificationRoutes(app);
}
