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
  /**
   * The cached value, else one load shared by every caller that misses meanwhile (when an entry
   * expires under load, fifty requests would otherwise run the same queries fifty times). A value
   * is kept only if `keep` accepts it and no clear came while it loaded: a load that began before
   * a write may have read what the write changed.
   */
  load(key: string, now: number, read: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  clear: () => void;
}

/**
 * A map whose entries expire `ttlMs` after they were set (`now` as in ShortCache); it is emptied
 * whole on reaching `maxEntries`, which bounds its memory without bookkeeping of the oldest.
 */
export function expiringMap<V>(ttlMs: number, maxEntries: number) {
  const entries = new Map<string, { value: V; at: number }>();
  return {
    get(key: string, now: number): V | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now - hit.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: V, now: number): void {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, at: now });
    },
    clear: () => entries.clear(),
  };
}

export function shortCache<V>(ttlMs: number, maxEntries = 10_000): ShortCache<V> {
  const entries = expiringMap<V>(ttlMs, maxEntries);
  const loading = new Map<string, Promise<V>>();
  // Bumped by every clear: a load that began in an earlier generation is not stored.
  let generation = 0;
  const cache: ShortCache<V> = {
    get: (key, now) => entries.get(key, now),
    set: (key, value, now) => entries.set(key, value, now),
    load(key, now, read, keep = () => true) {
      const hit = cache.get(key, now);
      if (hit !== undefined) return Promise.resolve(hit);
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const promise = read().then(
        (value) => {
          if (generation === started) {
            loading.delete(key);
            if (keep(value)) cache.set(key, value, now);
          }
          return value;
        },
        (error: unknown) => {
          if (generation === started) loading.delete(key);
          throw error;
        },
      );
      loading.set(key, promise);
      return promise;
    },
    clear: () => {
      generation++;
      entries.clear();
      loading.clear();
    },
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
