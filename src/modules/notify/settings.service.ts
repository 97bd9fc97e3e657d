/**
 * A user's channels: in-app messages (on unless turned off) and e-mail (off until the user gives
 * an address and turns it on; only when the server has an SMTP server).
 */
import type { NotificationSettings, NotificationSettingsUpdate } from '../../contracts/notify';
import type { Db } from '../../db';
import { writeAudit } from '../auth';
import { badInput } from '../errors';
import { requireUser, type Acting } from './notify.policy';
import * as repo from './notify.repository';

export async function getSettings(
  db: Db,
  actor: Acting,
  emailAvailable: boolean,
): Promise<NotificationSettings> {
  const user = requireUser(actor);
  const row = await repo.findSettings(db.kysely, user.userId);
  return {
    inbox: row ? row.inbox === 1 : true,
    email: row ? row.email === 1 : false,
    email_address: row?.email_address ?? null,
    email_available: emailAvailable,
  };
}

export async function updateSettings(
  db: Db,
  actor: Acting,
  change: NotificationSettingsUpdate,
  ctx: { now: Date; emailAvailable: boolean; sourceIp: string | null },
): Promise<NotificationSettings> {
  const user = requireUser(actor);
  const before = await getSettings(db, actor, ctx.emailAvailable);
  const next = {
    inbox: change.inbox ?? before.inbox,
    email: change.email ?? before.email,
    emailAddress: change.email_address === undefined ? before.email_address : change.email_address,
  };
  if (next.email && !next.emailAddress) {
    const message = '开启邮件通知需填写邮箱地址 / give an e-mail address to turn e-mail on';
    throw badInput(message, [{ field: 'email_address', message }]);
  }
  await db.kysely.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, {
      userId: user.userId,
      tenantId: user.tenantId,
      ...next,
      at: ctx.now.toISOString(),
    });
    await writeAudit(trx, {
      tenantId: user.tenantId,
      actor: user,
      action: 'notify.settings',
      objectType: 'user',
      objectId: user.userId,
      before,
      after: { inbox: next.inbox, email: next.email, email_address: next.emailAddress },
      sourceIp: ctx.sourceIp,
      outcome: 'success',
      at: ctx.now,
    });
  });
  return getSettings(db, actor, ctx.emailAvailable);
}
