/**
 * Serves the built web app from memory. The file list is read once at start, so a request path
 * can only ever name one of those files: no path is joined from user input. Files the build
 * precompressed (`x.js.br`, `x.js.gz`) are sent as they are to clients that accept them; hashed
 * assets are cached for a year, everything else revalidated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Context } from 'hono';
import { preferredEncoding } from '../modules/response-headers';

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

interface StaticFile {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  immutable: boolean;
}

export interface StaticFiles {
  has(path: string): boolean;
  serve(c: Context, path: string): Response | null;
}

/** Loads every file under `dir` (the Vite build output). Missing dir → an empty set. */
export function loadStaticFiles(dir: string): StaticFiles {
  const files = new Map<string, StaticFile>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.br') && !name.endsWith('.gz')) {
        const rel = '/' + relative(dir, full).split('\\').join('/');
        files.set(rel, {
          body: readFileSync(full),
          br: existsSync(`${full}.br`) ? readFileSync(`${full}.br`) : undefined,
          gzip: existsSync(`${full}.gz`) ? readFileSync(`${full}.gz`) : undefined,
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
      const headers: Record<string, string> = {
        'Content-Type': file.type,
        'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (file.br || file.gzip) headers.Vary = 'Accept-Encoding';
      const encoding = preferredEncoding(c.req.header('Accept-Encoding'), {
        br: file.br !== undefined,
        gzip: file.gzip !== undefined,
      });
      const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined;
      if (encoding && body) headers['Content-Encoding'] = encoding;
      return c.body(new Uint8Array(body ?? file.body), 200, headers);
    },
  };
}
