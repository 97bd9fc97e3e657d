/**
 * Records a due notice exactly once: its key, its in-app messages and its queued e-mails and
 * webhook calls are written in one transaction that starts by inserting the key if absent. A
 * second runner (or the same one again) finds the key and writes nothing, so no message is ever
 * doubled; a runner that dies mid-way rolls everything back and the next run records it.
 */
import type { Db } from '../../db';
import type { DueItem } from './notice';
import * as repo from './notify.repository';

/** One message written or sent: to a department code, a user name, an address or an endpoint. */
export interface SentNotice {
  kind: DueItem['kind'];
  about: Record<string, string>;
  to: string;
  channel: 'inbox' | 'email' | 'webhook';
}

export interface RecordOptions {
  now: Date;
  /** False when no SMTP server is configured: e-mails are not queued at all. */
  emailEnabled: boolean;
}

/** The payload of the message and of every delivery of the notice. */
export function noticePayload(job: string, item: DueItem): Record<string, unknown> {
  return {
    job,
    ...item.about,
    about: item.about,
    kind: item.kind,
    due: item.due,
    message: item.message,
    link: item.link,
  };
}

/**
 * Writes the notice unless its key exists. Returns the in-app messages written (e-mails and
 * webhook calls are queued and reported when delivered), or null when it was sent before.
 */
export async function recordNotice(
  db: Db,
  job: string,
  item: DueItem,
  opts: RecordOptions,
): Promise<SentNotice[] | null> {
  const at = opts.now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    // The key goes in first: it takes the write lock (SQLite) or waits for a racing
    // transaction with the same key (PostgreSQL) before anything else is read.
    const noticeId = await repo.insertNoticeKey(trx, {
      tenantId: item.tenantId,
      job,
      object: item.object,
      step: item.step,
      due: item.due,
      kind: item.kind,
      at,
    });
    if (noticeId === undefined) return null;

    const departmentIds = [...new Set(item.to.departments ?? [])];
    const userIds = [...new Set(item.to.users ?? [])];
    const departments = await repo.departmentsByIds(trx, item.tenantId, departmentIds);
    const users = await repo.recipientUsers(
      trx,
      item.tenantId,
      userIds,
      departments.map((d) => d.id),
    );
    const payload = noticePayload(job, item);
    const sent: SentNotice[] = [];
    const base = { kind: item.kind, about: item.about };

    const inbox: repo.NewNotification[] = [];
    for (const d of departments) {
      inbox.push({ tenantId: item.tenantId, userId: null, departmentId: d.id, kind: item.kind, payload, at });
      sent.push({ ...base, to: d.code, channel: 'inbox' });
    }
    for (const u of users) {
      if (!userIds.includes(u.id) || u.inbox === 0) continue;
      inbox.push({ tenantId: item.tenantId, userId: u.id, departmentId: null, kind: item.kind, payload, at });
      sent.push({ ...base, to: u.username, channel: 'inbox' });
    }
    await repo.insertNotifications(trx, inbox);

    const message = JSON.stringify(payload);
    const deliveries: repo.NewDelivery[] = [];
    if (opts.emailEnabled) {
      for (const u of users) {
        if (u.email !== 1 || !u.email_address) continue;
        deliveries.push({
          tenantId: item.tenantId,
          noticeId,
          channel: 'email',
          target: `user:${u.id}`,
          recipient: u.email_address,
          userId: u.id,
          endpointId: null,
          message,
          at,
        });
      }
    }
    for (const e of await repo.endpointsFor(
      trx,
      item.tenantId,
      departments.map((d) => d.id),
    )) {
      deliveries.push({
        tenantId: item.tenantId,
        noticeId,
        channel: 'webhook',
        target: `endpoint:${e.id}`,
        recipient: e.name,
        userId: null,
        endpointId: e.id,
        message,
        at,
      });
    }
    await repo.insertDeliveries(trx, deliveries);
    return sent;
  });
}
