/** HTTP routes of target status. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { planParams, problemResponses, tenantQuery } from '../../contracts/common';
import { planStatusSchema, statusQuery, targetStatusSchema } from '../../contracts/status';
import { AppError } from '../errors';
import type { Actor, AppEnv } from '../http';
import { planTargetParams } from '../params';
import { completeJson } from '../response-headers';
import { ok } from '../route';
import { routesOn } from '../serve';
import { tenantOf } from '../tenancy';
import { getPlanStatus, getTargetStatus, scopeOf, todayUtc } from './status.service';

const statusRequestQuery = tenantQuery.merge(statusQuery);

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
  const route = routesOn(app, ['status'], problemResponses);
  route
    .get('plan:read', '/api/plans/{plan}/status', {
      summary: "Every target's status as of a date, with the numbers that explain it",
      request: { params: planParams, query: statusRequestQuery },
      responses: ok(planStatusSchema, 'Statuses'),
    })
    .handle(async (c) => {
      const query = c.req.valid('query');
      const tenant = await tenantOf(c, query.tenant);
      const status = await getPlanStatus(
        c.get('reads'),
        tenant.id,
        c.req.valid('param').plan,
        query.as_of ?? todayUtc(c.get('now')()),
        scopeOf(c.get('actor')),
        previewAllowed(c.get('actor'), query.preview),
      );
      return completeJson(c, serialized(status));
    });
  route
    .get('plan:read', '/api/plans/{plan}/targets/{target}/status', {
      summary: "One target's evaluation: series, expected path, projection",
      request: { params: planTargetParams, query: statusRequestQuery },
      responses: ok(targetStatusSchema, 'The evaluation'),
    })
    .json(200, async ({ c, reads, query, param, tenant, now }) => {
      const { id } = await tenant(query.tenant);
      const asOf = query.as_of ?? todayUtc(now);
      return getTargetStatus(reads, id, param.plan, param.target, asOf, scopeOf(c.get('actor')));
    });
}
