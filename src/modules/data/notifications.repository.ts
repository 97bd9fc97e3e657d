/**
 * In-app notifications: a row is addressed to one user or to a whole department. A reader sees
 * the rows addressed to them and to their departments, in their tenant only.
 */
import type { Q } from './data.repository';

export interface NewNotification {
  tenantId: number;
  userId: number | null;
  departmentId: number | null;
  kind: string;
  payload: Record<string, unknown>;
  at: string;
}

export async function insertNotifications(db: Q, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        tenant_id: r.tenantId,
        user_id: r.userId,
        department_id: r.departmentId,
        kind: r.kind,
        payload: JSON.stringify(r.payload),
        created_at: r.at,
        read_at: null,
      })),
    )
    .execute();
}

export interface Reader {
  tenantId: number;
  userId: number | null;
  departmentIds: number[];
}

function visibleTo(db: Q, reader: Reader) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('tenant_id', '=', reader.tenantId)
    .where((eb) =>
      eb.or([
        ...(reader.userId === null ? [] : [eb('user_id', '=', reader.userId)]),
        eb.and([
          eb('user_id', 'is', null),
          eb('department_id', 'in', reader.departmentIds.length ? reader.departmentIds : [-1]),
        ]),
      ]),
    );
}

export async function listNotifications(db: Q, reader: Reader, unreadOnly: boolean) {
  return visibleTo(db, reader)
    .$if(unreadOnly, (q) => q.where('read_at', 'is', null))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export async function findNotification(db: Q, reader: Reader, id: number) {
  return visibleTo(db, reader).where('id', '=', id).executeTakeFirst();
}

export async function markRead(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}
