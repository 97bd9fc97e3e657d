/**
 * Contracts of notifications: the in-app inbox, a user's channel settings, the admins' webhook
 * endpoints and the deliveries that failed. Request bodies are strict (unknown keys are a 400).
 */
import { z } from '@hono/zod-openapi';
import { requestBody } from './common';

const id = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1)
  .openapi({ param: { name: 'id', in: 'path' } });

export const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    payload: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    /** When the caller read it (read state is per user), or null. */
    read_at: z.string().nullable(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof notificationSchema>;

export const notificationParams = z.object({ id });

export const notificationSettingsSchema = z
  .object({
    inbox: z.boolean().openapi({ description: 'In-app messages addressed to me personally' }),
    email: z.boolean(),
    email_address: z.string().nullable(),
    email_available: z
      .boolean()
      .openapi({ description: 'False when the server has no SMTP server configured' }),
  })
  .openapi('NotificationSettings');
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const emailAddress = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, 'not an e-mail address');

export const notificationSettingsUpdate = requestBody('NotificationSettingsUpdate', {
  inbox: z.boolean().optional(),
  email: z.boolean().optional(),
  email_address: emailAddress.nullable().optional(),
});
export type NotificationSettingsUpdate = z.infer<typeof notificationSettingsUpdate>;

export const webhookFormatSchema = z.enum(['json', 'dingtalk', 'wecom', 'feishu']);

const webhookUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, 'an http:// or https:// address');

export const webhookEndpointSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    department: z.string().nullable().openapi({ description: 'null: every notice of the tenant' }),
    format: webhookFormatSchema,
    url: z.string(),
    has_secret: z.boolean(),
    enabled: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('WebhookEndpoint');
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

const endpointName = z.string().trim().min(1).max(100);
const secret = z.string().min(1).max(200);
const departmentCode = z.string().min(1).max(40);

const webhookEndpointFields = z
  .object({
    name: endpointName,
    department: departmentCode.nullable().optional(),
    format: webhookFormatSchema,
    url: webhookUrl,
    secret: secret.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const webhookEndpointCreate = webhookEndpointFields.openapi('WebhookEndpointCreate');
export type WebhookEndpointCreate = z.infer<typeof webhookEndpointCreate>;
/** A change names only the fields it changes. */
export const webhookEndpointUpdate = webhookEndpointFields.partial().openapi('WebhookEndpointUpdate');
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdate>;

export const webhookEndpointParams = z.object({ id });

export const deliverySchema = z
  .object({
    id: z.number().int(),
    channel: z.enum(['email', 'webhook']),
    recipient: z.string(),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    next_attempt_at: z
      .string()
      .nullable()
      .openapi({ description: 'When it is tried again; null once failed' }),
    last_error: z.string().nullable(),
    created_at: z.string(),
    kind: z.string(),
    job: z.string(),
    object: z.string(),
  })
  .openapi('NotificationDelivery');
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveriesQuery = z.object({
  status: z
    .enum(['failed', 'retrying', 'all'])
    .optional()
    .openapi({
      param: { name: 'status', in: 'query' },
      description: 'failed: given up; retrying: waiting for another attempt',
    }),
});

export const deliveryParams = z.object({ id });

export const notificationListSchema = z.object({ notifications: z.array(notificationSchema) });
export type NotificationList = z.infer<typeof notificationListSchema>;
