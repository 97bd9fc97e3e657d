/**
 * What a first visit of a page downloads, read from the production build: the entry chunk of
 * index.html, the page's lazy chunk(s) and every chunk they import statically, weighed as the
 * server sends them (the precompressed gzip file; brotli, smaller, is counted only as a note).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Weight {
  files: string[];
  /** Bytes as built. */
  raw: number;
  /** Bytes on the wire with gzip (what Chromium asks for over plain HTTP). */
  gzip: number;
  /** Bytes on the wire with brotli (HTTPS). */
  brotli: number;
}

export function readManifest(dist: string): Manifest {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:web\` first`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : null);

/**
 * The JavaScript a first visit loads: index.html's entry plus the lazy modules named by their
 * source path (e.g. `src/features/indicator/IndicatorPage.tsx`), each with its static imports.
 */
export function firstVisitJs(dist: string, lazyModules: readonly string[]): Weight {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`'${key}' is not in the build manifest`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry);
  for (const m of lazyModules) visit(m);
  const files = [...seen].map((k) => manifest[k]?.file ?? '').filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const full = join(dist, f);
    const size = sizeOf(full) ?? 0;
    raw += size;
    gzip += sizeOf(`${full}.gz`) ?? size;
    brotli += sizeOf(`${full}.br`) ?? size;
  }
  return { files, raw, gzip, brotli };
}
