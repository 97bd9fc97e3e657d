/**
 * Reading in-app notifications: mine and my departments'. Another reader's notification is a 404.
 * A department notification read by one member counts as read for the department.
 */
import type { Notification } from '../../contracts/data';
import type { Db } from '../../db';
import { notFound } from '../errors';
import type { Acting } from './data.policy';
import { presentNotification } from './data.presenter';
import * as repo from './notifications.repository';

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

export async function markNotificationRead(db: Db, actor: Acting, id: number, now: Date): Promise<Notification> {
  const reader = readerOf(actor);
  const found = await repo.findNotification(db.kysely, reader, id);
  if (!found) throw notFound('notification');
  await repo.markRead(db.kysely, id, now.toISOString());
  const updated = await repo.findNotification(db.kysely, reader, id);
  return presentNotification(updated ?? found);
}
