/** HTTP routes of in-app notifications: mine and my departments'. */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { notificationParams, notificationSchema } from '../../contracts/data';
import type { AppEnv } from '../http';
import { defineRoute } from '../route';
import { callerOf } from './data.context';
import { problems } from './data.routes';
import { listNotifications, markNotificationRead } from './notifications.service';

const listRoute = defineRoute('authenticated', {
  method: 'get',
  path: '/api/notifications',
  tags: ['notifications'],
  summary: 'My notifications and my departments’, newest first',
  request: {
    query: z.object({
      unread: z
        .enum(['0', '1'])
        .optional()
        .openapi({ param: { name: 'unread', in: 'query' }, description: '1: unread only' }),
    }),
  },
  responses: {
    200: {
      description: 'The notifications',
      content: { 'application/json': { schema: z.object({ notifications: z.array(notificationSchema) }) } },
    },
    ...problems,
  },
});

const readRoute = defineRoute('authenticated', {
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Mark a notification read',
  request: { params: notificationParams },
  responses: {
    200: { description: 'The notification', content: { 'application/json': { schema: notificationSchema } } },
    ...problems,
  },
});

export function notificationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { actor } = callerOf(c);
    const unread = c.req.valid('query').unread === '1';
    return c.json({ notifications: await listNotifications(c.get('db'), actor, unread) }, 200);
  });
  app.openapi(readRoute, async (c) => {
    const { actor, now } = callerOf(c);
    return c.json(await markNotificationRead(c.get('db'), actor, c.req.valid('param').id, now), 200);
  });
}
