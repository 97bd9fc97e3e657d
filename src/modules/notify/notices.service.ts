/**
 * Records a due notice exactly once: its key, its in-app messages and its queued e-mails and
 * webhook calls are written in one transaction that starts by inserting the key if absent. A
 * second runner (or the same one again) finds the key and writes nothing, so no message is ever
 * doubled; a runner that dies mid-way rolls everything back and the next run records it.
 */
import type { Db } from '../../db';
import type { DueItem } from './notice';
import * as repo from './notify.repository';
import { groupBy } from '../../domain/collections';

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

/** Notices recorded together: one transaction, one insert of keys, one of messages, one of deliveries. */
export const noticeChunk = 500;
/** Rows per multi-row insert of messages and deliveries (well under both dialects' parameter limits). */
const rowChunk = 1000;

const keyOf = (tenantId: number, object: string, step: string, due: string) =>
  JSON.stringify([tenantId, object, step, due]);

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
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
  const result = await recordNotices(db, job, [item], opts);
  return result.skipped === 1 ? null : result.sent;
}

/**
 * Records many due notices, each once: per chunk of `noticeChunk` one transaction claims the
 * keys in one insert (those already there are skipped), then writes the new notices' messages
 * and queued deliveries with multi-row inserts. The same item twice in `items` counts once.
 */
export async function recordNotices(
  db: Db,
  job: string,
  items: readonly DueItem[],
  opts: RecordOptions,
): Promise<{ sent: SentNotice[]; skipped: number }> {
  const seen = new Set<string>();
  const unique: DueItem[] = [];
  let skipped = 0;
  for (const item of items) {
    const key = keyOf(item.tenantId, item.object, item.step, item.due);
    if (seen.has(key)) skipped++;
    else {
      seen.add(key);
      unique.push(item);
    }
  }
  const sent: SentNotice[] = [];
  for (const chunk of chunks(unique, noticeChunk)) {
    const result = await db.kysely.transaction().execute((trx) => recordChunk(trx, job, chunk, opts));
    sent.push(...result.sent);
    skipped += result.skipped;
  }
  return { sent, skipped };
}

async function recordChunk(trx: repo.Q, job: string, chunk: DueItem[], opts: RecordOptions) {
  const at = opts.now.toISOString();
  // The keys go in first: they take the write lock (SQLite) or wait for a racing transaction
  // holding the same keys (PostgreSQL) before anything else is read.
  const keys = chunk
    .map((i) => ({ tenantId: i.tenantId, job, object: i.object, step: i.step, due: i.due, kind: i.kind, at }))
    .sort((a, b) => {
      const x = keyOf(a.tenantId, a.object, a.step, a.due);
      const y = keyOf(b.tenantId, b.object, b.step, b.due);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const claimed = new Map(
    (await repo.claimNoticeKeys(trx, keys)).map((k) => [
      keyOf(k.tenant_id, k.object, k.step, k.due_date),
      k.id,
    ]),
  );
  const fresh = chunk.filter((i) => claimed.has(keyOf(i.tenantId, i.object, i.step, i.due)));
  const sent: SentNotice[] = [];
  const inbox: repo.NewNotification[] = [];
  const deliveries: repo.NewDelivery[] = [];

  for (const [tenantId, items] of groupBy(fresh, (i) => i.tenantId)) {
    const r = await recipientsOf(trx, tenantId, items);
    for (const item of items) {
      const noticeId = claimed.get(keyOf(item.tenantId, item.object, item.step, item.due))!;
      const departmentIds = new Set(item.to.departments ?? []);
      const direct = new Set([
        ...(item.to.users ?? []),
        ...(item.to.roles ?? []).flatMap((role) => r.byRole.get(role) ?? []),
      ]);
      const departments = r.departments.filter((d) => departmentIds.has(d.id));
      const reached = new Set([
        ...direct,
        ...r.members.filter((m) => departmentIds.has(m.department_id)).map((m) => m.id),
      ]);
      const users = r.users.filter((u) => reached.has(u.id));
      const payload = noticePayload(job, item);
      const base = { kind: item.kind, about: item.about };
      for (const d of departments) {
        inbox.push({ tenantId, userId: null, departmentId: d.id, kind: item.kind, payload, at });
        sent.push({ ...base, to: d.code, channel: 'inbox' });
      }
      for (const u of users) {
        if (!direct.has(u.id) || u.inbox === 0) continue;
        inbox.push({ tenantId, userId: u.id, departmentId: null, kind: item.kind, payload, at });
        sent.push({ ...base, to: u.username, channel: 'inbox' });
      }
      const message = JSON.stringify(payload);
      const delivery = { tenantId, noticeId, message, at };
      if (opts.emailEnabled) {
        for (const u of users) {
          if (u.email !== 1 || !u.email_address) continue;
          deliveries.push({
            ...delivery,
            channel: 'email',
            target: `user:${u.id}`,
            recipient: u.email_address,
            userId: u.id,
            endpointId: null,
          });
        }
      }
      for (const e of r.endpoints) {
        if (e.department_id !== null && !departmentIds.has(e.department_id)) continue;
        deliveries.push({
          ...delivery,
          channel: 'webhook',
          target: `endpoint:${e.id}`,
          recipient: e.name,
          userId: null,
          endpointId: e.id,
        });
      }
    }
  }
  for (const rows of chunks(inbox, rowChunk)) await repo.insertNotifications(trx, rows);
  for (const rows of chunks(deliveries, rowChunk)) await repo.insertDeliveries(trx, rows);
  return { sent, skipped: chunk.length - fresh.length };
}

/** Everyone the items of one tenant reach, read once for the whole chunk. */
async function recipientsOf(trx: repo.Q, tenantId: number, items: readonly DueItem[]) {
  const departmentIds = [...new Set(items.flatMap((i) => i.to.departments ?? []))];
  const roles = [...new Set(items.flatMap((i) => i.to.roles ?? []))];
  const byRole = new Map<string, number[]>();
  for (const role of roles) byRole.set(role, await repo.usersWithRoles(trx, tenantId, [role]));
  const direct = items.flatMap((i) => [
    ...(i.to.users ?? []),
    ...(i.to.roles ?? []).flatMap((r) => byRole.get(r)!),
  ]);
  // One after another: a transaction is one connection.
  const departments = await repo.departmentsByIds(trx, tenantId, departmentIds);
  const members = await repo.departmentMembers(trx, tenantId, departmentIds);
  const endpoints = await repo.endpointsFor(trx, tenantId, departmentIds);
  const users = await repo.usersWithSettings(trx, tenantId, [
    ...new Set([...direct, ...members.map((m) => m.id)]),
  ]);
  return { departments, members, endpoints, users, byRole };
}
