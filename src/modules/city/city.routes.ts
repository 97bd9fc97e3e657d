/**
 * HTTP routes of the city tier: the administrator's tenants (their own and below), and the city
 * views — districts ranked on a shared indicator, the city's roll-up — for city roles, whose own
 * tenant is the city.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problemResponse } from '../../contracts/common';
import {
  definitionInputSchema,
  definitionPublishedSchema,
  definitionsSchema,
  ranksQuery,
  ranksSchema,
  rollupQuery,
  rollupSchema,
  tenantCreateSchema,
  tenantEntrySchema,
  tenantListSchema,
  tenantParams,
  tenantUpdateSchema,
} from '../../contracts/city';
import { clientAddress } from '../auth';
import { AppError } from '../errors';
import type { AppEnv } from '../http';
import { defineRoute, jsonBody as body, jsonContent as ok } from '../route';
import { cityOfCaller } from './city.service';
import { listDefinitions, publishDefinition } from './definitions.service';
import { cityRanks } from './ranks.service';
import { cityRollup } from './rollup.service';
import { listTenants, saveTenant } from './tenants.service';

const problems = {
  400: problemResponse('Invalid or unknown fields'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found'),
  409: problemResponse('Conflicts with the current state'),
  422: problemResponse('Refused by a rule (bad slug, unknown parent, cycle)'),
} as const;

const listRoute = defineRoute('user:admin', {
  method: 'get',
  path: '/api/tenants',
  tags: ['city'],
  summary: "The administrator's tenant and the tenants below it (a city's districts)",
  responses: { 200: ok(tenantListSchema, 'The tenants'), ...problems },
});

const createRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/tenants',
  tags: ['city'],
  summary: "Create a tenant below the administrator's own (a district of the city)",
  request: body(tenantCreateSchema),
  responses: { 201: ok(tenantEntrySchema, 'Created'), ...problems },
});

const updateRoute = defineRoute('user:admin', {
  method: 'patch',
  path: '/api/tenants/{slug}',
  tags: ['city'],
  summary: 'Rename a tenant or move it under another (never into a cycle)',
  request: { params: tenantParams, ...body(tenantUpdateSchema) },
  responses: { 200: ok(tenantEntrySchema, 'Updated'), ...problems },
});

const ranksRoute = defineRoute('city:read', {
  method: 'get',
  path: '/api/city/ranks',
  tags: ['city'],
  summary: "The city's districts ranked on an indicator they share, from accepted data",
  request: { query: ranksQuery },
  responses: { 200: ok(ranksSchema, 'Ranks (ties share a rank; no data, no rank)'), ...problems },
});

const rollupRoute = defineRoute('city:read', {
  method: 'get',
  path: '/api/city/rollup',
  tags: ['city'],
  summary:
    "The city's figure from its districts': flows and stocks summed, ratios recomputed from their parts",
  request: { query: rollupQuery },
  responses: { 200: ok(rollupSchema, 'The roll-up with each district and its share'), ...problems },
});

const definitionsRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/city/definitions',
  tags: ['city'],
  summary:
    "The city's indicator definitions (统一指标口径), current versions, with where the caller's plans depart from them",
  responses: { 200: ok(definitionsSchema, 'Definitions (none when the tenant has no city)'), ...problems },
});

const publishDefinitionRoute = defineRoute('plan:write', {
  method: 'post',
  path: '/api/city/definitions',
  tags: ['city'],
  summary: 'Publish an indicator definition of the city: a changed field makes a new version',
  request: body(definitionInputSchema),
  responses: {
    200: ok(definitionPublishedSchema, 'Unchanged: the current version already says this'),
    201: ok(definitionPublishedSchema, 'A new version'),
    ...problems,
  },
});

function who(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (actor.kind === 'anonymous') throw new AppError(401, 'Unauthorized', 'Log in first.');
  return { actor, at: c.get('now')(), address: clientAddress(c) };
}

/** Mounts the city routes. */
export function cityRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const by = who(c);
    return c.json({ tenants: await listTenants(c.get('db'), by.actor.tenantId) }, 200);
  });

  app.openapi(createRoute, async (c) => {
    const by = who(c);
    const input = c.req.valid('json');
    const { tenant } = await saveTenant(
      c.get('db'),
      { slug: input.slug, name: input.name, nameEn: input.name_en, parent: input.parent ?? null },
      by,
      { mode: 'create', within: by.actor.tenantId, defaultParentId: by.actor.tenantId },
    );
    return c.json(tenant, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const by = who(c);
    const input = c.req.valid('json');
    const { tenant } = await saveTenant(
      c.get('db'),
      { slug: c.req.valid('param').slug, name: input.name, nameEn: input.name_en, parent: input.parent },
      by,
      { mode: 'update', within: by.actor.tenantId },
    );
    return c.json(tenant, 200);
  });

  app.openapi(ranksRoute, async (c) => {
    const db = c.get('db');
    const city = await cityOfCaller(db, who(c).actor.tenantId);
    return c.json(await cityRanks(db, city, c.req.valid('query')), 200);
  });

  app.openapi(definitionsRoute, async (c) => {
    return c.json(await listDefinitions(c.get('db'), who(c).actor.tenantId), 200);
  });

  app.openapi(publishDefinitionRoute, async (c) => {
    const by = who(c);
    const r = await publishDefinition(c.get('db'), by.actor.tenantId, c.req.valid('json'), by);
    return r.created ? c.json(r, 201) : c.json(r, 200);
  });

  app.openapi(rollupRoute, async (c) => {
    const db = c.get('db');
    const city = await cityOfCaller(db, who(c).actor.tenantId);
    return c.json(await cityRollup(db, city, c.req.valid('query')), 200);
  });
}
