/**
 * One run of the scheduled jobs at a moment: each job (under its lease) finds what is due, each
 * notice is recorded once (its unique key inserted if absent in the transaction that writes it),
 * then the outbox of e-mails and webhook calls is worked with retries. `shixiao jobs run` and
 * the server's loop both call `runJobsOnce`; running it again at the same moment, or in two
 * processes at once, sends nothing twice.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { systemClock, type Db } from '../db';
import { deliverDue, recordNotices, type Channels, type JobKind, type SentNotice } from '../modules/notify';
import { releaseLease, renewLease, takeLease } from './jobs.repository';

/**
 * A lease lasts this long and is renewed while its work runs (every `leaseMs / 3`): a runner
 * killed in a job frees it within this time, so another server carries on (two-servers test).
 */
export const leaseMs = 60_000;

export interface RunOptions {
  now: Date;
  jobs: readonly JobKind[];
  channels: Channels;
  /** Who runs: unique per process (host, pid, random). */
  holder?: string;
  log?: Logger;
  /**
   * The clock of leases: real time even when `now` replays another moment, so two runners
   * racing now exclude each other and a crashed run's lease expires in minutes.
   */
  leaseClock?: () => Date;
}

export interface RunReport {
  /** In-app messages written and e-mails/webhook calls delivered by this run. */
  sent: SentNotice[];
  /** Due notices found already sent (by an earlier run or another runner). */
  skipped: number;
  /** Jobs another runner held during this run (it does their work). */
  busy: string[];
  /** Deliveries that failed in this run and wait for a retry, or failed for good. */
  retrying: number;
  failed: number;
}

export function newHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

async function underLease<T>(db: Db, job: string, holder: string, clock: () => Date, work: () => Promise<T>) {
  const wall = clock();
  const until = new Date(wall.getTime() + leaseMs).toISOString();
  if (!(await takeLease(db.kysely, job, holder, wall.toISOString(), until))) return { held: false as const };
  // Renewed while the work runs, so a long run keeps it and a dead runner's lease ends soon.
  const renew = setInterval(() => {
    const renewed = new Date(clock().getTime() + leaseMs).toISOString();
    void renewLease(db.kysely, job, holder, renewed).catch(() => undefined);
  }, leaseMs / 3);
  try {
    return { held: true as const, value: await work() };
  } finally {
    clearInterval(renew);
    await releaseLease(db.kysely, job, holder);
  }
}

/** Runs every job due at `opts.now` once, then the deliveries due. */
export async function runJobsOnce(db: Db, opts: RunOptions): Promise<RunReport> {
  const holder = opts.holder ?? newHolder();
  const clock = opts.leaseClock ?? systemClock;
  const report: RunReport = { sent: [], skipped: 0, busy: [], retrying: 0, failed: 0 };
  const ctx = { db, now: opts.now, today: opts.now.toISOString().slice(0, 10) };
  const record = { now: opts.now, emailEnabled: opts.channels.mailer !== null };
  for (const job of opts.jobs) {
    const outcome = await underLease(db, `job:${job.name}`, holder, clock, async () => {
      if (job.run) await job.run(ctx);
      // Recorded in chunks: one transaction and a few multi-row inserts per chunk of notices.
      const recorded = await recordNotices(db, job.name, await job.findDue(ctx), record);
      report.skipped += recorded.skipped;
      report.sent.push(...recorded.sent);
    });
    if (!outcome.held) report.busy.push(job.name);
  }
  const delivered = await underLease(db, 'deliveries', holder, clock, () =>
    deliverDue(db, opts.channels, opts.now),
  );
  if (delivered.held) {
    report.sent.push(...delivered.value.sent);
    report.retrying += delivered.value.retrying;
    report.failed += delivered.value.failed;
  } else {
    report.busy.push('deliveries');
  }
  opts.log?.info(
    {
      sent: report.sent.length,
      skipped: report.skipped,
      busy: report.busy,
      retrying: report.retrying,
      failed: report.failed,
    },
    'jobs run',
  );
  return report;
}
