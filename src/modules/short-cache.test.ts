/**
 * The short per-server caches: a miss under load is read once, whoever else misses meanwhile
 * shares that read, and a clear (any write) both empties the cache and keeps a read that began
 * before it from being stored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearShortCaches, shortCache } from './short-cache';

/** A read that resolves when told, counting how often it was started. */
function controlledRead<V>() {
  const started: ((value: V) => void)[] = [];
  return {
    read: () => new Promise<V>((resolve) => started.push(resolve)),
    get count() {
      return started.length;
    },
    resolve: (i: number, value: V) => started[i]?.(value),
  };
}

describe('shortCache.load', () => {
  it('shares one read among callers that miss at the same time, then answers from memory', async () => {
    const cache = shortCache<string>(1000);
    const source = controlledRead<string>();
    const callers = Array.from({ length: 50 }, () => cache.load('k', 0, source.read));
    assert.equal(source.count, 1);
    source.resolve(0, 'v1');
    assert.deepEqual(new Set(await Promise.all(callers)), new Set(['v1']));
    assert.equal(await cache.load('k', 500, source.read), 'v1');
    assert.equal(source.count, 1);
  });

  it('reads again once the entry is older than its time to live', async () => {
    const cache = shortCache<string>(1000);
    let reads = 0;
    const read = () => Promise.resolve(`v${++reads}`);
    assert.equal(await cache.load('k', 0, read), 'v1');
    assert.equal(await cache.load('k', 1000, read), 'v1');
    assert.equal(await cache.load('k', 1001, read), 'v2');
  });

  it('does not store a value that `keep` refuses (an anonymous actor is read each time)', async () => {
    const cache = shortCache<string>(1000);
    let reads = 0;
    const read = () => Promise.resolve(`anonymous ${++reads}`);
    const keep = (v: string) => !v.startsWith('anonymous');
    assert.equal(await cache.load('k', 0, read, keep), 'anonymous 1');
    assert.equal(await cache.load('k', 1, read, keep), 'anonymous 2');
  });

  it('after a clear, a read that began before it is neither shared nor stored', async () => {
    const cache = shortCache<string>(1000);
    const source = controlledRead<string>();
    const before = cache.load('k', 0, source.read);
    clearShortCaches();
    const after = cache.load('k', 1, source.read);
    assert.equal(source.count, 2, 'a caller after the write starts its own read');
    source.resolve(1, 'after the write');
    source.resolve(0, 'before the write');
    assert.equal(await before, 'before the write');
    assert.equal(await after, 'after the write');
    assert.equal(await cache.load('k', 2, source.read), 'after the write');
    assert.equal(source.count, 2);
  });

  it('a failed read is not remembered: the next caller reads again', async () => {
    const cache = shortCache<string>(1000);
    let reads = 0;
    const read = () => (++reads === 1 ? Promise.reject(new Error('database down')) : Promise.resolve('v'));
    await assert.rejects(cache.load('k', 0, read), /database down/);
    assert.equal(await cache.load('k', 1, read), 'v');
    assert.equal(reads, 2);
  });
});
