/** HTTP routes of the plan model: each handler validates, calls one service, returns a contract. */
import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { planParams, problemResponse, problemResponses, tenantQuery } from '../../contracts/common';
import { adoptionInputSchema, adoptionParams, adoptionSchema } from '../../contracts/city';
import { createPlanSchema } from '../../contracts/extract';
import {
  observationListSchema,
  observationsQuery,
  planDetailSchema,
  planListSchema,
  planSummarySchema,
} from '../../contracts/plans';
import type { AppEnv } from '../http';
import { jsonLimit } from '../json-limits';
import { created, jsonBody, ok } from '../route';
import { routesOn, type Served } from '../serve';
import { badInput } from '../errors';
import { adoptCityVersion } from './plans.city-adoption';
import {
  createDraftPlan,
  getPlanDetail,
  listObservations,
  listPlans,
  publishPlan,
  scopeOf,
} from './plans.service';

const planRequest = { params: planParams, query: tenantQuery };
const parts = [
  ['goal_areas', 'goal-areas'],
  ['indicators', 'indicators'],
  ['targets', 'targets'],
  ['programmes', 'programmes'],
] as const;

/** The plan a read names, as the caller may see it (its departments' objects only, when scoped). */
async function planDetailOf(served: {
  c: Served<RouteConfig>['c'];
  db: Served<RouteConfig>['db'];
  tenant: Served<RouteConfig>['tenant'];
  query: { tenant?: string };
  param: { plan: string };
}) {
  const { id } = await served.tenant(served.query.tenant);
  return getPlanDetail(served.db, id, served.param.plan, scopeOf(served.c.get('actor')));
}

/** Mounts the plan routes. */
export function plansRoutes(app: OpenAPIHono<AppEnv>): void {
  // A whole plan file (the demo plan is 56 KB as YAML); larger plans than 4 MB go through the CLI.
  jsonLimit('/api/plans', 4 * 1024 * 1024);
  // Creating answers no 404: its problems are its own.
  routesOn(app, ['plans'], {})
    .post('plan:write', '/api/plans', {
      summary: 'Create a plan (a draft) from a plan file given as JSON, e.g. a confirmed extraction draft',
      request: jsonBody(createPlanSchema),
      responses: {
        ...created(planSummarySchema, 'Created'),
        409: problemResponse('A plan with this id exists'),
        422: problemResponse('The plan file is not valid; `errors` names each field'),
      },
    })
    .json(201, async ({ c, db, json, tenant, now }) => {
      const { slug } = await tenant(undefined);
      const result = await createDraftPlan(db, {
        tenantSlug: slug,
        plan: json.plan,
        actor: c.get('actor'),
        now,
      });
      if (!result.ok) {
        throw badInput(
          'The plan file is not valid.',
          result.problems.map((p) => ({ field: p.field, message: p.message })),
        );
      }
      return result.plan;
    });

  const route = routesOn(app, ['plans'], problemResponses);
  route
    .post('plan:write', '/api/plans/{plan}/publish', {
      summary: 'Publish a draft plan (the portal then shows it)',
      request: { params: planParams },
      responses: {
        ...ok(planSummarySchema, 'Published'),
        409: problemResponse('The plan is published already'),
      },
    })
    .json(200, async ({ c, db, param, tenant, now }) =>
      publishPlan(db, (await tenant(undefined)).id, param.plan, c.get('actor'), now),
    );

  route
    .post('plan:write', '/api/plans/{plan}/indicators/{indicator}/city-definition', {
      summary:
        "Move a district's indicator to the city's current version of its definition (改用新版城市口径)",
      request: { params: adoptionParams, ...jsonBody(adoptionInputSchema) },
      responses: {
        ...ok(adoptionSchema, 'Moved'),
        409: problemResponse(
          'Not the current version, adopted already, or a new unit while values are recorded in the old one',
        ),
      },
    })
    .json(200, ({ db, caller, param, json }) =>
      adoptCityVersion(db, caller, param.plan, param.indicator, json.version),
    );

  route
    .get('plan:read', '/api/plans', {
      summary: 'Plans of a tenant',
      request: { query: tenantQuery },
      responses: ok(planListSchema, 'The plans'),
    })
    .json(200, async ({ db, query, tenant }) => ({
      plans: await listPlans(db, (await tenant(query.tenant)).id),
    }));

  route
    .get('plan:read', '/api/plans/{plan}', {
      summary: 'One plan with goal areas, indicators (latest values), targets and programmes',
      request: planRequest,
      responses: ok(planDetailSchema, 'The plan'),
    })
    .json(200, planDetailOf);

  for (const [key, path] of parts) {
    route
      .get('plan:read', `/api/plans/{plan}/${path}`, {
        summary: `The plan's ${key.replace('_', ' ')}`,
        request: planRequest,
        responses: ok(z.object({ [key]: planDetailSchema.shape[key] }), `The ${key}`),
      })
      .json(200, async (served) => {
        const detail = await planDetailOf(served);
        return { [key]: detail[key] };
      });
  }

  route
    .get('plan:read', '/api/plans/{plan}/observations', {
      summary: 'Current accepted observations, as known at a date',
      request: { params: planParams, query: tenantQuery.merge(observationsQuery) },
      responses: ok(observationListSchema, 'The observations'),
    })
    .json(200, async ({ c, db, query, param, tenant }) => {
      const { id } = await tenant(query.tenant);
      const filter = { indicator: query.indicator, asOf: query.as_of };
      return { observations: await listObservations(db, id, param.plan, filter, scopeOf(c.get('actor'))) };
    });
}
