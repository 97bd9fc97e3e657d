/**
 * HTTP routes of notifications: the inbox (mine and my departments'), my channel settings, and
 * for the administrator the webhook endpoints and the deliveries that failed.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { problemResponse } from '../../contracts/common';
import {
  deliveriesQuery,
  deliveryParams,
  deliverySchema,
  notificationListSchema,
  notificationParams,
  notificationSchema,
  notificationSettingsSchema,
  notificationSettingsUpdate,
  webhookEndpointCreate,
  webhookEndpointParams,
  webhookEndpointSchema,
  webhookEndpointUpdate,
} from '../../contracts/notify';
import { callerOf } from '../caller';
import type { AppEnv } from '../http';
import { defineRoute, jsonBody as body, jsonContent as json } from '../route';
import type { NotifyConfig } from './config';
import * as endpoints from './endpoints.service';
import { listNotifications, markNotificationRead } from './inbox.service';
import { getSettings, updateSettings } from './settings.service';

const problems = {
  400: problemResponse('Invalid or unknown fields'),
  401: problemResponse('Not logged in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found'),
  409: problemResponse('Conflicts with the current state'),
  422: problemResponse('Refused by a rule'),
} as const;

const listRoute = defineRoute('authenticated', {
  method: 'get',
  path: '/api/notifications',
  tags: ['notifications'],
  summary: 'My notifications and my departments’, newest first, with my read state',
  request: {
    query: z.object({
      unread: z
        .enum(['0', '1'])
        .optional()
        .openapi({ param: { name: 'unread', in: 'query' }, description: '1: unread only' }),
    }),
  },
  responses: {
    200: json(notificationListSchema, 'The notifications'),
    ...problems,
  },
});

const readRoute = defineRoute('authenticated', {
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark a notification read (for me only)',
  request: { params: notificationParams },
  responses: { 200: json(notificationSchema, 'The notification'), ...problems },
});

const getSettingsRoute = defineRoute('authenticated', {
  method: 'get',
  path: '/api/notifications/settings',
  tags: ['notifications'],
  summary: 'My notification channels',
  responses: { 200: json(notificationSettingsSchema, 'My settings'), ...problems },
});

const putSettingsRoute = defineRoute('authenticated', {
  method: 'put',
  path: '/api/notifications/settings',
  tags: ['notifications'],
  summary: 'Choose my notification channels (in-app, e-mail)',
  request: body(notificationSettingsUpdate),
  responses: { 200: json(notificationSettingsSchema, 'My settings'), ...problems },
});

const listEndpointsRoute = defineRoute('user:admin', {
  method: 'get',
  path: '/api/notify/webhooks',
  tags: ['notifications'],
  summary: 'Webhook endpoints (robots of DingTalk, WeCom, Feishu, or generic JSON)',
  responses: {
    200: json(z.object({ webhooks: z.array(webhookEndpointSchema) }), 'The endpoints'),
    ...problems,
  },
});

const createEndpointRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/notify/webhooks',
  tags: ['notifications'],
  summary: 'Add a webhook endpoint for a department’s notices or the whole tenant’s',
  request: body(webhookEndpointCreate),
  responses: { 201: json(webhookEndpointSchema, 'Created'), ...problems },
});

const updateEndpointRoute = defineRoute('user:admin', {
  method: 'patch',
  path: '/api/notify/webhooks/{id}',
  tags: ['notifications'],
  summary: 'Change a webhook endpoint',
  request: { params: webhookEndpointParams, ...body(webhookEndpointUpdate) },
  responses: { 200: json(webhookEndpointSchema, 'Updated'), ...problems },
});

const deleteEndpointRoute = defineRoute('user:admin', {
  method: 'delete',
  path: '/api/notify/webhooks/{id}',
  tags: ['notifications'],
  summary: 'Remove a webhook endpoint',
  request: { params: webhookEndpointParams },
  responses: { 204: { description: 'Removed' }, ...problems },
});

const deliveriesRoute = defineRoute('user:admin', {
  method: 'get',
  path: '/api/notify/deliveries',
  tags: ['notifications'],
  summary: 'E-mails and webhook calls that failed: given up, or waiting to be retried',
  request: { query: deliveriesQuery },
  responses: { 200: json(z.object({ deliveries: z.array(deliverySchema) }), 'The deliveries'), ...problems },
});

const retryRoute = defineRoute('user:admin', {
  method: 'post',
  path: '/api/notify/deliveries/{id}/retry',
  tags: ['notifications'],
  summary: 'Queue a failed delivery again',
  request: { params: deliveryParams },
  responses: { 200: json(deliverySchema, 'Queued'), ...problems },
});

/** Mounts the notification routes; `config` says whether e-mail is available. */
export function notifyRoutes(app: OpenAPIHono<AppEnv>, config: NotifyConfig): void {
  const emailAvailable = config.smtp !== null;
  app.openapi(getSettingsRoute, async (c) =>
    c.json(await getSettings(c.get('db'), callerOf(c).actor, emailAvailable), 200),
  );
  app.openapi(putSettingsRoute, async (c) => {
    const caller = callerOf(c);
    const ctx = { now: caller.now, sourceIp: caller.sourceIp, emailAvailable };
    return c.json(await updateSettings(c.get('db'), caller.actor, c.req.valid('json'), ctx), 200);
  });
  app.openapi(listRoute, async (c) => {
    const unread = c.req.valid('query').unread === '1';
    return c.json({ notifications: await listNotifications(c.get('db'), callerOf(c).actor, unread) }, 200);
  });
  app.openapi(readRoute, async (c) => {
    const { actor, now } = callerOf(c);
    return c.json(await markNotificationRead(c.get('db'), actor, c.req.valid('param').id, now), 200);
  });

  app.openapi(listEndpointsRoute, async (c) =>
    c.json({ webhooks: await endpoints.listEndpoints(c.get('db'), callerOf(c)) }, 200),
  );
  app.openapi(createEndpointRoute, async (c) =>
    c.json(await endpoints.createEndpoint(c.get('db'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(updateEndpointRoute, async (c) =>
    c.json(
      await endpoints.updateEndpoint(c.get('db'), callerOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(deleteEndpointRoute, async (c) => {
    await endpoints.deleteEndpoint(c.get('db'), callerOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(deliveriesRoute, async (c) => {
    const status = c.req.valid('query').status ?? 'all';
    return c.json({ deliveries: await endpoints.listDeliveries(c.get('db'), callerOf(c), status) }, 200);
  });
  app.openapi(retryRoute, async (c) =>
    c.json(await endpoints.retryDelivery(c.get('db'), callerOf(c), c.req.valid('param').id), 200),
  );
}
