/**
 * The only SQL of notifications: in-app messages and their per-user read state, the keys of
 * notices sent, the outbox of e-mail and webhook deliveries, users' channel settings and the
 * admins' webhook endpoints.
 */
import { aliased, insertAll, type Executor } from '../../db';

export type Q = Executor;

// ---- notice keys -------------------------------------------------------------------------

export interface NoticeKey {
  tenantId: number;
  job: string;
  object: string;
  step: string;
  due: string;
  kind: string;
  at: string;
}

const noticeKeyRow = (k: NoticeKey) => ({
  tenant_id: k.tenantId,
  job: k.job,
  object: k.object,
  step: k.step,
  due_date: k.due,
  kind: k.kind,
  created_at: k.at,
});

/** The columns of the unique key that makes a notice go out once. */
const noticeKeyUnique = ['tenant_id', 'job', 'object', 'step', 'due_date'] as const;

/**
 * Inserts the notice's key unless it is there: the id when this call inserted it, undefined when
 * the notice was already sent (by this runner earlier or another one now). On PostgreSQL a racing
 * insert of the same key waits for the other transaction and then does nothing.
 */
export async function insertNoticeKey(trx: Q, k: NoticeKey): Promise<number | undefined> {
  const row = await trx
    .insertInto('notice_keys')
    .values(noticeKeyRow(k))
    .onConflict((oc) => oc.columns(noticeKeyUnique).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Inserts many notice keys in one statement, skipping those already there: the keys this call
 * inserted, with their ids. Rows go in sorted by key so two racing runners take the unique
 * index's locks in the same order (PostgreSQL waits, it does not deadlock).
 */
export async function claimNoticeKeys(trx: Q, keys: readonly NoticeKey[]) {
  if (keys.length === 0) return [];
  return trx
    .insertInto('notice_keys')
    .values(keys.map(noticeKeyRow))
    .onConflict((oc) => oc.columns(noticeKeyUnique).doNothing())
    .returning(['id', 'tenant_id', 'object', 'step', 'due_date'])
    .execute();
}

/** Members of the departments (active users), with their channel settings. */
export async function departmentMembers(db: Q, tenantId: number, departmentIds: number[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('user_departments as ud')
    .innerJoin('users as u', 'u.id', 'ud.user_id')
    .select(['ud.department_id', 'u.id'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.disabled', '=', 0)
    .where('ud.department_id', 'in', departmentIds)
    .execute();
}

/** The tenant's active users with their channel settings (absent settings read as null). */
function activeUsersWithSettings(db: Q, tenantId: number) {
  return db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.username', 's.inbox', 's.email', 's.email_address'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.disabled', '=', 0);
}

/** Active users by id with their channel settings, by username. */
export async function usersWithSettings(db: Q, tenantId: number, userIds: number[]) {
  if (userIds.length === 0) return [];
  return activeUsersWithSettings(db, tenantId).where('u.id', 'in', userIds).orderBy('u.username').execute();
}

/** Active users holding one of the roles in the tenant (e.g. the supervisors, for 督办). */
export async function usersWithRoles(db: Q, tenantId: number, roles: readonly string[]) {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('u.id')
    .distinct()
    .where('g.tenant_id', '=', tenantId)
    .where('u.disabled', '=', 0)
    .where('g.role', 'in', [...roles])
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The notice keys of one job and step: what each was about and when it was recorded. */
function noticesOf(db: Q, tenantId: number, job: string, step: string) {
  return db
    .selectFrom('notice_keys')
    .select(['object', 'due_date', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('job', '=', job)
    .where('step', '=', step);
}

/** When each notice of a job and step was recorded, for some objects (e.g. the red list's 督办). */
export async function noticesSent(db: Q, tenantId: number, job: string, step: string, objects: string[]) {
  if (objects.length === 0) return [];
  return noticesOf(db, tenantId, job, step).where('object', 'in', objects).execute();
}

/** Notices of a job and step recorded in [from, to) (ISO times), e.g. a month's 督办 notices. */
export async function noticesRecordedBetween(
  db: Q,
  tenantId: number,
  job: string,
  step: string,
  from: string,
  to: string,
) {
  return noticesOf(db, tenantId, job, step)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('id')
    .execute();
}

export async function countNoticeKeys(db: Q, tenantId: number): Promise<number> {
  const row = await db
    .selectFrom('notice_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- recipients --------------------------------------------------------------------------

export async function departmentsByIds(db: Q, tenantId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .orderBy('code')
    .execute();
}

/** Active users addressed directly or as members of the departments, with their settings. */
export async function recipientUsers(db: Q, tenantId: number, userIds: number[], departmentIds: number[]) {
  if (userIds.length === 0 && departmentIds.length === 0) return [];
  return activeUsersWithSettings(db, tenantId)
    .where((eb) =>
      eb.or([
        eb('u.id', 'in', userIds.length ? userIds : [-1]),
        eb(
          'u.id',
          'in',
          eb
            .selectFrom('user_departments')
            .select('user_id')
            .where('department_id', 'in', departmentIds.length ? departmentIds : [-1]),
        ),
      ]),
    )
    .orderBy('u.username')
    .execute();
}

/** Enabled endpoints of the departments and the tenant-wide ones (no department). */
export async function endpointsFor(db: Q, tenantId: number, departmentIds: number[]) {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('enabled', '=', 1)
    .where((eb) =>
      eb.or([
        eb('department_id', 'is', null),
        eb('department_id', 'in', departmentIds.length ? departmentIds : [-1]),
      ]),
    )
    .orderBy('id')
    .execute();
}

// ---- in-app messages ---------------------------------------------------------------------

export interface NewNotification {
  tenantId: number;
  userId: number | null;
  departmentId: number | null;
  kind: string;
  payload: Record<string, unknown>;
  at: string;
}

/** An unread message's row. */
const notificationRow = ({ tenantId, userId, departmentId, kind, payload, at }: NewNotification) => ({
  tenant_id: tenantId,
  user_id: userId,
  department_id: departmentId,
  kind,
  payload: JSON.stringify(payload),
  created_at: at,
  read_at: null,
});

export async function insertNotifications(db: Q, rows: NewNotification[]): Promise<void> {
  await insertAll(db, 'notifications', rows.map(notificationRow));
}

export interface Reader {
  tenantId: number;
  /** null for an API token: it reads department messages and has no read state of its own. */
  userId: number | null;
  departmentIds: number[];
}

/**
 * Messages addressed to the reader or to its departments, with the reader's own read time
 * (or the shared one recorded before read state became per user).
 */
function visibleTo(db: Q, reader: Reader) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', reader.userId ?? -1),
    )
    .select([
      'n.id',
      'n.kind',
      'n.payload',
      'n.created_at',
      (eb) => eb.fn.coalesce('r.read_at', 'n.read_at').as('read_at'),
    ])
    .where('n.tenant_id', '=', reader.tenantId)
    .where((eb) =>
      eb.or([
        ...(reader.userId === null ? [] : [eb('n.user_id', '=', reader.userId)]),
        eb.and([
          eb('n.user_id', 'is', null),
          eb('n.department_id', 'in', reader.departmentIds.length ? reader.departmentIds : [-1]),
        ]),
      ]),
    );
}

export async function listNotifications(db: Q, reader: Reader, unreadOnly: boolean) {
  return visibleTo(db, reader)
    .$if(unreadOnly, (q) => q.where('r.read_at', 'is', null).where('n.read_at', 'is', null))
    .orderBy('n.id', 'desc')
    .limit(200)
    .execute();
}

export async function findNotification(db: Q, reader: Reader, id: number) {
  return visibleTo(db, reader).where('n.id', '=', id).executeTakeFirst();
}

/** Records that one user read a message; reading twice keeps the first time. */
export async function markRead(db: Q, tenantId: number, userId: number, id: number, at: string) {
  await db
    .insertInto('notification_reads')
    .values({ tenant_id: tenantId, notification_id: id, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}

// ---- outbox ------------------------------------------------------------------------------

export interface NewDelivery {
  tenantId: number;
  noticeId: number;
  channel: 'email' | 'webhook';
  target: string;
  recipient: string;
  userId: number | null;
  endpointId: number | null;
  message: string;
  at: string;
}

/** A delivery's row: pending, due at once. Column by column: no other field reaches the INSERT. */
const deliveryRow = (d: NewDelivery) => {
  const { tenantId, noticeId, channel, target, recipient, userId, endpointId, message, at } = d;
  return {
    tenant_id: tenantId,
    notice_id: noticeId,
    channel,
    target,
    recipient,
    user_id: userId,
    endpoint_id: endpointId,
    message,
    status: 'pending',
    next_attempt_at: at,
    created_at: at,
  };
};

export async function insertDeliveries(db: Q, rows: NewDelivery[]): Promise<void> {
  await insertAll(db, 'notification_deliveries', rows.map(deliveryRow));
}

/** Pending deliveries whose next attempt is due and that no runner holds. */
export async function dueDeliveries(db: Q, now: string, limit: number) {
  return db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims one delivery for this runner until `until`, counting the attempt: true when this call
 * won it. A runner that dies while holding it loses the claim when `until` passes.
 */
export async function claimDelivery(db: Q, id: number, now: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_deliveries')
    .set((eb) => ({ claimed_until: until, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findDelivery(db: Q, id: number) {
  return db
    .selectFrom('notification_deliveries as d')
    .leftJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .leftJoin('notification_settings as s', 's.user_id', 'd.user_id')
    .select(aliased('d', ['id', 'tenant_id', 'channel', 'recipient', 'message', 'attempts']))
    .select(['e.format as endpoint_format', 'e.url as endpoint_url', 'e.secret as endpoint_secret'])
    .select(['e.enabled as endpoint_enabled', 's.email_address'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function finishDelivery(
  db: Q,
  id: number,
  change: { status: 'sent' | 'pending' | 'failed'; at: string; next?: string; error?: string },
): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({
      status: change.status,
      claimed_until: null,
      sent_at: change.status === 'sent' ? change.at : null,
      last_error: change.error === undefined ? null : change.error.slice(0, 500),
      ...(change.next ? { next_attempt_at: change.next } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Deliveries that failed for good, or failed at least once and wait for a retry. */
export async function listTroubledDeliveries(db: Q, tenantId: number, status: 'failed' | 'retrying' | 'all') {
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notice_keys as k', 'k.id', 'd.notice_id')
    .select(
      aliased('d', ['id', 'channel', 'recipient', 'status', 'attempts', 'next_attempt_at', 'last_error']),
    )
    .select(['d.created_at', 'k.kind', 'k.job', 'k.object'])
    .where('d.tenant_id', '=', tenantId)
    .where('d.last_error', 'is not', null)
    .$if(status === 'failed', (q) => q.where('d.status', '=', 'failed'))
    .$if(status === 'retrying', (q) => q.where('d.status', '=', 'pending'))
    .orderBy('d.id', 'desc')
    .limit(500)
    .execute();
}

/** Puts a failed delivery back in the queue, due now (an admin's retry). */
export async function requeueDelivery(db: Q, tenantId: number, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, claimed_until: null })
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- settings ----------------------------------------------------------------------------

export async function findSettings(db: Q, userId: number) {
  return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function saveSettings(
  db: Q,
  s: {
    userId: number;
    tenantId: number;
    inbox: boolean;
    email: boolean;
    emailAddress: string | null;
    at: string;
  },
): Promise<void> {
  const values = {
    inbox: s.inbox ? 1 : 0,
    email: s.email ? 1 : 0,
    email_address: s.emailAddress,
    updated_at: s.at,
  };
  await db
    .insertInto('notification_settings')
    .values({ user_id: s.userId, tenant_id: s.tenantId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

// ---- webhook endpoints -------------------------------------------------------------------

export async function listEndpoints(db: Q, tenantId: number) {
  return db
    .selectFrom('webhook_endpoints as e')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select(aliased('e', ['id', 'name', 'format', 'url', 'secret', 'enabled', 'created_at', 'updated_at']))
    .select('d.code as department_code')
    .where('e.tenant_id', '=', tenantId)
    .orderBy('e.id')
    .execute();
}

export type EndpointRow = Awaited<ReturnType<typeof listEndpoints>>[number];

export async function findDepartmentId(db: Q, tenantId: number, code: string) {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id;
}

export async function endpointNameTaken(db: Q, tenantId: number, name: string, exceptId = -1) {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface EndpointValues {
  department_id: number | null;
  name: string;
  format: string;
  url: string;
  secret: string | null;
  enabled: number;
}

export async function insertEndpoint(db: Q, tenantId: number, v: EndpointValues, at: string) {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({ tenant_id: tenantId, ...v, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEndpoint(
  db: Q,
  tenantId: number,
  id: number,
  v: Partial<EndpointValues>,
  at: string,
) {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ ...v, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEndpoint(db: Q, tenantId: number, id: number) {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
