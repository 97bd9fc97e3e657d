/** `GET /api/plans/{plan}/scorecards?month=YYYY-MM`: the month's department ranking (考核). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponse } from '../../contracts/common';
import { scorecardQuery, scorecardsSchema } from '../../contracts/scorecards';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { getScorecards } from './scorecards.service';

const scorecardsRoute = defineRoute('task:read', {
  method: 'get',
  path: '/api/plans/{plan}/scorecards',
  operationId: 'getScorecards',
  tags: ['tasks'],
  summary: 'Department scorecards (考核) of a month: ranking, points per part and the reason for each',
  request: { params: planParams, query: scorecardQuery },
  responses: {
    200: { description: 'The ranking', content: { 'application/json': { schema: scorecardsSchema } } },
    400: problemResponse('Invalid month'),
    401: problemResponse('Not logged in'),
    403: problemResponse('Not allowed'),
    404: problemResponse('No such plan'),
    422: problemResponse('A month not yet begun'),
  },
});

export function scorecardsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(scorecardsRoute, async (c) =>
    c.json(
      await getScorecards(c.get('db'), callerOf(c), c.req.valid('param').plan, c.req.valid('query').month),
      200,
    ),
  );
}
