/**
 * A data file checked in a worker thread (import-thread.ts) while this thread writes: on a
 * two-core machine parsing and validating then cost the import almost no time. The batches,
 * the problems and the file errors are the same as checkRows gives in this thread.
 */
import { Worker } from 'node:worker_threads';
import type { CheckedBatch, ValidationSetup } from './checked-rows';
import type { FileSpec } from './file-source';
import { ImportFileError, type SourceStats } from './sources';
import type { ThreadInput, ThreadMessage } from './thread-protocol';

/**
 * The thread's entry beside this module: the bundled .mjs in a build (this code then lives in
 * dist/server/shixiao.mjs), or a shim that loads the TypeScript through tsx when running from
 * source. (The name is not a quoted literal: the build rebases quoted asset URLs to src/.)
 */
function threadEntry(): URL {
  const name = import.meta.url.endsWith('.ts') ? 'import-thread.source.mjs' : 'import-thread.mjs';
  return new URL(`./${name}`, import.meta.url);
}

/**
 * Checked batches of `spec`, read in a worker thread. `stats` is filled in when the file has
 * been read; `onBytes` reports progress. Stopping early (the caller failed) stops the thread.
 */
export function checkInThread(
  spec: FileSpec,
  stats: SourceStats,
  onBytes?: (n: number) => void,
): (setup: ValidationSetup) => AsyncIterable<CheckedBatch> {
  return async function* (setup) {
    const input: ThreadInput = { spec, setup };
    const worker = new Worker(threadEntry(), { workerData: input });
    const queue: ThreadMessage[] = [];
    // Set by the worker's events; a holder, since TypeScript cannot see assignments in callbacks.
    const state: { failure: Error | null } = { failure: null };
    let finished = false;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    worker.on('message', (m: ThreadMessage) => {
      queue.push(m);
      notify();
    });
    worker.on('error', (e) => {
      state.failure ??= e;
      notify();
    });
    worker.on('exit', (code) => {
      if (!finished) state.failure ??= new Error(`the import thread stopped early (exit code ${code})`);
      notify();
    });
    try {
      for (;;) {
        while (queue.length === 0) {
          if (state.failure) throw state.failure;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        const m = queue.shift() as ThreadMessage;
        switch (m.kind) {
          case 'batch':
            onBytes?.(m.bytes);
            // Acknowledged before it is written, so the thread reads on meanwhile.
            worker.postMessage(0);
            yield m.batch;
            break;
          case 'end':
            Object.assign(stats, m.stats);
            return;
          case 'file-error':
            throw new ImportFileError(m.row, m.column, m.message);
          case 'error':
            throw new Error(`the import thread failed: ${m.message}`);
        }
      }
    } finally {
      finished = true;
      await worker.terminate();
    }
  };
}
