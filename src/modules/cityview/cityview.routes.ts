/** HTTP routes of the city cockpit, for city roles (their own tenant is the city). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  cityOverviewQuery,
  cityOverviewSchema,
  districtParams,
  districtStatusSchema,
} from '../../contracts/cityview';
import { problemResponses } from '../../contracts/common';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { todayUtc } from '../status';
import { cityOverview, districtStatus } from './cityview.service';

const overviewRoute = defineRoute('city:read', {
  method: 'get',
  path: '/api/city/overview',
  tags: ['city'],
  summary: "The city cockpit: every district's lights in total and per goal area, and what they share",
  request: { query: cityOverviewQuery },
  responses: {
    200: {
      description: 'The districts side by side',
      content: { 'application/json': { schema: cityOverviewSchema } },
    },
    ...problemResponses,
  },
});

const districtRoute = defineRoute('city:read', {
  method: 'get',
  path: '/api/city/districts/{slug}',
  tags: ['city'],
  summary: "One district's targets with their status (the city's drill-down)",
  request: { params: districtParams, query: cityOverviewQuery },
  responses: {
    200: {
      description: "The district's targets",
      content: { 'application/json': { schema: districtStatusSchema } },
    },
    ...problemResponses,
  },
});

function tenantOf(c: Context<AppEnv>): number {
  const actor = c.get('actor');
  if (actor.kind === 'anonymous') throw new AppError(401, 'Unauthorized', 'Log in first.');
  return actor.tenantId;
}

/** Mounts the city cockpit routes. */
export function cityViewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(overviewRoute, async (c) => {
    const asOf = c.req.valid('query').as_of ?? todayUtc(c.get('now')());
    return c.json(await cityOverview(c.get('reads'), tenantOf(c), asOf), 200);
  });
  app.openapi(districtRoute, async (c) => {
    const asOf = c.req.valid('query').as_of ?? todayUtc(c.get('now')());
    return c.json(await districtStatus(c.get('reads'), tenantOf(c), c.req.valid('param').slug, asOf), 200);
  });
}
