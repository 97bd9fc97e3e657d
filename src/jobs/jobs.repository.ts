/**
 * Leases of the job runner: one row per job; a runner holds a job while `expires_at` is in the
 * future. Taking a lease is one upsert that only replaces an expired (or our own) lease, so of
 * two runners exactly one gets it, on SQLite and PostgreSQL alike.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db';

/** True when `holder` now holds `job` until `until`. */
export async function takeLease(
  db: Kysely<Database>,
  job: string,
  holder: string,
  now: string,
  until: string,
): Promise<boolean> {
  const row = await db
    .insertInto('job_leases')
    .values({ job, holder, expires_at: until })
    .onConflict((oc) =>
      oc
        .column('job')
        .doUpdateSet({ holder, expires_at: until })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<=', now), eb('job_leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease back early (a finished run), so the next run need not wait for it to expire. */
export async function releaseLease(db: Kysely<Database>, job: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('job', '=', job).where('holder', '=', holder).execute();
}

/** Extends a lease `holder` still holds (never takes one back that was released or lost). */
export async function renewLease(
  db: Kysely<Database>,
  job: string,
  holder: string,
  until: string,
): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ expires_at: until })
    .where('job', '=', job)
    .where('holder', '=', holder)
    .execute();
}
