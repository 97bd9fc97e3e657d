/**
 * Short-lived per-server caches for the hot read path (session → actor, plan revision). They
 * keep a request to a handful of microseconds; any write handled by this server clears them at
 * once, and another server's write is seen within `ttlMs` (at most a second).
 *
 * `now` is a reading in ms. The revision, tenant and portal caches pass `Date.now()`: their TTL
 * is elapsed time, not "the time" of a result (a test's fixed clock would freeze them, and a
 * second server's write would never be seen). The session → actor cache passes the request's
 * clock, so a test that moves the clock past a session's timeout is not answered from it.
 */
const clearers = new Set<() => void>();

export interface ShortCache<V> {
  get(key: string, now: number): V | undefined;
  set(key: string, value: V, now: number): void;
  clear: () => void;
}

export function shortCache<V>(ttlMs: number, maxEntries = 10_000): ShortCache<V> {
  const entries = new Map<string, { value: V; at: number }>();
  const cache: ShortCache<V> = {
    get(key, now) {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now - hit.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key, value, now) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, at: now });
    },
    clear: () => entries.clear(),
  };
  clearers.add(() => cache.clear());
  return cache;
}

let peers: (() => void) | null = null;

/**
 * Called after every write this server handles (and by tests): every short cache is emptied, and
 * the other workers of `serve --workers` are told to empty theirs (`fromPeer`: told by one).
 */
export function clearShortCaches(fromPeer = false): void {
  for (const clear of clearers) clear();
  if (!fromPeer) peers?.();
}

/** `serve --workers`: how a worker tells the others to clear their caches. */
export function tellPeersOnClear(tell: (() => void) | null): void {
  peers = tell;
}
