/**
 * `serve --workers N` (node:cluster): N processes share one listening socket. The primary
 * prepares the database once (migrations, demo, administrator) before forking, so workers never
 * race a migration; only worker 1 runs the scheduled jobs (leases would keep the others out
 * anyway, this spares the work); a write on one worker clears the short caches of all (relayed by
 * the primary); a worker that dies is forked again with its number.
 */
import cluster, { type Worker } from 'node:cluster';
import { clearShortCaches, tellPeersOnClear } from '../modules/short-cache';

const clearMessage = 'shixiao:clear-caches';

export const isClusterWorker = () => cluster.isWorker;

/** In a worker: relay cache clears to and from the other workers. */
export function joinWorkers(): void {
  tellPeersOnClear(() => process.send?.(clearMessage));
  process.on('message', (message) => {
    if (message === clearMessage) clearShortCaches(true);
  });
}

export interface Workers {
  /** The port the workers listen on (the one chosen when `--port 0`). */
  port: number;
  stop(): Promise<void>;
}

/** In the primary: forks `count` workers and resolves once the first listens. */
export function forkWorkers(count: number, jobsIntervalMs: number): Promise<Workers> {
  let stopping = false;
  const byNumber = new Map<number, Worker>();
  const fork = (n: number) => {
    const worker = cluster.fork({
      SHIXIAO_WORKER: String(n),
      SHIXIAO_JOBS_INTERVAL: n === 1 ? String(jobsIntervalMs / 1000) : '0',
    });
    byNumber.set(n, worker);
    worker.on('message', (message) => {
      if (message !== clearMessage) return;
      for (const other of byNumber.values())
        if (other !== worker && other.isConnected()) other.send(clearMessage);
    });
    worker.on('exit', () => {
      if (byNumber.get(n) === worker) byNumber.delete(n);
      if (!stopping) fork(n);
    });
  };
  return new Promise((resolve) => {
    cluster.once('listening', (_worker, address) => {
      resolve({
        port: address.port,
        async stop() {
          stopping = true;
          await Promise.all(
            [...byNumber.values()].map(
              (w) =>
                new Promise<void>((done) => {
                  if (w.isDead()) return done();
                  w.once('exit', () => done());
                  w.process.kill('SIGTERM');
                }),
            ),
          );
        },
      });
    });
    for (let n = 1; n <= count; n++) fork(n);
  });
}
