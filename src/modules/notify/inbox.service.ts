/**
 * The in-app inbox: my messages and my departments'. Read state is per user: a department
 * message read by one member stays unread for the others. Another reader's message is a 404.
 */
import type { Notification } from '../../contracts/notify';
import type { Db } from '../../db';
import { notFound } from '../errors';
import { presentNotification } from './notify.presenter';
import { requireUser, type Acting } from './notify.policy';
import * as repo from './notify.repository';

function readerOf(actor: Acting): repo.Reader {
  return {
    tenantId: actor.tenantId,
    userId: actor.kind === 'user' ? actor.userId : null,
    departmentIds: actor.departmentIds,
  };
}

export async function listNotifications(db: Db, actor: Acting, unreadOnly: boolean): Promise<Notification[]> {
  return (await repo.listNotifications(db.kysely, readerOf(actor), unreadOnly)).map(presentNotification);
}

export async function markNotificationRead(
  db: Db,
  actor: Acting,
  id: number,
  now: Date,
): Promise<Notification> {
  const reader = readerOf(actor);
  const found = await repo.findNotification(db.kysely, reader, id);
  if (!found) throw notFound('notification');
  const user = requireUser(actor);
  await repo.markRead(db.kysely, user.tenantId, user.userId, id, now.toISOString());
  const updated = await repo.findNotification(db.kysely, reader, id);
  return presentNotification(updated ?? found);
}

export type { NewNotification } from './notify.repository';

/** Writes in-app messages inside the caller's transaction (another module's workflow step). */
export async function recordNotifications(trx: repo.Q, rows: repo.NewNotification[]): Promise<void> {
  await repo.insertNotifications(trx, rows);
}

/**
 * Writes one in-app message to each active user holding one of the roles in a tenant (e.g. a
 * district's administrators and supervisors), inside the caller's transaction; returns how many.
 */
export async function notifyRoleHolders(
  trx: repo.Q,
  n: {
    tenantId: number;
    roles: readonly string[];
    kind: string;
    payload: Record<string, unknown>;
    at: string;
  },
): Promise<number> {
  const users = await repo.usersWithRoles(trx, n.tenantId, n.roles);
  await repo.insertNotifications(
    trx,
    users.map((userId) => ({
      tenantId: n.tenantId,
      userId,
      departmentId: null,
      kind: n.kind,
      payload: n.payload,
      at: n.at,
    })),
  );
  return users.length;
}
