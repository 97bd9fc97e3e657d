/** HTTP routes of the plan model: each handler validates, calls one service, returns a contract. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
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
import { defineRoute } from '../route';
import { tenantOf } from '../tenancy';
import { badInput } from '../errors';
import { callerOf } from '../caller';
import { adoptCityVersion } from './plans.city-adoption';
import {
  createDraftPlan,
  getPlanDetail,
  listObservations,
  listPlans,
  publishPlan,
  scopeOf,
} from './plans.service';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...problemResponses,
});

const listRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans',
  tags: ['plans'],
  summary: 'Plans of a tenant',
  request: { query: tenantQuery },
  responses: json(planListSchema, 'The plans'),
});

const detailRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}',
  tags: ['plans'],
  summary: 'One plan with goal areas, indicators (latest values), targets and programmes',
  request: { params: planParams, query: tenantQuery },
  responses: json(planDetailSchema, 'The plan'),
});

const partRoute = <K extends 'goal_areas' | 'indicators' | 'targets' | 'programmes'>(key: K, path: string) =>
  defineRoute('plan:read', {
    method: 'get',
    path: `/api/plans/{plan}/${path}`,
    tags: ['plans'],
    summary: `The plan's ${key.replace('_', ' ')}`,
    request: { params: planParams, query: tenantQuery },
    responses: json(z.object({ [key]: planDetailSchema.shape[key] }), `The ${key}`),
  });

const observationsRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}/observations',
  tags: ['plans'],
  summary: 'Current accepted observations, as known at a date',
  request: { params: planParams, query: tenantQuery.merge(observationsQuery) },
  responses: json(observationListSchema, 'The observations'),
});

const createRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/plans',
  tags: ['plans'],
  summary: 'Create a plan (a draft) from a plan file given as JSON, e.g. a confirmed extraction draft',
  request: { body: { content: { 'application/json': { schema: createPlanSchema } }, required: true } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: planSummarySchema } } },
    409: problemResponse('A plan with this id exists'),
    422: problemResponse('The plan file is not valid; `errors` names each field'),
  },
});

const publishRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/plans/{plan}/publish',
  tags: ['plans'],
  summary: 'Publish a draft plan (the portal then shows it)',
  request: { params: planParams },
  responses: {
    200: { description: 'Published', content: { 'application/json': { schema: planSummarySchema } } },
    ...problemResponses,
    409: problemResponse('The plan is published already'),
  },
});

const adoptRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/plans/{plan}/indicators/{indicator}/city-definition',
  tags: ['plans'],
  summary: "Move a district's indicator to the city's current version of its definition (改用新版城市口径)",
  request: {
    params: adoptionParams,
    body: { content: { 'application/json': { schema: adoptionInputSchema } }, required: true },
  },
  responses: {
    200: { description: 'Moved', content: { 'application/json': { schema: adoptionSchema } } },
    ...problemResponses,
    409: problemResponse(
      'Not the current version, adopted already, or a new unit while values are recorded in the old one',
    ),
  },
});

/** Mounts the plan routes. */
export function plansRoutes(app: OpenAPIHono<AppEnv>): void {
  // A whole plan file (the demo plan is 56 KB as YAML); larger plans than 4 MB go through the CLI.
  jsonLimit('/api/plans', 4 * 1024 * 1024);
  app.openapi(createRoute, async (c) => {
    const actor = c.get('actor');
    const tenant = await tenantOf(c, undefined);
    const result = await createDraftPlan(c.get('db'), {
      tenantSlug: tenant.slug,
      plan: c.req.valid('json').plan,
      actor,
      now: c.get('now')(),
    });
    if (!result.ok) {
      throw badInput(
        'The plan file is not valid.',
        result.problems.map((p) => ({ field: p.field, message: p.message })),
      );
    }
    return c.json(result.plan, 201);
  });

  app.openapi(publishRoute, async (c) => {
    const tenant = await tenantOf(c, undefined);
    const plan = c.req.valid('param').plan;
    return c.json(await publishPlan(c.get('db'), tenant.id, plan, c.get('actor'), c.get('now')()), 200);
  });

  app.openapi(adoptRoute, async (c) => {
    const { plan, indicator } = c.req.valid('param');
    const r = await adoptCityVersion(c.get('db'), callerOf(c), plan, indicator, c.req.valid('json').version);
    return c.json(r, 200);
  });

  app.openapi(listRoute, async (c) => {
    const db = c.get('db');
    const tenant = await tenantOf(c, c.req.valid('query').tenant);
    return c.json({ plans: await listPlans(db, tenant.id) }, 200);
  });

  app.openapi(detailRoute, async (c) => {
    const db = c.get('db');
    const tenant = await tenantOf(c, c.req.valid('query').tenant);
    return c.json(
      await getPlanDetail(db, tenant.id, c.req.valid('param').plan, scopeOf(c.get('actor'))),
      200,
    );
  });

  for (const [key, path] of [
    ['goal_areas', 'goal-areas'],
    ['indicators', 'indicators'],
    ['targets', 'targets'],
    ['programmes', 'programmes'],
  ] as const) {
    app.openapi(partRoute(key, path), async (c) => {
      const db = c.get('db');
      const tenant = await tenantOf(c, c.req.valid('query').tenant);
      const detail = await getPlanDetail(db, tenant.id, c.req.valid('param').plan, scopeOf(c.get('actor')));
      return c.json({ [key]: detail[key] } as Record<typeof key, (typeof detail)[typeof key]>, 200);
    });
  }

  app.openapi(observationsRoute, async (c) => {
    const db = c.get('db');
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const observations = await listObservations(
      db,
      tenant.id,
      c.req.valid('param').plan,
      {
        indicator: query.indicator,
        asOf: query.as_of,
      },
      scopeOf(c.get('actor')),
    );
    return c.json({ observations }, 200);
  });
}
