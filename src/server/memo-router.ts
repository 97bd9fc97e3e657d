/**
 * Hono's router with a memory of the paths it has matched. The app's routes put a fixed segment
 * and a parameter at the same place (`…/tasks/red-list` beside `…/tasks/:task`), which Hono's
 * RegExpRouter refuses, so every request was matched by walking the TrieRouter. A path seen
 * before now costs one Map lookup (the status route's hot path: docs/performance.md).
 * Hono only reads a match (the request takes its parameters from it), and the routes are fixed
 * once the app is built (adding one forgets every match), so a remembered match stays right.
 */
import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Paths remembered at most; then the memory starts again (request paths come from anyone). */
const limit = 5_000;

export class MemoRouter<T> implements Router<T> {
  readonly #inner: Router<T>;
  readonly #seen = new Map<string, Result<T>>();

  constructor(inner: Router<T> = new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] })) {
    this.#inner = inner;
  }

  get name(): string {
    return `Memo(${this.#inner.name})`;
  }

  add(method: string, path: string, handler: T): void {
    this.#seen.clear();
    this.#inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let found = this.#seen.get(key);
    if (found === undefined) {
      found = this.#inner.match(method, path);
      if (this.#seen.size >= limit) this.#seen.clear();
      this.#seen.set(key, found);
    }
    return found;
  }
}
