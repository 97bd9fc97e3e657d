/** What the importing thread and the import thread (import-thread.ts) say to each other. */
import type { CheckedBatch, ValidationSetup } from './checked-rows';
import type { FileSpec } from './file-source';
import type { SourceStats } from './sources';

/** The import thread's `workerData`. */
export interface ThreadInput {
  spec: FileSpec;
  setup: ValidationSetup;
}

/** Batches posted and not yet acknowledged, at most. */
export const inFlight = 4;

/** Import thread → importing thread. The importing thread answers each batch with an ack. */
export type ThreadMessage =
  | { kind: 'batch'; batch: CheckedBatch; /** file bytes read since the last batch */ bytes: number }
  | { kind: 'end'; stats: SourceStats }
  | { kind: 'file-error'; row: number; column: string; message: string }
  | { kind: 'error'; message: string };
