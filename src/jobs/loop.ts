/**
 * The server's own job loop: `runJobsOnce` every interval (SHIXIAO_JOBS_INTERVAL), one run at a
 * time, errors logged and never fatal. Several servers may run it on one database: leases and
 * the notices' unique keys keep each notice single. `stop()` waits for a run in flight.
 */
import type { Logger } from 'pino';
import type { Db } from '../db';
import type { Channels, JobKind } from '../modules/notify';
import { jobKinds } from './registry';
import { newHolder, runJobsOnce } from './runner';

export interface JobLoopOptions {
  intervalMs: number;
  channels: Channels;
  log: Logger;
  /** The clock (the server's). */
  now: () => Date;
  jobs?: readonly JobKind[];
  /** Delay of the first run after start (default: one second, so start-up stays quick). */
  firstRunMs?: number;
}

export interface JobLoop {
  stop(): Promise<void>;
  /** Resolves after the next run has finished (tests and diagnostics). */
  nextRun(): Promise<void>;
}

export function startJobLoop(db: Db, opts: JobLoopOptions): JobLoop {
  const holder = newHolder();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let waiters: (() => void)[] = [];

  const tick = () => {
    running = runJobsOnce(db, {
      now: opts.now(),
      jobs: opts.jobs ?? jobKinds,
      channels: opts.channels,
      holder,
      log: opts.log,
    })
      .then(
        () => undefined,
        (error: unknown) => opts.log.error({ err: error }, 'jobs run failed'),
      )
      .finally(() => {
        running = null;
        const done = waiters;
        waiters = [];
        for (const w of done) w();
        if (!stopped) timer = setTimeout(tick, opts.intervalMs);
      });
  };
  timer = setTimeout(tick, opts.firstRunMs ?? 1000);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
    },
    nextRun: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}
