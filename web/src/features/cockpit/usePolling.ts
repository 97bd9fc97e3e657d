/**
 * Reads something now and again every `everyMs`, for a display nobody touches. A failed read
 * (the server restarting, the network gone) keeps the last data and retries after 2, 4, 8 … s,
 * at most `everyMs` apart, until a read succeeds; then the normal rhythm resumes.
 */
import { useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | null;
  /** When `data` was read (ms since the epoch). */
  updatedAt: number | null;
  /** The last failure, while the next read is pending. */
  error: Error | null;
  /** When the next read starts (ms since the epoch). */
  nextAt: number | null;
}

/** The wait before retry `n` (1, 2, …): 2 s doubling, capped. */
export function backoffMs(n: number, capMs: number): number {
  return Math.min(capMs, 2000 * 2 ** Math.max(0, n - 1));
}

export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, everyMs: number): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, updatedAt: null, error: null, nextAt: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let failures = 0;
    let stopped = false;
    const schedule = (ms: number) => {
      const nextAt = Date.now() + ms;
      setState((s) => ({ ...s, nextAt }));
      timer = setTimeout(run, ms);
    };
    const run = () => {
      controller = new AbortController();
      loadRef.current(controller.signal).then(
        (data) => {
          if (stopped) return;
          failures = 0;
          setState({ data, updatedAt: Date.now(), error: null, nextAt: null });
          schedule(everyMs);
        },
        (e: unknown) => {
          if (stopped) return;
          failures += 1;
          setState((s) => ({ ...s, error: e instanceof Error ? e : new Error(String(e)) }));
          schedule(backoffMs(failures, everyMs));
        },
      );
    };
    run();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [everyMs]);
  return state;
}
