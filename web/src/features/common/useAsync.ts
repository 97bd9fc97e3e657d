/** Runs an async loader when its key changes; aborts the previous run. */
import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  { state: 'loading' } | { state: 'error'; error: Error; retry: () => void } | { state: 'done'; data: T };

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; value: AsyncState<T> }>({
    key: '',
    value: { state: 'loading' },
  });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    const runKey = `${key}#${attempt}`;
    load(controller.signal).then(
      (data) => setResult({ key: runKey, value: { state: 'done', data } }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const error = e instanceof Error ? e : new Error(String(e));
        setResult({ key: runKey, value: { state: 'error', error, retry } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  return result.key === `${key}#${attempt}` ? result.value : { state: 'loading' };
}

/** useAsync of a list the page changes: `reload()` loads it again after a save. */
export function useReloadable<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
): [AsyncState<T>, () => void] {
  const [version, setVersion] = useState(0);
  const state = useAsync(load, `${key}#${version}`);
  return [state, () => setVersion((n) => n + 1)];
}
