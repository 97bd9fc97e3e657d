/** Rows → response shapes of notifications (never rows). */
import type { Delivery, Notification, WebhookEndpoint } from '../../contracts/notify';
import type { EndpointRow } from './notify.repository';

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function presentNotification(n: {
  id: number;
  kind: string;
  payload: string;
  created_at: string;
  read_at: string | null;
}): Notification {
  return {
    id: n.id,
    kind: n.kind,
    payload: parsePayload(n.payload),
    created_at: n.created_at,
    read_at: n.read_at,
  };
}

export function presentEndpoint(e: EndpointRow): WebhookEndpoint {
  return {
    id: e.id,
    name: e.name,
    department: e.department_code,
    format: e.format as WebhookEndpoint['format'],
    url: e.url,
    has_secret: e.secret !== null && e.secret !== '',
    enabled: e.enabled === 1,
    created_at: e.created_at,
    updated_at: e.updated_at,
  };
}

export function presentDelivery(d: {
  id: number;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  kind: string;
  job: string;
  object: string;
}): Delivery {
  const status = d.status === 'sent' || d.status === 'failed' ? d.status : 'pending';
  return {
    id: d.id,
    channel: d.channel === 'email' ? 'email' : 'webhook',
    recipient: d.recipient,
    status,
    attempts: d.attempts,
    next_attempt_at: status === 'pending' ? d.next_attempt_at : null,
    last_error: d.last_error,
    created_at: d.created_at,
    kind: d.kind,
    job: d.job,
    object: d.object,
  };
}
