/** `GET /api/plans/{plan}/tasks/red-list`: 督办事项, overdue tasks and overdue reports. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams } from '../../contracts/common';
import { redListQuery, redListSchema } from '../../contracts/task-red-list';
import { reviewQueueSchema } from '../../contracts/tasks';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { redList } from './tasks.red-list';
import { reviewQueue } from './tasks.review-queue';
import { ok } from './tasks.routes';

const redListRoute = defineRoute('task:read', {
  method: 'get',
  path: '/api/plans/{plan}/tasks/red-list',
  operationId: 'taskRedList',
  tags: ['tasks'],
  summary: 'The red list (督办事项): tasks on the 督办 step, overdue tasks, overdue reports',
  request: { params: planParams, query: redListQuery },
  responses: ok(redListSchema, 'The red list as of the day'),
});

const reviewQueueRoute = defineRoute('task:supervise', {
  method: 'get',
  path: '/api/plans/{plan}/tasks/review-queue',
  operationId: 'taskReviewQueue',
  tags: ['tasks'],
  summary: 'The supervisor’s review queue (待我审核): submitted reports and pending extension requests',
  request: { params: planParams },
  responses: ok(reviewQueueSchema, 'What waits for the caller’s review, oldest first'),
});

/** Mounted before `/tasks/{task}` so `red-list` and `review-queue` are not read as a task code. */
export function redListRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(redListRoute, async (c) =>
    c.json(await redList(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('query')), 200),
  );
  app.openapi(reviewQueueRoute, async (c) =>
    c.json(await reviewQueue(c.get('db'), callerOf(c), c.req.valid('param').plan), 200),
  );
}
