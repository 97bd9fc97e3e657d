/**
 * Works the outbox: every e-mail and webhook call whose attempt is due is claimed by one runner
 * (a conditional update, so two runners never send the same one at once), sent, and marked sent,
 * or rescheduled with backoff, or failed for good after the last attempt, where the admin sees it.
 * A runner that dies holding a claim loses it after `claimMs`; the delivery is tried again then.
 */
import { systemClock, type Db } from '../../db';
import type { NotifyConfig } from './config';
import type { Mailer } from './email';
import type { SentNotice } from './notices.service';
import * as repo from './notify.repository';
import {
  buildWebhookRequest,
  sendWebhook,
  webhookFormats,
  type NoticeMessage,
  type WebhookFormat,
} from './webhooks';

/** Waits before the 2nd, 3rd, 4th and 5th attempts; the 5th failure is final. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const maxAttempts = retryDelaysMs.length + 1;

export interface Channels {
  config: NotifyConfig;
  /** null when no SMTP server is configured. */
  mailer: Mailer | null;
  /**
   * The clock of signature timestamps: real time even when a run replays another moment
   * (robots refuse a timestamp more than an hour away from theirs).
   */
  signClock?: () => Date;
}

export interface DeliveryReport {
  sent: SentNotice[];
  retrying: number;
  failed: number;
}

const claimMs = 5 * 60_000;

function isFormat(value: string | null): value is WebhookFormat {
  return (webhookFormats as readonly string[]).includes(value ?? '');
}

/** Sends one claimed delivery: null on success, the reason otherwise. */
async function attempt(
  row: NonNullable<Awaited<ReturnType<typeof repo.findDelivery>>>,
  m: NoticeMessage,
  channels: Channels,
): Promise<string | null> {
  if (row.channel === 'email') {
    if (!channels.mailer) return 'e-mail is not configured (SHIXIAO_SMTP_HOST)';
    const address = row.email_address ?? row.recipient;
    try {
      await channels.mailer.send(address, m, channels.config.publicUrl);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (row.endpoint_url === null) return 'the webhook endpoint was deleted';
  if (row.endpoint_enabled === 0) return 'the webhook endpoint is disabled';
  if (!isFormat(row.endpoint_format)) return `unknown webhook format '${row.endpoint_format}'`;
  const request = buildWebhookRequest(
    row.endpoint_format,
    { url: row.endpoint_url, secret: row.endpoint_secret },
    m,
    { now: (channels.signClock ?? systemClock)(), publicUrl: channels.config.publicUrl },
  );
  return sendWebhook(row.endpoint_format, request);
}

/** Sends every delivery due at `now` (at most `limit`), with retries and backoff. */
export async function deliverDue(
  db: Db,
  channels: Channels,
  now: Date,
  limit = 500,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: [], retrying: 0, failed: 0 };
  const at = now.toISOString();
  for (const { id } of await repo.dueDeliveries(db.kysely, at, limit)) {
    if (!(await repo.claimDelivery(db.kysely, id, at, new Date(now.getTime() + claimMs).toISOString())))
      continue;
    const row = await repo.findDelivery(db.kysely, id);
    if (!row) continue;
    const m = JSON.parse(row.message) as NoticeMessage;
    const error = await attempt(row, m, channels);
    if (error === null) {
      await repo.finishDelivery(db.kysely, id, { status: 'sent', at });
      report.sent.push({
        kind: m.kind as SentNotice['kind'],
        about: m.about ?? {},
        to: row.recipient,
        channel: row.channel === 'email' ? 'email' : 'webhook',
      });
    } else if (row.attempts >= maxAttempts) {
      await repo.finishDelivery(db.kysely, id, { status: 'failed', at, error });
      report.failed++;
    } else {
      const wait = retryDelaysMs[row.attempts - 1] ?? retryDelaysMs[retryDelaysMs.length - 1];
      const next = new Date(now.getTime() + wait).toISOString();
      await repo.finishDelivery(db.kysely, id, { status: 'pending', at, next, error });
      report.retrying++;
    }
  }
  return report;
}
