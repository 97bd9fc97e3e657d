/**
 * HTTP routes of the cockpit: the whole plan in one read, the what-if of one target, and the plan
 * explorer (both trees of a plan with their lights, in one read).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { cockpitQuery, cockpitSchema, whatIfBody, whatIfSchema } from '../../contracts/cockpit';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { explorerSchema } from '../../contracts/explorer';
import type { AppEnv } from '../http';
import { planTargetParams } from '../params';
import { scopeOf } from '../plans';
import { jsonBody, ok } from '../route';
import { routesOn } from '../serve';
import { todayUtc } from '../status';
import { evaluateWhatIf, getCockpit } from './cockpit.service';
import { getPlanExplorer } from './explorer.service';
import { planReadOf } from './plan-request';

const cockpitRequest = { params: planParams, query: tenantQuery.merge(cockpitQuery) };

export function cockpitRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['cockpit'], problemResponses);
  route
    .get('plan:read', '/api/plans/{plan}/cockpit', {
      summary:
        "The leaders' cockpit: every target's status, urgency and key numbers, and data overdue by department",
      request: cockpitRequest,
      responses: ok(cockpitSchema, 'The cockpit'),
    })
    .json(200, async ({ c, reads, query, param }) =>
      getCockpit(reads, await planReadOf(c, query, param.plan)),
    );
  route
    .post('plan:read', '/api/plans/{plan}/targets/{target}/what-if', {
      summary:
        'Evaluate a target under an assumed growth rate or a value for a coming year (nothing is saved)',
      request: { ...cockpitRequest, params: planTargetParams, ...jsonBody(whatIfBody) },
      responses: ok(whatIfSchema, 'The evaluation under the assumption'),
    })
    .json(200, async ({ c, db, query, param, json, tenant, now }) =>
      evaluateWhatIf(db, {
        tenantId: (await tenant(query.tenant)).id,
        plan: param.plan,
        target: param.target,
        asOf: query.as_of ?? todayUtc(now),
        scope: scopeOf(c.get('actor')),
        body: json,
      }),
    );
  route
    .get('plan:read', '/api/plans/{plan}/explorer', {
      summary:
        'The plan explorer: goal area → target → indicator and programme → action → task, with status and task lights',
      request: cockpitRequest,
      responses: ok(explorerSchema, 'The two trees of the plan'),
    })
    .json(200, async ({ c, db, query, param }) =>
      getPlanExplorer(db, await planReadOf(c, query, param.plan)),
    );
}
