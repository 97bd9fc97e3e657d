/**
 * A Vite plugin that writes `.br` and `.gz` beside every text file of the build, so the server
 * sends static files compressed without spending CPU on each request (brotli at its best quality,
 * which is too slow to run per request).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.map']);

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Writes `file.br` and `file.gz` for each compressible file of `dir` that gets smaller. */
export function precompressDir(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!compressible.has(extname(file))) continue;
    const body = readFileSync(file);
    if (body.length < 256) continue;
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${file}.br`, br);
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
  }
}

export function precompress(outDir: string): Plugin {
  return {
    name: 'shixiao-precompress',
    apply: 'build',
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
