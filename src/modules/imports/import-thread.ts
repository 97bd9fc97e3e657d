/**
 * The import thread (a worker_threads entry, bundled as dist/server/import-thread.mjs): reads a
 * data file, parses and validates it, and posts checked batches to the importing thread, which
 * only compares and writes. It never touches the database. At most `inFlight` batches wait
 * unacknowledged, so a file read faster than it is written does not pile up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchBuffers, checkRows } from './checked-rows';
import { openFileSource } from './file-source';
import { ImportFileError } from './sources';
import { inFlight, type ThreadInput, type ThreadMessage } from './thread-protocol';

const port = parentPort;
if (!port) throw new Error('import-thread runs as a worker thread');
const { spec, setup } = workerData as ThreadInput;

let credits = inFlight;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

const post = (message: ThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function run(): Promise<void> {
  let bytes = 0;
  try {
    const source = await openFileSource(spec, (n) => (bytes += n));
    for await (const batch of checkRows(source.batches, setup)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ kind: 'batch', batch, bytes }, batchBuffers(batch));
      bytes = 0;
    }
    post({ kind: 'end', stats: source.stats });
  } catch (error) {
    if (error instanceof ImportFileError)
      post({ kind: 'file-error', row: error.row, column: error.column, message: error.message });
    else
      post({
        kind: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
  }
}

void run();
