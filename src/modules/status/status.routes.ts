/** HTTP routes of target status. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { planStatusSchema, statusQuery, targetStatusSchema } from '../../contracts/status';
import { AppError } from '../errors';
import type { Actor, AppEnv } from '../http';
import { completeJson } from '../response-headers';
import { defineRoute } from '../route';
import { tenantOf } from '../tenancy';
import { getPlanStatus, getTargetStatus, scopeOf, todayUtc } from './status.service';

const planStatusRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}/status',
  tags: ['status'],
  summary: "Every target's status as of a date, with the numbers that explain it",
  request: { params: planParams, query: tenantQuery.merge(statusQuery) },
  responses: {
    200: { description: 'Statuses', content: { 'application/json': { schema: planStatusSchema } } },
    ...problemResponses,
  },
});

const targetStatusRoute = defineRoute('plan:read', {
  method: 'get',
  path: '/api/plans/{plan}/targets/{target}/status',
  tags: ['status'],
  summary: "One target's evaluation: series, expected path, projection",
  request: {
    params: planParams.extend({
      target: z
        .string()
        .min(1)
        .max(80)
        .openapi({ param: { name: 'target', in: 'path' }, example: 't-gdp' }),
    }),
    query: tenantQuery.merge(statusQuery),
  },
  responses: {
    200: { description: 'The evaluation', content: { 'application/json': { schema: targetStatusSchema } } },
    ...problemResponses,
  },
});

/** Only those who accept or manage data may see values before they are accepted. */
function previewAllowed(actor: Actor, preview: '0' | '1' | undefined): boolean {
  if (preview !== '1') return false;
  const allowed =
    actor.kind !== 'anonymous' &&
    (actor.permissions.has('data:accept') || actor.permissions.has('plan:write'));
  if (!allowed) throw new AppError(403, 'Forbidden', 'Only supervisors may preview values not yet accepted.');
  return true;
}

/**
 * A cached evaluation is the same object request after request: serialise it once, to UTF-8
 * bytes (a string body of Chinese text would be measured and encoded again on every write).
 * A scoped view is a new object each time and is serialised each time.
 */
const json = new WeakMap<object, Uint8Array<ArrayBuffer>>();
function serialized(status: object): Uint8Array<ArrayBuffer> {
  let bytes = json.get(status);
  if (bytes === undefined) {
    bytes = new TextEncoder().encode(JSON.stringify(status));
    json.set(status, bytes);
  }
  return bytes;
}

export function statusRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(planStatusRoute, async (c) => {
    const db = c.get('reads');
    const query = c.req.valid('query');
    const tenant = await tenantOf(c, query.tenant);
    const status = await getPlanStatus(
      db,
      tenant.id,
      c.req.valid('param').plan,
      query.as_of ?? todayUtc(c.get('now')()),
      scopeOf(c.get('actor')),
      previewAllowed(c.get('actor'), query.preview),
    );
    return completeJson(c, serialized(status)) as unknown as TypedResponse<typeof status, 200, 'json'>;
  });
  app.openapi(targetStatusRoute, async (c) => {
    const db = c.get('reads');
    const query = c.req.valid('query');
    const { plan, target } = c.req.valid('param');
    const tenant = await tenantOf(c, query.tenant);
    return c.json(
      await getTargetStatus(
        db,
        tenant.id,
        plan,
        target,
        query.as_of ?? todayUtc(c.get('now')()),
        scopeOf(c.get('actor')),
      ),
      200,
    );
  });
}
