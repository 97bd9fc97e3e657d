/**
 * HTTP routes of the city tier: the administrator's tenants (their own and below), and the city
 * views — districts ranked on a shared indicator, the city's roll-up — for city roles, whose own
 * tenant is the city.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
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
import { callerOf, type Caller } from '../caller';
import type { AppEnv } from '../http';
import { created, jsonBody as body, ok, workflowProblems } from '../route';
import { routesOn } from '../serve';
import { cityOfCaller } from './city.service';
import { listDefinitions, publishDefinition } from './definitions.service';
import { cityRanks } from './ranks.service';
import { cityRollup } from './rollup.service';
import { listTenants, saveTenant } from './tenants.service';

const problems = workflowProblems({ 422: 'Refused by a rule (bad slug, unknown parent, cycle)' });

/** Who changes a tenant or a definition, for its audit row. */
const changedBy = (caller: Caller, at: Date) => ({ actor: caller.actor, at, address: caller.sourceIp });

/** Mounts the city routes. */
export function cityRoutes(app: OpenAPIHono<AppEnv>): void {
  const route = routesOn(app, ['city'], problems);
  route
    .get('user:admin', '/api/tenants', {
      summary: "The administrator's tenant and the tenants below it (a city's districts)",
      responses: ok(tenantListSchema, 'The tenants'),
    })
    .json(200, async ({ db, caller }) => ({ tenants: await listTenants(db, caller.actor.tenantId) }));

  route
    .post('user:admin', '/api/tenants', {
      summary: "Create a tenant below the administrator's own (a district of the city)",
      request: body(tenantCreateSchema),
      responses: created(tenantEntrySchema, 'Created'),
    })
    .json(201, async ({ db, caller, json, now }) => {
      const within = caller.actor.tenantId;
      const input = { slug: json.slug, name: json.name, nameEn: json.name_en, parent: json.parent ?? null };
      const mode = { mode: 'create', within, defaultParentId: within } as const;
      return (await saveTenant(db, input, changedBy(caller, now), mode)).tenant;
    });

  route
    .patch('user:admin', '/api/tenants/{slug}', {
      summary: 'Rename a tenant or move it under another (never into a cycle)',
      request: { params: tenantParams, ...body(tenantUpdateSchema) },
      responses: ok(tenantEntrySchema, 'Updated'),
    })
    .json(200, async ({ db, caller, param, json, now }) => {
      const input = { slug: param.slug, name: json.name, nameEn: json.name_en, parent: json.parent };
      const mode = { mode: 'update', within: caller.actor.tenantId } as const;
      return (await saveTenant(db, input, changedBy(caller, now), mode)).tenant;
    });

  route
    .get('city:read', '/api/city/ranks', {
      summary: "The city's districts ranked on an indicator they share, from accepted data",
      request: { query: ranksQuery },
      responses: ok(ranksSchema, 'Ranks (ties share a rank; no data, no rank)'),
    })
    .json(200, async ({ db, caller, query }) =>
      cityRanks(db, await cityOfCaller(db, caller.actor.tenantId), query),
    );

  route
    .get('plan:read', '/api/city/definitions', {
      summary:
        "The city's indicator definitions (统一指标口径), current versions, with where the caller's plans depart from them",
      responses: ok(definitionsSchema, 'Definitions (none when the tenant has no city)'),
    })
    .json(200, ({ db, caller }) => listDefinitions(db, caller.actor.tenantId));

  route
    .post('plan:write', '/api/city/definitions', {
      summary: 'Publish an indicator definition of the city: a changed field makes a new version',
      request: body(definitionInputSchema),
      responses: {
        ...ok(definitionPublishedSchema, 'Unchanged: the current version already says this'),
        ...created(definitionPublishedSchema, 'A new version'),
      },
    })
    .handle(async (c) => {
      const caller = callerOf(c);
      const by = changedBy(caller, c.get('now')());
      const r = await publishDefinition(c.get('db'), caller.actor.tenantId, c.req.valid('json'), by);
      return r.created ? c.json(r, 201) : c.json(r, 200);
    });

  route
    .get('city:read', '/api/city/rollup', {
      summary:
        "The city's figure from its districts': flows and stocks summed, ratios recomputed from their parts",
      request: { query: rollupQuery },
      responses: ok(rollupSchema, 'The roll-up with each district and its share'),
    })
    .json(200, async ({ db, caller, query }) =>
      cityRollup(db, await cityOfCaller(db, caller.actor.tenantId), query),
    );
}
