/**
 * HTTP routes of notifications: the inbox (mine and my departments'), my channel settings, and
 * for the administrator the webhook endpoints and the deliveries that failed.
 */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
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
import type { AppEnv } from '../http';
import { created, jsonBody as body, ok, workflowProblems } from '../route';
import { routesOn } from '../serve';
import type { NotifyConfig } from './config';
import * as endpoints from './endpoints.service';
import { listNotifications, markNotificationRead } from './inbox.service';
import { getSettings, updateSettings } from './settings.service';

const problems = workflowProblems({ 422: 'Refused by a rule' });
const unreadQuery = z.object({
  unread: z
    .enum(['0', '1'])
    .optional()
    .openapi({ param: { name: 'unread', in: 'query' }, description: '1: unread only' }),
});
const webhooks = '/api/notify/webhooks';

/** Mounts the notification routes; `config` says whether e-mail is available. */
export function notifyRoutes(app: OpenAPIHono<AppEnv>, config: NotifyConfig): void {
  const emailAvailable = config.smtp !== null;
  const route = routesOn(app, ['notifications'], problems);
  route
    .get('authenticated', '/api/notifications/settings', {
      summary: 'My notification channels',
      responses: ok(notificationSettingsSchema, 'My settings'),
    })
    .json(200, ({ db, caller }) => getSettings(db, caller.actor, emailAvailable));
  route
    .put('authenticated', '/api/notifications/settings', {
      summary: 'Choose my notification channels (in-app, e-mail)',
      request: body(notificationSettingsUpdate),
      responses: ok(notificationSettingsSchema, 'My settings'),
    })
    .json(200, ({ db, caller, json }) => {
      const ctx = { now: caller.now, sourceIp: caller.sourceIp, emailAvailable };
      return updateSettings(db, caller.actor, json, ctx);
    });
  route
    .get('authenticated', '/api/notifications', {
      summary: 'My notifications and my departments’, newest first, with my read state',
      request: { query: unreadQuery },
      responses: ok(notificationListSchema, 'The notifications'),
    })
    .json(200, async ({ db, caller, query }) => ({
      notifications: await listNotifications(db, caller.actor, query.unread === '1'),
    }));
  route
    .post('authenticated', '/api/notifications/{id}/read', {
      summary: 'Mark a notification read (for me only)',
      request: { params: notificationParams },
      responses: ok(notificationSchema, 'The notification'),
    })
    .json(200, ({ db, caller, param }) => markNotificationRead(db, caller.actor, param.id, caller.now));

  route
    .get('user:admin', webhooks, {
      summary: 'Webhook endpoints (robots of DingTalk, WeCom, Feishu, or generic JSON)',
      responses: ok(z.object({ webhooks: z.array(webhookEndpointSchema) }), 'The endpoints'),
    })
    .json(200, async ({ db, caller }) => ({ webhooks: await endpoints.listEndpoints(db, caller) }));
  route
    .post('user:admin', webhooks, {
      summary: 'Add a webhook endpoint for a department’s notices or the whole tenant’s',
      request: body(webhookEndpointCreate),
      responses: created(webhookEndpointSchema, 'Created'),
    })
    .json(201, ({ db, caller, json }) => endpoints.createEndpoint(db, caller, json));
  route
    .patch('user:admin', `${webhooks}/{id}`, {
      summary: 'Change a webhook endpoint',
      request: { params: webhookEndpointParams, ...body(webhookEndpointUpdate) },
      responses: ok(webhookEndpointSchema, 'Updated'),
    })
    .json(200, ({ db, caller, param, json }) => endpoints.updateEndpoint(db, caller, param.id, json));
  route
    .delete('user:admin', `${webhooks}/{id}`, {
      summary: 'Remove a webhook endpoint',
      request: { params: webhookEndpointParams },
      responses: { 204: { description: 'Removed' } },
    })
    .noContent(({ db, caller, param }) => endpoints.deleteEndpoint(db, caller, param.id));
  route
    .get('user:admin', '/api/notify/deliveries', {
      summary: 'E-mails and webhook calls that failed: given up, or waiting to be retried',
      request: { query: deliveriesQuery },
      responses: ok(z.object({ deliveries: z.array(deliverySchema) }), 'The deliveries'),
    })
    .json(200, async ({ db, caller, query }) => ({
      deliveries: await endpoints.listDeliveries(db, caller, query.status ?? 'all'),
    }));
  route
    .post('user:admin', '/api/notify/deliveries/{id}/retry', {
      summary: 'Queue a failed delivery again',
      request: { params: deliveryParams },
      responses: ok(deliverySchema, 'Queued'),
    })
    .json(200, ({ db, caller, param }) => endpoints.retryDelivery(db, caller, param.id));
}
