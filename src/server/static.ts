/**
 * Serves the built web app from memory. The file list is read once at start, so a request path
 * can only ever name one of those files: no path is joined from user input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFiles {
  has(path: string): boolean;
  serve(c: Context, path: string): Response | null;
}

/** Loads every file under `dir` (the Vite build output). Missing dir → an empty set. */
export function loadStaticFiles(dir: string): StaticFiles {
  const files = new Map<string, { body: Buffer; type: string; immutable: boolean }>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = '/' + relative(dir, full).split('\\').join('/');
        files.set(rel, {
          body: readFileSync(full),
          type: types[extname(name)] ?? 'application/octet-stream',
          immutable: rel.startsWith('/assets/'),
        });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return {
    has: (path) => files.has(path),
    serve(c, path) {
      const file = files.get(path);
      if (!file) return null;
      return c.body(new Uint8Array(file.body), 200, {
        'Content-Type': file.type,
        'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    },
  };
}
