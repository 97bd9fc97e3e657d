/** HTTP routes of the city cockpit, for city roles (their own tenant is the city). */
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  cityOverviewQuery,
  cityOverviewSchema,
  districtParams,
  districtStatusSchema,
} from '../../contracts/cityview';
import { problemResponses } from '../../contracts/common';
import type { AppEnv } from '../http';
import { ok } from '../route';
import { routesOn } from '../serve';
import { todayUtc } from '../status';
import { cityOverview, districtStatus } from './cityview.service';

/** Mounts the city cockpit routes. */
export function cityViewRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['city'], problemResponses);
  route
    .get('city:read', '/api/city/overview', {
      summary: "The city cockpit: every district's lights in total and per goal area, and what they share",
      request: { query: cityOverviewQuery },
      responses: ok(cityOverviewSchema, 'The districts side by side'),
    })
    .json(200, ({ reads, caller, query, now }) =>
      cityOverview(reads, caller.actor.tenantId, query.as_of ?? todayUtc(now)),
    );
  route
    .get('city:read', '/api/city/districts/{slug}', {
      summary: "One district's targets with their status (the city's drill-down)",
      request: { params: districtParams, query: cityOverviewQuery },
      responses: ok(districtStatusSchema, "The district's targets"),
    })
    .json(200, ({ reads, caller, query, param, now }) =>
      districtStatus(reads, caller.actor.tenantId, param.slug, query.as_of ?? todayUtc(now)),
    );
}
