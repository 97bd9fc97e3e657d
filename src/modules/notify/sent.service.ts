/** What other modules may ask about notices already sent (the red list shows when 督办 went out). */
import type { Db } from '../../db';
import * as repo from './notify.repository';

/** `object|due` → when the notice of that job and step was recorded. */
export async function noticesSentAt(
  db: Db,
  tenantId: number,
  job: string,
  step: string,
  objects: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // A few hundred objects at a time keep the IN list small on both dialects.
  for (let i = 0; i < objects.length; i += 500) {
    for (const r of await repo.noticesSent(db.kysely, tenantId, job, step, objects.slice(i, i + 500))) {
      out.set(`${r.object}|${r.due_date}`, r.created_at);
    }
  }
  return out;
}

/** The objects (with the date each notice was about) of a job's notices recorded in [from, to). */
export async function noticesRecordedBetween(
  db: Db,
  tenantId: number,
  job: string,
  step: string,
  from: string,
  to: string,
): Promise<{ object: string; due: string; at: string }[]> {
  return (await repo.noticesRecordedBetween(db.kysely, tenantId, job, step, from, to)).map((r) => ({
    object: r.object,
    due: r.due_date,
    at: r.created_at,
  }));
}
