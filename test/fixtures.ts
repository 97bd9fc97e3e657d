/** Paths of test inputs, all inside the repository (a clone needs nothing beside it). */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

const fixture = (path: string): string => fileURLToPath(new URL(`fixtures/${path}`, import.meta.url));

export const demoPlanFile = fileURLToPath(new URL('../examples/yuzhong-2023/plan.yaml', import.meta.url));
/** The extraction seed: a 2023 plenary interpretation of 渝中区, and its hand labels. */
export const seedFile = fixture('seed/yuzhong-plenary-2023.md');
export const seedLabelsFile = fixture('seed/yuzhong-plenary-2023.labels.json');

/**
 * Unpacks a fixture made by scripts/pack-fixture.mjs into a folder under the system's temporary
 * directory, named by the archive's hash, and returns the folder. Test files run in parallel
 * processes, so each unpacks into its own folder and renames it into place: the first one wins,
 * the others find it complete.
 */
export function unpackFixture(archive: string): string {
  const packed = readFileSync(fixture(archive));
  const hash = createHash('sha256').update(packed).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `shixiao-fixture-${archive.replace(/\W/g, '-')}-${hash}`);
  if (existsSync(dir)) return dir;
  const files = JSON.parse(brotliDecompressSync(packed).toString('utf8')) as Record<string, string>;
  const partial = `${dir}.${process.pid}.partial`;
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(partial, path)), { recursive: true });
    writeFileSync(join(partial, path), content);
  }
  try {
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
  return dir;
}

/** Open SDG Canada's data repository (data/, meta/ and the published results), unpacked. */
export function opensdgCanadaDir(): string {
  return process.env.OPENSDG_CANADA_DIR ?? unpackFixture('opensdg-canada.json.br');
}
