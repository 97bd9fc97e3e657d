/** `GET /api/plans/{plan}/scorecards?month=YYYY-MM`: the month's department ranking (考核). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponse } from '../../contracts/common';
import { scorecardQuery, scorecardsSchema } from '../../contracts/scorecards';
import type { AppEnv } from '../http';
import { ok } from '../route';
import { routesOn } from '../serve';
import { getScorecards } from './scorecards.service';

const problems = {
  400: problemResponse('Invalid month'),
  404: problemResponse('No such plan'),
  422: problemResponse('A month not yet begun'),
};

export function scorecardsRoutes(app: OpenAPIHono<AppEnv>): void {
  routesOn(app, ['tasks'], problems)
    .get('task:read', '/api/plans/{plan}/scorecards', {
      operationId: 'getScorecards',
      summary: 'Department scorecards (考核) of a month: ranking, points per part and the reason for each',
      request: { params: planParams, query: scorecardQuery },
      responses: ok(scorecardsSchema, 'The ranking'),
    })
    .json(200, ({ db, caller, param, query }) => getScorecards(db, caller, param.plan, query.month));
}
