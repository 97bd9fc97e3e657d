/** `GET /api/plans/{plan}/tasks/red-list`: 督办事项, overdue tasks and overdue reports. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import { redListQuery, redListSchema } from '../../contracts/task-red-list';
import { reviewQueueSchema } from '../../contracts/tasks';
import type { AppEnv } from '../http';
import { ok } from '../route';
import { routesOn } from '../serve';
import { redList } from './tasks.red-list';
import { reviewQueue } from './tasks.review-queue';
import { problems } from './tasks.routes';

/** Mounted before `/tasks/{task}` so `red-list` and `review-queue` are not read as a task code. */
export function redListRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['tasks'], problems);
  route
    .get('task:read', '/api/plans/{plan}/tasks/red-list', {
      operationId: 'taskRedList',
      summary: 'The red list (督办事项): tasks on the 督办 step, overdue tasks, overdue reports',
      request: { params: planParams, query: redListQuery },
      responses: ok(redListSchema, 'The red list as of the day'),
    })
    .json(200, ({ db, caller, param, query }) => redList(db, caller, param.plan, query));
  route
    .get('task:supervise', '/api/plans/{plan}/tasks/review-queue', {
      operationId: 'taskReviewQueue',
      summary: 'The supervisor’s review queue (待我审核): submitted reports and pending extension requests',
      request: { params: planParams },
      responses: ok(reviewQueueSchema, 'What waits for the caller’s review, oldest first'),
    })
    .json(200, ({ db, caller, param }) => reviewQueue(db, caller, param.plan));
}
